/**
 * Fault injection, one class per {@link io.nodesim.scenario.FaultType}, registered in
 * {@link io.nodesim.faults.FaultRegistry}. Faults only change what the world does (a kubelet stops,
 * a network is cut, writes are slow or lost); the controllers notice through missing or late
 * heartbeats and react on their own.
 */
package io.nodesim.faults;
