package io.nodesim.workloads;

import io.nodesim.cluster.ClusterState;
import io.nodesim.cluster.Condition;
import io.nodesim.cluster.EventKind;
import io.nodesim.cluster.NodeObjects;
import io.nodesim.cluster.PodTable;
import io.nodesim.cluster.Samples;
import io.nodesim.kernel.DurationDistribution;
import io.nodesim.kernel.SimTime;
import io.nodesim.kernel.Simulation;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * The kubelet starting a pod bound to its node, up to Ready: the pod sync
 * ({@code pkg/kubelet/kuberuntime/kuberuntime_manager.go SyncPod}) seen one watch delay after the
 * bind; the RWO volume attach (it waits for {@link AttachDetachController}); image pulls
 * ({@code pkg/kubelet/images/image_manager.go EnsureImageExists}: skipped when the node has the
 * image, from its NodeGroup's {@code status.images} or an earlier pull; a second pod needing an
 * image that is being pulled waits for that pull); the container start; and the readiness probe
 * ({@code pkg/kubelet/prober/worker.go}).
 *
 * <p>Readiness: the probe worker starts with the pod sync and probes at once and then every
 * periodSeconds; the container start also triggers a probe. A probe before initialDelaySeconds
 * have passed since the container started is skipped; successThreshold consecutive successes make
 * the container Ready (the application is taken to answer as soon as it runs). A container without
 * a probe is Ready when it starts; the pod is Ready when all its containers are. The image pull
 * and container start durations are drawn from the workload's {@code startup} distributions
 * (stream "kubelet.startup").
 */
public final class PodStartup {
    /** How often a kubelet waiting for a volume looks again (the reconciler works every 100 ms). */
    static final long VOLUME_RECHECK = SimTime.SECOND;

    private final Simulation sim;
    private final ClusterState cluster;
    private final List<WorkloadTemplate> templates;
    private final int[][] imagesOf;
    private final io.nodesim.scheduler.SchedulerCache schedulerNodes;
    private final AttachDetachController attachDetach;
    private final Samples samples;
    private final DurationDistribution watch;
    private final RandomGenerator rng;
    private final int syncKind;
    private final int readyKind;
    private final Map<Long, Long> pulledAt = new HashMap<>();
    private long[] syncStart = new long[16];
    private PodReadyListener readyListener = (pod, time) -> { };

    /**
     * @param imagesOf per workload, the interned image names of its pod template
     * @param schedulerNodes the scheduler's node table, for the images each node lists
     */
    public PodStartup(Simulation sim, ClusterState cluster, List<WorkloadTemplate> templates, int[][] imagesOf,
            io.nodesim.scheduler.SchedulerCache schedulerNodes, AttachDetachController attachDetach, Samples samples,
            DurationDistribution watch, RandomGenerator rng) {
        this.sim = sim;
        this.cluster = cluster;
        this.templates = templates;
        this.imagesOf = imagesOf;
        this.schedulerNodes = schedulerNodes;
        this.attachDetach = attachDetach;
        this.samples = samples;
        this.watch = watch;
        this.rng = rng;
        syncKind = sim.registerKind("kubelet.podSync", this::sync);
        readyKind = sim.registerKind("kubelet.podReady", this::ready);
    }

    public void setReadyListener(PodReadyListener listener) {
        this.readyListener = listener;
    }

    /** The binding completed: the node's kubelet learns of the pod one watch delay later. */
    public void podBound(int pod, long now) {
        if (pod >= syncStart.length) {
            int old = syncStart.length;
            syncStart = Arrays.copyOf(syncStart, Math.max(pod + 1, old * 2));
        }
        syncStart[pod] = SimTime.NEVER;
        sim.schedule(now + watch.sample(rng), syncKind, pod);
    }

    private void sync(int pod, long now) {
        PodTable pods = cluster.pods();
        if (pods.isDeleted(pod)) {
            return;
        }
        if (syncStart[pod] == SimTime.NEVER) {
            syncStart[pod] = now;
        }
        WorkloadTemplate t = templates.get(pods.workload[pod]);
        if (t.readWriteOnce()) {
            long free = attachDetach.freeAt(pod, now);
            if (free > now) {
                sim.schedule(Math.min(free, now + VOLUME_RECHECK), syncKind, pod);
                return;
            }
        }
        long running = pullImages(pods.node[pod], imagesOf[pods.workload[pod]], t, now)
                + t.startup().containerStart().sample(rng);
        sim.schedule(readyTime(syncStart[pod], running, t.readinessProbes()), readyKind, pod);
    }

    /** When every image is on the node: present, being pulled (wait for it) or pulled now. */
    private long pullImages(int node, int[] images, WorkloadTemplate t, long now) {
        long done = now;
        for (int image : images) {
            if (listed(node, image)) {
                continue;
            }
            long key = ((long) node << 32) | image;
            Long at = pulledAt.get(key);
            if (at == null) {
                at = now + t.startup().imagePull().sample(rng);
                pulledAt.put(key, at);
            }
            done = Math.max(done, at);
        }
        return done;
    }

    private boolean listed(int node, int image) {
        for (int i : schedulerNodes.images().ids(node)) {
            if (i == image) {
                return true;
            }
        }
        return false;
    }

    /**
     * When the last container passes its readiness probe, given the probe worker's start and the
     * container's start.
     */
    static long readyTime(long workerStart, long running, List<WorkloadTemplate.ReadinessProbe> probes) {
        long ready = running;
        for (WorkloadTemplate.ReadinessProbe p : probes) {
            long first = p.initialDelay() == 0 ? running : nextTick(workerStart, p.period(), running + p.initialDelay() - 1);
            long t = first;
            for (int s = 1; s < p.successThreshold(); s++) {
                t = nextTick(workerStart, p.period(), t);
            }
            ready = Math.max(ready, t);
        }
        return ready;
    }

    /** The first probe tick strictly after {@code after}. */
    private static long nextTick(long start, long period, long after) {
        if (after < start) {
            return start;
        }
        return start + ((after - start) / period + 1) * period;
    }

    private void ready(int pod, long now) {
        PodTable pods = cluster.pods();
        if (pods.isDeleted(pod)) {
            return;
        }
        NodeObjects nodes = cluster.nodes();
        int node = pods.node[pod];
        if (!nodes.containersRunning[node]) {
            return;
        }
        pods.started[pod] = true;
        if (nodes.ready[node] != Condition.TRUE) {
            return;
        }
        cluster.setPodReady(pod, true, now);
        pods.readyAt[pod] = now;
        cluster.recorder().record(now, EventKind.PodReady, pods.name(pod), nodes.names[node]);
        int old = pods.replaces[pod];
        if (old >= 0 && pods.node[old] >= 0) {
            samples.addSince(Samples.TIME_TO_REPLACEMENT_READY, nodes.causeAt[pods.node[old]], now);
        }
        readyListener.podReady(pod, now);
    }
}
