/**
 * What happens to a pod between the workload's template and the API server's stored object, applied
 * once when the scenario loads: the DaemonSet controller's tolerations and the
 * DefaultTolerationSeconds admission plugin. The scheduler, the t = 0 placement and the
 * taint-eviction controller all read the admitted pod.
 */
package io.nodesim.admission;
