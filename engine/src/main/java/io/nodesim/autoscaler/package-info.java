/**
 * cluster-autoscaler ({@code kubernetes/autoscaler}, {@code cluster-autoscaler/}): the scan loop, the
 * cluster-health guard, the binpacking estimator on template nodes, the expanders, node groups with
 * their backoff, and the scale-down of unready nodes. It acts on the cluster as the real one does
 * through the cloud provider: new machines register their Node objects through the kubelet model.
 */
package io.nodesim.autoscaler;
