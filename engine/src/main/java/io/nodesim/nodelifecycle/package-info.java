/**
 * The node lifecycle controller of kube-controller-manager: monitor passes, probe timestamps and
 * the Ready=Unknown decision, pods marked NotReady, the NoSchedule taints, the per-zone
 * rate-limited NoExecute tainting (or, on the legacy path, pod eviction), zone states and master
 * disruption mode.
 */
package io.nodesim.nodelifecycle;
