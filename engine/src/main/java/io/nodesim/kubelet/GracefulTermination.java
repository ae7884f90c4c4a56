package io.nodesim.kubelet;

import io.nodesim.cluster.ClusterState;
import io.nodesim.cluster.PodDeletions;
import io.nodesim.kernel.DurationDistribution;
import io.nodesim.kernel.SimTime;
import io.nodesim.kernel.Simulation;
import io.nodesim.scenario.WorkloadSpec;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * A running kubelet ending a pod that was deleted gracefully (kubernetes pkg/kubelet/kubelet.go
 * {@code killPod} with the pod's {@code terminationGracePeriodSeconds}, then the status manager's
 * final delete): the kubelet learns of the deletion one watch delay later, the containers get the
 * whole grace period (preStop, SIGTERM, then SIGKILL: nodesim takes the upper bound, as nothing says
 * how soon the application exits), and the API object is then removed. A kubelet that is down or cut
 * off by then confirms nothing: the pod stays Terminating until its node's kubelet is back or pod GC
 * force-deletes it.
 */
public final class GracefulTermination {
    /** The API server's default terminationGracePeriodSeconds. */
    public static final long DEFAULT_GRACE_SECONDS = 30;

    private final Simulation sim;
    private final ClusterState cluster;
    private final NodeFaultState faults;
    private final PodDeletions deletions;
    private final DurationDistribution watch;
    private final RandomGenerator rng;
    private final long[] gracePerWorkload;
    private final int killedKind;

    public GracefulTermination(Simulation sim, ClusterState cluster, NodeFaultState faults, PodDeletions deletions,
            List<WorkloadSpec> workloads, DurationDistribution watch, RandomGenerator rng) {
        this.sim = sim;
        this.cluster = cluster;
        this.faults = faults;
        this.deletions = deletions;
        this.watch = watch;
        this.rng = rng;
        gracePerWorkload = new long[workloads.size()];
        for (int w = 0; w < workloads.size(); w++) {
            var spec = workloads.get(w).template().getSpec();
            Long seconds = spec == null ? null : spec.getTerminationGracePeriodSeconds();
            gracePerWorkload[w] = (seconds == null ? DEFAULT_GRACE_SECONDS : seconds) * SimTime.SECOND;
        }
        killedKind = sim.registerKind("kubelet.gracefulKill", this::killed);
    }

    /** The grace period of the pod's template. */
    public long gracePeriod(int pod) {
        return gracePerWorkload[cluster.pods().workload(pod)];
    }

    /** The pod was just deleted with its grace period: its kubelet ends it. */
    public void terminate(int pod, long now) {
        sim.schedule(now + watch.sample(rng) + gracePeriod(pod), killedKind, pod);
    }

    private void killed(int pod, long now) {
        int node = cluster.pods().node(pod);
        if (cluster.pods().isGone(pod) || node < 0 || !faults.connected(node, now)
                || !cluster.nodes().containersRunning(node)) {
            return;
        }
        deletions.remove(pod, now);
    }
}
