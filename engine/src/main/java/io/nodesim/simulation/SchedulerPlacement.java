package io.nodesim.simulation;

import io.nodesim.cluster.PodPlacement;
import io.nodesim.cluster.Topology;
import io.nodesim.scenario.Scenario;
import io.nodesim.scheduler.CompiledPod;
import io.nodesim.scheduler.InitialPlacement;
import io.nodesim.scheduler.PlacementMemo;
import io.nodesim.scheduler.Scheduler;
import io.nodesim.scheduler.SchedulerCache;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * The run's t = 0 placement ({@link InitialPlacement}, as {@code nodesim schedule} places the pods, on
 * the scheduler's hot path); its scheduler, node table (built from the run's {@link Topology}, so its
 * node indices are the cluster's) and compiled templates stay for the live run.
 */
public final class SchedulerPlacement implements PodPlacement {
    private final Topology topology;
    private final RandomGenerator ties;
    private final PlacementMemo memo;
    private final int replication;
    private InitialPlacement placement;

    /**
     * @param ties the replication's "scheduler.ties" stream
     * @param memo the placements other points of a sweep made for the same replication, or null
     */
    public SchedulerPlacement(Topology topology, RandomGenerator ties, PlacementMemo memo, int replication) {
        this.topology = topology;
        this.ties = ties;
        this.memo = memo;
        this.replication = replication;
    }

    @Override
    public List<Placed> placeAll(Scenario scenario) {
        placement = memo == null ? InitialPlacement.place(scenario, topology, ties, false)
                : InitialPlacement.place(scenario, topology, ties, memo, replication);
        return placement.pods().stream().map(p -> new Placed(p.workload(), p.name(), p.node())).toList();
    }

    public Scheduler scheduler() {
        return placement.scheduler();
    }

    public SchedulerCache nodes() {
        return placement.nodes();
    }

    /** The compiled template of workload {@code w}'s pods (a DaemonSet's: unpinned, with its tolerations). */
    public CompiledPod workloadTemplate(int w) {
        return placement.workloadTemplate(w);
    }

    /**
     * The compiled template of a pod a controller created during the run: its workload's, or for a
     * DaemonSet pod, pinned by node affinity to the node it was created for (a joined node) or to the
     * node of the pod it replaces.
     */
    public CompiledPod templateOf(io.nodesim.cluster.ClusterState cluster, int pod) {
        var pods = cluster.pods();
        int w = pods.workload(pod);
        if (pods.pinnedNode(pod) >= 0) {
            return placement.pinnedTemplate(w, pods.name(pod), cluster.nodes().name(pods.pinnedNode(pod)));
        }
        if (!cluster.workloads().get(w).daemonSet() || pods.replaces(pod) < 0) {
            return placement.workloadTemplate(w);
        }
        String node = cluster.nodes().name(pods.node(pods.replaces(pod)));
        return placement.pinnedTemplate(w, pods.name(pod), node);
    }

    /** The compiled template of the i-th pod of {@link #placeAll}. */
    public CompiledPod podTemplate(int i) {
        return placement.pods().get(i).compiled();
    }
}
