package io.nodesim.kubelet;

import io.nodesim.cluster.ClusterState;
import io.nodesim.cluster.Condition;
import io.nodesim.cluster.EventKind;
import io.nodesim.cluster.NodeObjects;
import io.nodesim.cluster.NodeWatcher;
import io.nodesim.cluster.PodDeletions;
import io.nodesim.cluster.PodTable;
import io.nodesim.kernel.DurationDistribution;
import io.nodesim.kernel.EventQueue;
import io.nodesim.kernel.Simulation;
import io.nodesim.scenario.NodeGroup;
import java.util.Arrays;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * The kubelets' node-status loop ({@code pkg/kubelet/kubelet_node_status.go}, {@code syncNodeStatus}
 * under {@code wait.JitterUntil(nodeStatusUpdateFrequency, 0.04, sliding)}): the status is computed
 * every nodeStatusUpdateFrequency and PATCHed when it differs from the API server's copy. The
 * periodic posts (every nodeStatusReportFrequency with leases, every tick before leases) are the
 * lazy {@link HeartbeatSequence} {@link #statusHeartbeats()}; this class adds the post that matters
 * for recovery: once the node controller has written Ready=Unknown, a kubelet that runs and reaches
 * the API server sees the difference at its next status computation (uniform within one
 * nodeStatusUpdateFrequency) and posts Ready=True; a kubelet that (re)starts posts at once
 * ({@code fastStatusUpdateOnce}). The node lifecycle controller never sets Ready=True itself. A
 * kubelet whose runtime check fails ({@link RuntimeHealth}) or whose {@link NodeShutdownManager} is
 * shutting the node down computes, and posts, Ready=False ({@code KubeletNotReady}) instead.
 *
 * <p>A node that joins during the run has no kubelet traffic until its first status post (no
 * Lease, no NodeStatus: {@link NodeFaultState#NOT_REGISTERED}); its Node object appears at its
 * creation time without a Ready condition, and the first post (Ready=True) starts its heartbeats.
 */
public final class Kubelet implements NodeWatcher {
    private final Simulation sim;
    private final ClusterState cluster;
    private final NodeFaultState faults;
    private final HeartbeatSequence lease;
    private final HeartbeatSequence status;
    private final DurationDistribution statusLatency;
    private final long statusFrequency;
    private final RandomGenerator rng;
    private final int postKind;
    private final int createdKind;
    private final int firstStatusKind;
    private final int retryKind;
    private final int attemptKind;
    private final int[] attempts;
    private final long[] firstLatency;
    private final DurationDistribution[] firstLatencyFrom;
    private final long[] postHandle;
    private final PodDeletions deletions;
    private final RuntimeHealth runtime;
    /** Set by the {@link NodeShutdownManager} of the run, when it has one. */
    NodeShutdownManager shutdownManager;
    private final int runtimePostKind;
    private int[] scratch = new int[16];

    /**
     * @param deletions where a kubelet that is back confirms the deletions it finds: it kills the
     *     containers of its deleted pods and the API object goes (the status manager's final delete)
     */
    public Kubelet(Simulation sim, ClusterState cluster, NodeFaultState faults, HeartbeatSequence lease,
            HeartbeatSequence status, DurationDistribution statusLatency, long statusFrequency, PodDeletions deletions,
            RandomGenerator rng) {
        this.sim = sim;
        this.deletions = deletions;
        this.cluster = cluster;
        this.faults = faults;
        this.lease = lease;
        this.status = status;
        this.statusLatency = statusLatency;
        this.statusFrequency = statusFrequency;
        this.rng = rng;
        this.postKind = sim.registerKind("kubelet.readyPost", this::postStatus);
        this.runtimePostKind = sim.registerKind("kubelet.runtimeStatusPost", this::postStatus);
        this.runtime = new RuntimeHealth(cluster.nodes().count());
        this.createdKind = sim.registerKind("kubelet.nodeCreated", this::registerNode);
        this.firstStatusKind = sim.registerKind("kubelet.firstStatus", this::firstStatus);
        this.retryKind = sim.registerKind("kubelet.retryStatus", this::retryPost);
        this.attemptKind = sim.registerKind("kubelet.statusAttempt", this::attempt);
        postHandle = new long[cluster.nodes().count()];
        attempts = new int[postHandle.length];
        firstLatency = new long[postHandle.length];
        firstLatencyFrom = new DurationDistribution[postHandle.length];
        Arrays.fill(postHandle, EventQueue.NO_HANDLE);
    }

    /**
     * Schedules the creation of every node that joins during the run ({@link NodeObjects#createdAt}
     * after t = 0) and silences its kubelet until then.
     */
    public void scheduleJoins() {
        NodeObjects nodes = cluster.nodes();
        for (int i = 0; i < nodes.count(); i++) {
            long created = nodes.createdAt(i);
            if (created != NodeGroup.BEFORE_START) {
                faults.stopKubelet(i, Long.MIN_VALUE, NodeFaultState.NOT_REGISTERED);
                if (created != NodeGroup.ON_DEMAND) {
                    sim.schedule(created, createdKind, i);
                }
            }
        }
    }

    /**
     * A machine the cloud provider started for a scale-up: its kubelet registers the Node object at
     * {@code registersAt} and, like a joinAt node's, posts its first status after kubeletReadyAfter.
     * Returns the registration's handle: the cloud may delete a machine that has not registered.
     */
    public long provision(int node, long registersAt) {
        if (cluster.nodes().createdAt(node) != NodeGroup.ON_DEMAND) {
            throw new IllegalStateException("node " + cluster.nodes().name(node) + " was provisioned already");
        }
        return sim.schedule(registersAt, createdKind, node);
    }

    /** The Node object exists: the informers of the scheduler see a node add. */
    private void registerNode(int node, long now) {
        if (cluster.topology().joinAt(node) == NodeGroup.ON_DEMAND && !cluster.nodes().containersRunning(node)) {
            // a machine a scale-up asked for in a zone that is down never boots: no Node registers
            return;
        }
        cluster.createNode(node, now);
        DurationDistribution readyAfter = cluster.topology().kubeletReadyAfter(node);
        if (readyAfter != null) {
            sim.schedule(now + readyAfter.sample(rng), firstStatusKind, node);
        }
    }

    /** The kubelet's first status post; its Lease and periodic status loops start with it. */
    private void firstStatus(int node, long now) {
        faults.restartKubelet(node, now, NodeFaultState.NOT_REGISTERED);
        postStatus(node, now);
    }

    public NodeFaultState faults() {
        return faults;
    }

    /** The Lease renewals, or null before leases (1.12): then NodeStatus is the only heartbeat. */
    public HeartbeatSequence leaseHeartbeats() {
        return lease;
    }

    public HeartbeatSequence statusHeartbeats() {
        return status;
    }

    public RuntimeHealth runtime() {
        return runtime;
    }

    /**
     * The node's container runtime stops answering: the status computed at the first status tick
     * after the kubelet's runtime check fails is Ready=False, and differs, so it is posted then.
     */
    public void runtimeStopped(int node, long now, RuntimeHealth.Cause cause) {
        if (runtime.down(node)) {
            return;
        }
        postAtNextTick(node, runtime.stop(node, now, cause, rng));
    }

    /** The runtime answers again: Ready=True at the first status tick after a successful check. */
    public void runtimeStarted(int node, long now) {
        if (runtime.down(node)) {
            postAtNextTick(node, runtime.start(node, now, rng));
        }
    }

    /** The run's node shutdown manager, or null (no graceful shutdown configured). */
    public NodeShutdownManager shutdownManager() {
        return shutdownManager;
    }

    /** {@code syncNodeStatus} called at once (the shutdown manager's): the post goes out now. */
    void syncNodeStatus(int node, long now) {
        sim.schedule(now + faults.latency(node, now, statusLatency).sample(rng), runtimePostKind, node);
    }

    private void postAtNextTick(int node, long from) {
        long send = from + (long) (rng.nextDouble() * statusFrequency);
        sim.schedule(send + faults.latency(node, send, statusLatency).sample(rng), runtimePostKind, node);
    }

    /** The API server's Ready condition was overwritten (Unknown): a live kubelet will answer. */
    @Override
    public void nodeStatusWritten(int node, long now) {
        if (cluster.nodes().ready(node) != Condition.TRUE && faults.connected(node, now)) {
            schedulePost(node, now, false);
        }
    }

    /** A fault ended for the node: post at once after a restart, else at the next status tick. */
    public void faultEnded(int node, long now, boolean restarted) {
        if (cluster.nodes().ready(node) != Condition.TRUE && faults.connected(node, now)) {
            schedulePost(node, now, restarted);
        }
    }

    /**
     * The status update that answers an Unknown: {@code tryUpdateNodeStatus}, up to
     * {@code nodeStatusUpdateRetry} (5) attempts in a row, each bounded by the heartbeat client's
     * timeout and evaluated when it is sent (an attempt across a partition times out; one slower than
     * the timeout is cancelled); when all fail, the next status computation tries again.
     */
    private void schedulePost(int node, long now, boolean immediately) {
        if (sim.isPending(postHandle[node])) {
            return;
        }
        long tick = immediately ? 0 : (long) (rng.nextDouble() * statusFrequency);
        long send = now + tick;
        // The first attempt's latency is drawn now, from the distribution in force at its send time.
        firstLatencyFrom[node] = faults.latency(node, send, statusLatency);
        firstLatency[node] = firstLatencyFrom[node].sample(rng);
        attempts[node] = 0;
        postHandle[node] = sim.schedule(send, attemptKind, node);
    }

    private void attempt(int node, long now) {
        DurationDistribution inForce = faults.latency(node, now, statusLatency);
        long latency = attempts[node] == 0 && inForce == firstLatencyFrom[node] ? firstLatency[node]
                : inForce.sample(rng);
        long answered = faults.partitioned(node, now) ? NodeFaultState.FAILED : faults.attemptAnswered(now, latency);
        if (answered != NodeFaultState.FAILED) {
            postHandle[node] = sim.schedule(answered, postKind, node);
        } else if (++attempts[node] < NodeFaultState.ATTEMPTS) {
            postHandle[node] = sim.schedule(now + faults.attemptTimeout(), attemptKind, node);
        } else {
            // "update node status exceeds retry count": the next tick, one frequency later.
            postHandle[node] = sim.schedule(now + faults.attemptTimeout() + statusFrequency, retryKind, node);
        }
    }

    private void retryPost(int node, long now) {
        NodeObjects nodes = cluster.nodes();
        if (!nodes.deleted(node) && nodes.ready(node) != Condition.TRUE && faults.connected(node, now)) {
            schedulePost(node, now, true);
        }
    }

    /**
     * A status post: the Ready condition the kubelet computes now (False while its runtime check
     * fails, else True), written when it differs from the API server's. Ready again, a kubelet with a
     * working runtime kills the containers of its deleted pods and confirms their deletion.
     */
    private void postStatus(int node, long now) {
        NodeObjects nodes = cluster.nodes();
        if (nodes.deleted(node) || !faults.connected(node, now)) {
            return;
        }
        boolean shutting = shutdownManager != null && shutdownManager.shuttingDown(node);
        if (shutting || runtime.reportsError(node, now)) {
            if (nodes.ready(node) != Condition.FALSE) {
                cluster.recorder().record(now, EventKind.NodeReadyFalse, nodes.name(node),
                        "KubeletNotReady " + (shutting ? "node is shutting down" : runtime.message(node)));
                cluster.setNodeReady(node, Condition.FALSE, now);
            }
            return;
        }
        if (nodes.ready(node) == Condition.TRUE) {
            return;
        }
        cluster.recorder().record(now, EventKind.NodeReadyTrue, nodes.name(node), "KubeletReady");
        PodTable pods = cluster.pods();
        int deleted = 0;
        for (int p = pods.firstOnNode(node); p >= 0; p = pods.nextOnNode(p)) {
            if (pods.isDeleted(p)) {
                if (deleted == scratch.length) {
                    scratch = Arrays.copyOf(scratch, deleted * 2);
                }
                scratch[deleted++] = p;
            } else if (nodes.containersRunning(node) && pods.started(p) && !pods.failed(p)) {
                cluster.setPodReady(p, true, now);
            }
        }
        for (int i = 0; i < deleted; i++) {
            deletions.remove(scratch[i], now);
        }
        // Published after the pod removals: the node controller's watch event queues behind theirs.
        cluster.setNodeReady(node, Condition.TRUE, now);
        if (faults.active(node) != 0) {
            nodes.faultOutlivesEpisode(node);
        }
    }
}
