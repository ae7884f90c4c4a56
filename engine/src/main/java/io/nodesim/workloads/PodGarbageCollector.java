package io.nodesim.workloads;

import io.nodesim.cluster.ClusterState;
import io.nodesim.cluster.Condition;
import io.nodesim.cluster.NodeObjects;
import io.nodesim.cluster.NodeWatcher;
import io.nodesim.cluster.PodDeletions;
import io.nodesim.cluster.PodTable;
import io.nodesim.cluster.ControllerTaints;
import io.nodesim.controllermanager.ApiClient;
import io.nodesim.controllermanager.Controller;
import io.nodesim.kernel.DurationDistribution;
import io.nodesim.kernel.EventQueue;
import io.nodesim.kernel.SimTime;
import io.nodesim.kernel.Simulation;
import io.nodesim.kubelet.NodeNamePods;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * The pod garbage collector ({@code pkg/controller/podgc/gc_controller.go}), the two passes that
 * matter after a node failure, run by {@code wait.UntilWithContext(gc, 20 s)} (sliding: each pass
 * starts 20 s after the previous one ended; a pass lasts {@code latencies.controller}; the first
 * at a uniform phase):
 * <ul>
 *   <li>{@code gcTerminating}: a Terminating pod on a node that is not Ready and carries the
 *       {@code node.kubernetes.io/out-of-service} taint is force-deleted;</li>
 *   <li>{@code gcOrphaned}: a pod bound to a node its informer no longer lists puts the node in
 *       quarantine for 40 s ({@code nodeQueue.AddAfter}); the first pass after the quarantine
 *       force-deletes the node's pods (so 40–60 s after the deletion was seen). A pod whose
 *       {@code spec.nodeName} names a node not created yet ({@link NodeNamePods}) is such an orphan
 *       too: quarantined from the first pass that sees it, force-deleted at the first pass after
 *       the 40 s if the node still does not exist (the API server's answer to
 *       {@code discoverDeletedNodes}).</li>
 * </ul>
 * Force deletion = status Failed, then DELETE with grace period 0: the object is gone at once. The
 * requests go through the controller's own client ({@link PodGcRequests}), so a pass lasts as long
 * as its requests need, and the next one starts 20 s after it ended. A pass that starts during a
 * control-plane outage deletes nothing and a later pass tries again; a request whose token comes
 * due during one is answered when it ends.
 */
public final class PodGarbageCollector implements Controller, NodeWatcher {
    /** {@code gcCheckPeriod}. */
    public static final long PERIOD = 20 * SimTime.SECOND;
    /** {@code quarantineTime}. */
    public static final long QUARANTINE = 40 * SimTime.SECOND;

    private final Simulation sim;
    private final ClusterState cluster;
    private final DurationDistribution watch;
    private final DurationDistribution passDuration;
    private final RandomGenerator rng;
    private final int passKind;
    private final int nodeGoneKind;
    /** Nodes the informer no longer lists, in the order it learned of it. */
    private final List<Integer> missing = new ArrayList<>();
    private final long[] quarantineEnds;
    private int[] scratch = new int[16];
    private long passHandle = EventQueue.NO_HANDLE;
    private final NodeNamePods nodeNamePods;
    private final PodGcRequests requests;
    private int[] orphans = new int[16];
    /** The pass in which the node's GET ({@code discoverDeletedNodes}) was counted, to count it once. */
    private final int[] gotInPass;
    private int passes;
    private long passStart;
    /** How many deleted nodes the informer had listed at the pass start ({@link #missing} only grows). */
    private int missingAtStart;
    private long passEnd;
    /** gcOrphaned has planned its requests in the current pass. */
    private boolean orphansDone = true;

    /**
     * @param client {@code ClientOrDie("pod-garbage-collector")}
     * @param patchFailedFirst the status PATCH to Failed before each DELETE (from 1.26)
     */
    public PodGarbageCollector(Simulation sim, ClusterState cluster, PodDeletions deletions, ApiClient client,
            boolean patchFailedFirst, DurationDistribution watch, DurationDistribution passDuration,
            RandomGenerator rng, NodeNamePods nodeNamePods) {
        this.nodeNamePods = nodeNamePods;
        this.sim = sim;
        this.cluster = cluster;
        this.watch = watch;
        this.passDuration = passDuration;
        this.rng = rng;
        quarantineEnds = new long[cluster.nodes().count()];
        gotInPass = new int[cluster.nodes().count()];
        requests = new PodGcRequests(sim, cluster, deletions, client, patchFailedFirst);
        requests.onAllReturned(this::allReturned);
        Arrays.fill(quarantineEnds, SimTime.NEVER);
        passKind = sim.registerKind("podgc.pass", (t, now) -> pass(now));
        nodeGoneKind = sim.registerKind("podgc.nodeDeleted", (node, now) -> missing.add(node));
    }

    @Override
    public String name() {
        return "pod-garbage-collector-controller";
    }

