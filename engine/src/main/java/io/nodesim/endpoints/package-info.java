/**
 * Traffic: how long a Service keeps sending connections to a pod that stopped serving. The
 * EndpointSlice controller ({@link io.nodesim.endpoints.EndpointSliceController}) publishes each
 * pod's Ready condition in its Service's EndpointSlice; kube-proxy
 * ({@link io.nodesim.endpoints.KubeProxy}) turns the slices into rules. Every workload has one
 * Service selecting exactly its pods.
 */
package io.nodesim.endpoints;
