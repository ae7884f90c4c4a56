package io.nodesim.workloads;

import io.nodesim.cluster.ClusterState;
import io.nodesim.cluster.EventKind;
import io.nodesim.cluster.PodTable;

/**
 * The POST of a new pod by a controller: a Pending pod in the cluster, linked to the pod it
 * replaces, recorded, and handed to the scheduler's queue.
 */
public final class PodCreator {
    private final ClusterState cluster;
    private final PendingPods scheduler;

    public PodCreator(ClusterState cluster, PendingPods scheduler) {
        this.cluster = cluster;
        this.scheduler = scheduler;
    }

    /** Creates pod {@code name} of workload {@code w} in place of {@code replaces} (-1: none); returns its index. */
    public int create(int w, String name, int replaces, long now) {
        PodTable pods = cluster.pods();
        int p = pods.addPending(name, w, now);
        if (replaces >= 0) {
            pods.replacement[replaces] = p;
            pods.replaces[p] = replaces;
        }
        cluster.recorder().record(now, EventKind.PodCreated, name,
                replaces >= 0 ? "replaces " + pods.name(replaces) : cluster.workloads().get(w).name());
        scheduler.submit(p, now);
        return p;
    }
}
