package io.nodesim.autoscaler;

import io.nodesim.scenario.NodeGroup;
import io.nodesim.scenario.Scenario;
import io.nodesim.scenario.WorkloadSpec;
import io.nodesim.scheduler.CompiledPod;
import io.nodesim.scheduler.InitialPlacement;
import io.nodesim.scheduler.NamespaceLabels;
import io.nodesim.scheduler.PodCompiler;
import io.nodesim.scheduler.Scheduler;
import io.nodesim.scheduler.SchedulerCache;

/**
 * cluster-autoscaler's simulation snapshot for nodes that do not exist yet
 * ({@code simulator/clustersnapshot}, {@code core/utils.GetNodeInfoFromTemplate}): nodes built from a
 * node group's template, each starting with the DaemonSet pods the DaemonSet controller would run on
 * it, and the scheduler's filter plugins to ask whether a pod fits one of them. The snapshot holds
 * only such template nodes, never the live cluster: a pod is tested against the template and the
 * pods simulated onto the template nodes with it (resources, pod count, host ports, taints, node
 * affinity, and spreading or inter-pod affinity among these nodes), not against the pods of the
 * existing nodes. Pods are compiled against this snapshot's own symbols.
 */
final class TemplateSnapshot {
    private final SchedulerCache cache = new SchedulerCache();
    private final Scheduler scheduler;
    private final PodCompiler compiler;
    private final Scenario scenario;
    private final CompiledPod[] workloadPods;
    private int added;

    TemplateSnapshot(Scenario scenario) {
        this.scenario = scenario;
        scheduler = new Scheduler(cache, scenario.kubeScheduler(), null);
        compiler = new PodCompiler(cache, scenario.kubeScheduler().sidecarHostPorts(),
                NamespaceLabels.of(scenario.namespaces(), scenario.kubernetesVersion()), scenario.kubernetesVersion());
        workloadPods = new CompiledPod[scenario.workloads().size()];
    }

    /** The pod of workload {@code w} as this snapshot's scheduler sees it (a DaemonSet's: unpinned). */
    CompiledPod pod(int w) {
        if (workloadPods[w] == null) {
            WorkloadSpec spec = scenario.workloads().get(w);
            workloadPods[w] = "DaemonSet".equals(spec.kind())
                    ? compiler.compile(spec.name(), spec.namespace(), spec.template(), null)
                    : compiler.compile(spec);
        }
        return workloadPods[w];
    }

    /**
     * A fresh node from the group's template (its own name and hostname, the zone of the group's
     * {@code slot}-th node), with the DaemonSet pods that would run on it; returns its index.
     */
    int addNode(NodeGroup group, int slot) {
        String name = "template-node-for-" + group.name() + "-" + added++;
        int n = cache.addNode(group.template(), name, group.zone(slot));
        for (int w = 0; w < scenario.workloads().size(); w++) {
            if ("DaemonSet".equals(scenario.workloads().get(w).kind())
                    && InitialPlacement.daemonSetEligible(pod(w), cache, n)) {
                cache.pods().addPod(compiler.compilePinned(pod(w), name + "-ds-" + w, name), n);
            }
        }
        return n;
    }

    /** The scheduler's filter plugins accept the pod on the node. */
    boolean fits(CompiledPod pod, int node) {
        return scheduler.filterOn(pod, node) == null;
    }

    void place(CompiledPod pod, int node) {
        cache.pods().addPod(pod, node);
    }
}
