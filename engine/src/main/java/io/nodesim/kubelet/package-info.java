/**
 * The kubelet's heartbeats: Lease renewals and NodeStatus posts, evaluated lazily (a node's
 * heartbeat times are a pure function of (stream, node, restart epoch, k), so no event is queued
 * per renewal), plus the event-driven Ready=True post after recovery.
 */
package io.nodesim.kubelet;
