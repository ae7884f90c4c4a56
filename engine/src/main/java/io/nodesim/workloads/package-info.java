/**
 * The workload controllers that turn evictions into running replacements (spec §1.7–§1.9):
 * ReplicaSet / Deployment, StatefulSet, the pod garbage collector, the attach-detach controller's
 * RWO volume hand-over, and the kubelet's start-up of a bound pod (image pull, container start,
 * readiness probe). DaemonSet pods tolerate the node taints and bare pods have no controller, so
 * neither is ever replaced. Each class cites the upstream file it models.
 */
package io.nodesim.workloads;
