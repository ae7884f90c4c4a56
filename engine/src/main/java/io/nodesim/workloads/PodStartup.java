package io.nodesim.workloads;

import io.nodesim.cluster.ClusterState;
import io.nodesim.cluster.Condition;
import io.nodesim.cluster.EventKind;
import io.nodesim.cluster.NodeObjects;
import io.nodesim.cluster.PodTable;
import io.nodesim.cluster.PodWatcher;
import io.nodesim.cluster.Samples;
import io.nodesim.kernel.DurationDistribution;
import io.nodesim.kernel.SimTime;
import io.nodesim.kernel.Simulation;
import io.nodesim.kubelet.NodeImageStore;
import java.util.Arrays;
import java.util.List;
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
public final class PodStartup implements PodWatcher {
    /** How often a kubelet waiting for a volume looks again (the reconciler works every 100 ms). */
    static final long VOLUME_RECHECK = SimTime.SECOND;

    private final Simulation sim;
    private final ClusterState cluster;
    private final List<WorkloadTemplate> templates;
    private final NodeImageStore images;
    private final int[][] imagesOf;
    private final AttachDetachController attachDetach;
    private final Samples samples;
    private final DurationDistribution watch;
    private final RandomGenerator rng;
    private final int syncKind;
    private final int readyKind;
    private long[] syncStart = new long[16];
    private PodReadyListener readyListener = (pod, time) -> { };

    public PodStartup(Simulation sim, ClusterState cluster, List<WorkloadTemplate> templates,
            AttachDetachController attachDetach, Samples samples, DurationDistribution watch, RandomGenerator rng) {
        this.sim = sim;
        this.cluster = cluster;
        this.templates = templates;
        this.images = new NodeImageStore(cluster.topology());
        this.imagesOf = new int[templates.size()][];
        for (int w = 0; w < imagesOf.length; w++) {
            imagesOf[w] = templates.get(w).images().stream().mapToInt(images::id).toArray();
        }
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
    @Override
    public void podBound(int pod, long now) {
        if (pod >= syncStart.length) {
            int old = syncStart.length;
            syncStart = Arrays.copyOf(syncStart, PodTable.capacityFor(pod, old));
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
        WorkloadTemplate t = templates.get(pods.workload(pod));
        if (t.readWriteOnce()) {
            long free = attachDetach.freeAt(pod, now);
            if (free > now) {
                sim.schedule(Math.min(free, now + VOLUME_RECHECK), syncKind, pod);
                return;
            }
        }
        long running = images.readyAt(pods.node(pod), imagesOf[pods.workload(pod)], t.startup().imagePull(), rng, now)
                + t.startup().containerStart().sample(rng);
        sim.schedule(readyTime(syncStart[pod], running, t.readinessProbes()), readyKind, pod);
    }

    /**
     * When the last container passes its readiness probe, given the probe worker's start and the
     * container's start.
     */
    static long readyTime(long workerStart, long running, List<WorkloadTemplate.ReadinessProbe> probes) {
        long ready = running;
        for (int i = 0; i < probes.size(); i++) {
            WorkloadTemplate.ReadinessProbe p = probes.get(i);
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
        if (pods.isDeleted(pod) || pods.failed(pod)) {
            return;
        }
        NodeObjects nodes = cluster.nodes();
        int node = pods.node(pod);
        if (!nodes.containersRunning(node)) {
            return;
        }
        pods.markStarted(pod);
        if (nodes.ready(node) != Condition.TRUE) {
            return;
        }
        cluster.setPodReady(pod, true, now);
        pods.setReadyAt(pod, now);
        cluster.recorder().record(now, EventKind.PodReady, pods.name(pod), nodes.name(node));
        int old = pods.replaces(pod);
        if (old >= 0 && pods.node(old) >= 0) {
            samples.addSince(Samples.TIME_TO_REPLACEMENT_READY, nodes.causeAt(pods.node(old)), now);
        }
        readyListener.podReady(pod, now);
    }
}
