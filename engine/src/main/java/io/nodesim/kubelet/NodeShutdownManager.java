package io.nodesim.kubelet;

import io.nodesim.cluster.ClusterState;
import io.nodesim.cluster.EventKind;
import io.nodesim.cluster.PodTable;
import io.nodesim.kernel.DurationDistribution;
import io.nodesim.kernel.SimTime;
import io.nodesim.kernel.Simulation;
import io.nodesim.scenario.GracefulShutdownConfig;
import io.nodesim.scenario.GracefulShutdownConfig.PriorityGroup;
import io.nodesim.scenario.WorkloadSpec;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * The kubelet's node shutdown manager ({@code pkg/kubelet/nodeshutdown/nodeshutdown_manager_linux.go},
 * {@code processShutdownEvent}; feature gate GracefulNodeShutdown, beta from 1.21): it holds a
 * systemd-logind delay inhibitor lock; on PrepareForShutdown it
 * <ol>
 *   <li>reports the node shutting down: {@code ShutdownStatus} is an error of the Ready condition
 *       setter, so Ready=False ({@code KubeletNotReady}, "node is shutting down") is posted at once
 *       ({@code go m.syncNodeStatus()});</li>
 *   <li>terminates the active pods group by group, lowest priority first
 *       ({@code groupByPriority}: a pod goes to the group of the highest priority not above its
 *       own): each pod of a group with grace period min(its terminationGracePeriodSeconds, the
 *       group's seconds), phase Failed (reason {@code Terminated}); the next group starts when every
 *       pod of this one has terminated or the group's period is over;</li>
 *   <li>releases the lock: the machine powers off (as a crash from then on).</li>
 * </ol>
 * A pod's containers exit after a sample of the fault's {@code podExit}, at most its grace period
 * (absent: the whole grace period, the longest the kubelet waits). Without a group (both periods 0,
 * the default) there is no manager and a shutdown is immediate: a crash.
 */
public final class NodeShutdownManager {
    /** The default terminationGracePeriodSeconds of a pod. */
    static final long DEFAULT_TERMINATION_GRACE_SECONDS = 30;
    private static final int SYSTEM_NODE_CRITICAL = 2_000_001_000;

    private final Simulation sim;
    private final ClusterState cluster;
    private final Kubelet kubelet;
    private final List<PriorityGroup> groups;
    private final int[] priority;
    private final long[] terminationGrace;
    private final RandomGenerator rng;
    private final boolean[] shuttingDown;
    private final int[] epoch;
    private final int terminatedKind;
    private final int powerOffKind;

    public NodeShutdownManager(Simulation sim, ClusterState cluster, Kubelet kubelet, GracefulShutdownConfig config,
            List<WorkloadSpec> workloads, RandomGenerator rng) {
        this.sim = sim;
        this.cluster = cluster;
        this.kubelet = kubelet;
        this.groups = config.groups();
        this.rng = rng;
        priority = new int[workloads.size()];
        terminationGrace = new long[workloads.size()];
        for (int w = 0; w < workloads.size(); w++) {
            var spec = workloads.get(w).template().getSpec();
            priority[w] = priorityOf(spec);
            Long tgps = spec == null ? null : spec.getTerminationGracePeriodSeconds();
            terminationGrace[w] = tgps == null ? DEFAULT_TERMINATION_GRACE_SECONDS : tgps;
        }
        int n = cluster.nodes().count();
        shuttingDown = new boolean[n];
        epoch = new int[n];
        terminatedKind = sim.registerKind("nodeshutdown.podTerminated", this::podTerminated);
        powerOffKind = sim.registerKind("nodeshutdown.powerOff", this::powerOff);
        kubelet.shutdownManager = this;
    }

    /**
     * The pod's priority: {@code spec.priority} when admission set it, else the built-in classes
     * system-node-critical and system-cluster-critical, else 0.
     */
    private static int priorityOf(io.fabric8.kubernetes.api.model.PodSpec spec) {
        if (spec == null) {
            return 0;
        }
        if (spec.getPriority() != null) {
            return spec.getPriority();
        }
        String cls = spec.getPriorityClassName();
        if ("system-node-critical".equals(cls)) {
            return SYSTEM_NODE_CRITICAL;
        }
        return "system-cluster-critical".equals(cls) ? GracefulShutdownConfig.SYSTEM_CRITICAL_PRIORITY : 0;
    }

    /** True when the kubelet has a shutdown manager (some group has a period). */
    public boolean enabled() {
        return !groups.isEmpty();
    }

    boolean shuttingDown(int node) {
        return shuttingDown[node];
    }

    /**
     * The group index of a pod's priority ({@code groupByPriority}): above the highest group, the
     * highest; below the lowest, the lowest; between two, the lower one.
     */
    static int groupOf(List<PriorityGroup> groups, int podPriority) {
        int index = 0;
        while (index < groups.size() && groups.get(index).priority() < podPriority) {
            index++;
        }
        if (index == groups.size()) {
            return groups.size() - 1;
        }
        if (index > 0 && groups.get(index).priority() > podPriority) {
            return index - 1;
        }
        return index;
    }

    /**
     * The shutdown event reaches the kubelet at {@code now}; returns when the machine powers off.
     *
     * @param podExit how long a container takes to exit after SIGTERM, or null for its whole grace period
     */
    public long shutdown(int node, long now, DurationDistribution podExit) {
        shuttingDown[node] = true;
        int e = ++epoch[node];
        kubelet.syncNodeStatus(node, now);
        PodTable pods = cluster.pods();
        int[] members = new int[16];
        long start = now;
        for (int g = 0; g < groups.size(); g++) {
            int count = 0;
            for (int p = pods.firstOnNode(node); p >= 0; p = pods.nextOnNode(p)) {
                if (!pods.isDeleted(p) && !pods.failed(p) && groupOf(groups, priority[pods.workload(p)]) == g) {
                    if (count == members.length) {
                        members = Arrays.copyOf(members, count * 2);
                    }
                    members[count++] = p;
                }
            }
            long groupEnd = start;
            long groupSeconds = groups.get(g).shutdownGracePeriodSeconds();
            for (int i = 0; i < count; i++) {
                int p = members[i];
                long grace = Math.min(terminationGrace[pods.workload(p)], groupSeconds) * SimTime.SECOND;
                long exit = podExit == null ? grace : Math.min(podExit.sample(rng), grace);
                sim.schedule(start + exit, terminatedKind, p);
                groupEnd = Math.max(groupEnd, start + exit);
            }
            start = groupEnd;
        }
        sim.schedule(start, powerOffKind, node * 1024 + (e & 1023));
        return start;
    }

    private void podTerminated(int pod, long now) {
        cluster.failPod(pod, now, "Terminated: node shutdown");
    }

    private void powerOff(int arg, long now) {
        int node = arg / 1024;
        if (!shuttingDown[node] || (epoch[node] & 1023) != arg % 1024) {
            return;
        }
        cluster.recorder().record(now, EventKind.NodeFault, cluster.nodes().name(node), "powered off after graceful shutdown");
        kubelet.faults().stopKubelet(node, now, NodeFaultState.CRASHED);
        cluster.nodes().setContainersRunning(node, false);
    }

    /** The machine boots again (or the shutdown is over before the power-off): the new kubelet is not shutting down. */
    public void booted(int node) {
        shuttingDown[node] = false;
    }
}