    /** Schedules the first pass at a uniform phase in [0, 20 s). */
    @Override
    public void start() {
        passHandle = sim.schedule((long) (rng.nextDouble() * PERIOD), passKind, 0);
    }

    /**
     * The new instance's quarantine timers start afresh (the deleted nodes its informer relists are
     * still missing); {@code wait.Until} runs its first pass as soon as it starts.
     */
    @Override
    public void restart(long now, long downtime) {
        sim.cancel(passHandle);
        requests.restart();
        orphansDone = true;
        Arrays.fill(quarantineEnds, SimTime.NEVER);
        passHandle = sim.schedule(now + downtime, passKind, 0);
    }

    @Override
    public void nodeDeleted(int node, long time) {
        sim.schedule(time + watch.sample(rng), nodeGoneKind, node);
    }

    /**
     * {@code gc}: gcTerminating's requests, then (when they have all returned) gcOrphaned's; the next
     * pass starts 20 s after the last request returned, or after the pass's own duration.
     */
    private void pass(long now) {
        passHandle = EventQueue.NO_HANDLE;
        passStart = now;
        missingAtStart = missing.size();
        passEnd = now + passDuration.sample(rng);
        if (!cluster.controlPlane().isUp(now)) {
            nextPass(now);
            return;
        }
        passes++;
        orphansDone = false;
        gcTerminating(now);
        if (!requests.pending()) {
            allReturned(now);
        }
    }

    /** Every request planned so far has returned: gcOrphaned runs, or the pass is over. */
    private void allReturned(long now) {
        if (!orphansDone) {
            orphansDone = true;
            gcOrphaned(passStart, now);
            if (requests.pending()) {
                return;
            }
        }
        nextPass(now);
    }

    private void nextPass(long ended) {
        passHandle = sim.schedule(Math.max(passEnd, ended) + PERIOD, passKind, 0);
    }

    private void gcTerminating(long now) {
        NodeObjects nodes = cluster.nodes();
        if (!nodes.anyOutOfService()) {
            return;
        }
        int found = 0;
        for (int n = 0; n < nodes.count(); n++) {
            if (nodes.deleted(n) || nodes.ready(n) == Condition.TRUE
                    || !nodes.hasTaint(n, ControllerTaints.OUT_OF_SERVICE_NO_EXECUTE)) {
                continue;
            }
            found = collect(n, true, found);
        }
        requests.parallel(scratch, found, now, "PodGC: out-of-service");
    }

    /**
     * Runs when gcTerminating's requests have returned ({@code from}): quarantines and GETs then, on
     * the nodes listed at the pass's start ({@code now}); a pod's node is the one it is bound to now.
     */
    private void gcOrphaned(long now, long from) {
        int count = 0;
        int gets = 0;
        for (int p : nodeNamePods.waiting()) {
            int n = nodeNamePods.namedNode(p);
            if (!nodeNamePods.waits(p) || cluster.nodes().exists(n, now)) {
                continue;
            }
            if (quarantineEnds[n] == SimTime.NEVER) {
                quarantineEnds[n] = from + QUARANTINE;
            } else if (quarantineEnds[n] <= from) {
                gets += firstGetOfPass(n);
                if (count == orphans.length) {
                    orphans = Arrays.copyOf(orphans, count * 2);
                }
                orphans[count++] = p;
            }
        }
        for (int i = 0; i < missingAtStart; i++) {
            int n = missing.get(i);
            if (cluster.pods().firstOnNode(n) < 0) {
                continue;
            }
            if (quarantineEnds[n] == SimTime.NEVER) {
                quarantineEnds[n] = from + QUARANTINE;
            } else if (quarantineEnds[n] <= from) {
                gets += firstGetOfPass(n);
                int found = collect(n, false, 0);
                if (count + found > orphans.length) {
                    orphans = Arrays.copyOf(orphans, Math.max(orphans.length * 2, count + found));
                }
                System.arraycopy(scratch, 0, orphans, count, found);
                count += found;
                quarantineEnds[n] = SimTime.NEVER;
            }
        }
        if (count > 0) {
            requests.sequential(gets, orphans, count, from, "PodGC: node no longer exists");
        }
    }

    private int firstGetOfPass(int node) {
        if (gotInPass[node] == passes) {
            return 0;
        }
        gotInPass[node] = passes;
        return 1;
    }

    /**
     * Appends the node's pods (only the Terminating ones when asked) to {@link #scratch} from
     * {@code found} on; returns how many it holds then.
     */
    private int collect(int node, boolean terminatingOnly, int found) {
        PodTable pods = cluster.pods();
        for (int p = cluster.pods().firstOnNode(node); p >= 0; p = pods.nextOnNode(p)) {
            if (terminatingOnly && !pods.isDeleted(p)) {
                continue;
            }
            if (found == scratch.length) {
                scratch = Arrays.copyOf(scratch, found * 2);
            }
            scratch[found++] = p;
        }
        return found;
    }
}
