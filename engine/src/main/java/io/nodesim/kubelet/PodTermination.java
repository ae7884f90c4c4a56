package io.nodesim.kubelet;

import io.nodesim.cluster.ClusterState;
import io.nodesim.cluster.PodDeletions;
import io.nodesim.cluster.PodTable;
import io.nodesim.cluster.PodWatcher;
import io.nodesim.kernel.DurationDistribution;
import io.nodesim.kernel.SimTime;
import io.nodesim.kernel.Simulation;
import io.nodesim.scenario.WorkloadSpec;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * The kubelet's graceful kill of a deleted pod on a node that runs and reaches the API server
 * ({@code pkg/kubelet/pod_workers.go} {@code SyncTerminatingPod}, {@code killPod} with the pod's
 * grace period, then the status manager's final delete): the kubelet sees the deletion timestamp
 * one watch delay later, the containers stop at the end of the grace period, and the API object
 * goes. The grace period is the deletion's own (an eviction's DeleteOptions, e.g. kubectl drain's
 * {@code --grace-period}) or the pod's {@code terminationGracePeriodSeconds} (default 30 s);
 * nodesim takes it whole, the time of a container that does not exit on SIGTERM (set
 * terminationGracePeriodSeconds to your application's shutdown time). A kubelet that is dead,
 * cut off, whose container runtime is down ({@link RuntimeHealth}: it can kill nothing) or whose
 * machine is down at the end does nothing: pod GC or the kubelet's Ready post on its return removes
 * the pod.
 */
public final class PodTermination implements PodWatcher {
    /** The API server's default terminationGracePeriodSeconds (pkg/apis/core/v1/defaults.go). */
    public static final long DEFAULT_GRACE = 30 * SimTime.SECOND;

    private final Simulation sim;
    private final ClusterState cluster;
    private final NodeFaultState faults;
    private final RuntimeHealth runtime;
    private final PodDeletions deletions;
    private final DurationDistribution watch;
    private final RandomGenerator rng;
    private final long[] graceOfWorkload;
    private final int killKind;
    /** Per pod, the grace period its deletion asked for, or -1 for the pod's own. */
    private long[] graceOverride = new long[0];

    public PodTermination(Simulation sim, ClusterState cluster, NodeFaultState faults, RuntimeHealth runtime,
            PodDeletions deletions,
            List<WorkloadSpec> workloads, DurationDistribution watch, RandomGenerator rng) {
        this.sim = sim;
        this.cluster = cluster;
        this.faults = faults;
        this.runtime = runtime;
        this.deletions = deletions;
        this.watch = watch;
        this.rng = rng;
        graceOfWorkload = new long[workloads.size()];
        for (int w = 0; w < workloads.size(); w++) {
            var spec = workloads.get(w).template().getSpec();
            Long seconds = spec == null ? null : spec.getTerminationGracePeriodSeconds();
            graceOfWorkload[w] = seconds == null ? DEFAULT_GRACE : SimTime.seconds(seconds);
        }
        killKind = sim.registerKind("kubelet.podKilled", this::killed);
    }

    /** The next deletion of the pod asks for this grace period (DeleteOptions.gracePeriodSeconds). */
    public void useGracePeriod(int pod, long grace) {
        if (pod >= graceOverride.length) {
            int from = graceOverride.length;
            graceOverride = Arrays.copyOf(graceOverride, PodTable.capacityFor(pod, from));
            Arrays.fill(graceOverride, from, graceOverride.length, -1);
        }
        graceOverride[pod] = grace;
    }

    /** The grace period the pod's deletion gives it. */
    public long gracePeriod(int pod) {
        long g = pod < graceOverride.length ? graceOverride[pod] : -1;
        return g >= 0 ? g : graceOfWorkload[cluster.pods().workload(pod)];
    }

    @Override
    public void podDeleted(int pod, long time) {
        int node = cluster.pods().node(pod);
        if (node >= 0 && faults.connected(node, time) && cluster.nodes().containersRunning(node)) {
            sim.schedule(time + watch.sample(rng) + gracePeriod(pod), killKind, pod);
        }
    }

    private void killed(int pod, long now) {
        PodTable pods = cluster.pods();
        int node = pods.node(pod);
        if (!pods.isGone(pod) && faults.connected(node, now) && cluster.nodes().containersRunning(node)
                && !runtime.down(node)) {
            deletions.remove(pod, now);
        }
    }
}
