package io.nodesim.workloads;

import io.nodesim.cluster.ClusterState;
import io.nodesim.cluster.PodDeletions;
import io.nodesim.cluster.PodTable;
import io.nodesim.controllermanager.Controller;
import io.nodesim.controllermanager.Downtime;
import io.nodesim.kernel.DurationDistribution;
import io.nodesim.kernel.Simulation;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * The StatefulSet controller ({@code pkg/controller/statefulset/stateful_set_control.go},
 * {@code updateStatefulSet}): a pod has a stable name, so the controller can create
 * {@code db-1} again only once the old {@code db-1} object is gone. A pod that is merely
 * Terminating on a dead node blocks it for ever: it goes only when pod GC force-deletes it (the
 * Node object was deleted, or the node carries the out-of-service taint) or its kubelet comes back
 * and confirms the deletion.
 *
 * <p>Each sync walks the ordinals in order: a missing pod is created (with OrderedReady, the
 * default, the sync then stops: one creation per sync); with OrderedReady a Terminating pod or one
 * that is not Running and Ready stops the walk, so a later ordinal waits for every earlier one.
 * Syncs follow the pod events of the set (deleted, gone, Ready, Failed) one watch delay later and
 * take {@code latencies.controller}. A Failed pod (graceful node shutdown) is deleted and, its
 * object gone at once, created again in the same sync.
 */
public final class StatefulSetController implements Controller {
    private final Simulation sim;
    private final ClusterState cluster;
    private final List<WorkloadTemplate> templates;
    private final PodDeletions deletions;
    private final DurationDistribution watch;
    private final DurationDistribution controller;
    private final RandomGenerator rng;
    private final int syncKind;
    /** Per StatefulSet, the current pod object of each ordinal. */
    private final int[][] current;
    private final boolean[] syncQueued;
    private final Downtime restarting = new Downtime();

    public StatefulSetController(Simulation sim, ClusterState cluster,
            List<WorkloadTemplate> templates, PodDeletions deletions, DurationDistribution watch,
            DurationDistribution controller, RandomGenerator rng) {
        this.sim = sim;
        this.deletions = deletions;
        this.cluster = cluster;
        this.templates = templates;
        this.watch = watch;
        this.controller = controller;
        this.rng = rng;
        int n = cluster.workloads().size();
        current = new int[n][];
        syncQueued = new boolean[n];
        int[] filled = new int[n];
        PodTable pods = cluster.pods();
        for (int w = 0; w < n; w++) {
            if (templates.get(w).statefulSet()) {
                current[w] = new int[cluster.workloads().get(w).desired()];
            }
        }
        for (int p = 0; p < pods.count(); p++) {
            int w = pods.workload(p);
            if (current[w] != null) {
                current[w][filled[w]++] = p;
            }
        }
        syncKind = sim.registerKind("statefulset.sync", this::sync);
    }

    @Override
    public String name() {
        return "statefulset-controller";
    }

    /** A sync due during the downtime runs when the new instance does. */
    @Override
    public void restart(long now, long downtime) {
        restarting.begin(now, downtime);
    }

    /** A pod of a StatefulSet changed (deleted, gone or Ready): its set is synced. */
    public void podChanged(int pod, long now) {
        int w = cluster.pods().workload(pod);
        if (current[w] == null || syncQueued[w]) {
            return;
        }
        syncQueued[w] = true;
        sim.schedule(now + watch.sample(rng) + controller.sample(rng), syncKind, w);
    }

    private void sync(int w, long now) {
        if (restarting.covers(now)) {
            sim.schedule(restarting.until() + controller.sample(rng), syncKind, w);
            return;
        }
        syncQueued[w] = false;
        PodTable pods = cluster.pods();
        boolean ordered = templates.get(w).orderedReady();
        int[] ordinals = current[w];
        for (int i = 0; i < ordinals.length; i++) {
            int p = ordinals[i];
            if (pods.failed(p) && !pods.isDeleted(p)) {
                // "pod is in Failed phase, deleting": a terminated pod's object goes at once
                deletions.delete(p, now, "StatefulSet: Failed pod");
            }
            if (pods.isGone(p)) {
                ordinals[i] = cluster.createPod(w, pods.name(p), p, now);
                if (ordered) {
                    return;
                }
                continue;
            }
            if (ordered && (pods.isDeleted(p) || !pods.ready(p))) {
                return;
            }
        }
    }
}
