package io.nodesim.cluster;

import io.nodesim.kernel.SimTime;
import io.nodesim.scenario.NodeGroup;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Every Node object of the cluster as the API server holds it (Ready condition, taints, deletion),
 * one index per node of the {@link Topology}, in private primitive arrays; each controller keeps
 * its own cache elsewhere. Writes that watchers care about go through {@link ClusterState}, which
 * publishes them on its {@link InformerBus}. The times of the node's NotReady episode in progress
 * ({@link #unknownAt} ...) are kept for nodes.csv, and each closed episode is kept whole
 * ({@link #closedEpisodes}): a flapping node gets a row per episode.
 */
public final class NodeObjects {
    private final Topology topology;
    private final byte[] ready;
    private final long[] readyTransition;
    private final int[] taints;
    /** Nodes whose taints include the out-of-service one: PodGC looks for them on every pass. */
    private int outOfService;
    private final boolean[] containersRunning;
    private final boolean[] deleted;
    private final boolean[] cordoned;
    private final long[] createdAt;
    private final long[] causeAt;
    private final long[] failedAt;
    private final long[] episodeFailedAt;
    private final long[] faultOfLastEpisode;
    private final long[] carriedFault;
    private final long[] unknownAt;
    /** When the kubelet posted Ready=False in the episode in progress (not a nodes.csv column). */
    private final long[] falseAt;
    private final long[] noScheduleTaintAt;
    private final long[] noExecuteTaintAt;
    private final List<List<NodeEpisode>> closed;

    /**
     * The nodes of t = 0 exist, Ready; a node that joins during the run is created at its join time
     * without a Ready condition and with the not-ready NoSchedule taint of its creation.
     */
    public NodeObjects(Topology topology) {
        this.topology = topology;
        int count = topology.size();
        ready = new byte[count];
        readyTransition = new long[count];
        taints = new int[count];
        containersRunning = new boolean[count];
        Arrays.fill(containersRunning, true);
        deleted = new boolean[count];
        cordoned = new boolean[count];
        createdAt = new long[count];
        for (int i = 0; i < count; i++) {
            createdAt[i] = topology.joinAt(i);
            if (topology.joins(i)) {
                ready[i] = Condition.NONE;
                taints[i] = ControllerTaints.noScheduleFor(Condition.NONE);
            }
        }
        causeAt = never(count);
        failedAt = never(count);
        episodeFailedAt = never(count);
        faultOfLastEpisode = never(count);
        carriedFault = never(count);
        unknownAt = never(count);
        falseAt = never(count);
        noScheduleTaintAt = never(count);
        noExecuteTaintAt = never(count);
        closed = new ArrayList<>(Collections.nCopies(count, List.of()));
    }

    private static long[] never(int n) {
        long[] a = new long[n];
        Arrays.fill(a, SimTime.NEVER);
        return a;
    }

    public Topology topology() {
        return topology;
    }

    public int count() {
        return ready.length;
    }

    public String name(int node) {
        return topology.name(node);
    }

    public int zone(int node) {
        return topology.zone(node);
    }

    /** Ready condition status ({@link Condition}). */
    public byte ready(int node) {
        return ready[node];
    }

    /** When the Ready condition last changed. */
    public long readyTransition(int node) {
        return readyTransition[node];
    }

    void setReady(int node, byte status, long now) {
        ready[node] = status;
        readyTransition[node] = now;
    }

    /** Taint bits ({@link ControllerTaints}). */
    public int taints(int node) {
        return taints[node];
    }

    public boolean hasTaint(int node, int bit) {
        return (taints[node] & bit) != 0;
    }

    void setTaints(int node, int bits) {
        int was = taints[node] & ControllerTaints.OUT_OF_SERVICE_NO_EXECUTE;
        outOfService += Integer.signum((bits & ControllerTaints.OUT_OF_SERVICE_NO_EXECUTE) - was);
        taints[node] = bits;
    }

    /** Whether any node, deleted or not, carries {@code node.kubernetes.io/out-of-service}. */
    public boolean anyOutOfService() {
        return outOfService > 0;
    }

    /** The machine and its containers run (false after a crash, true again after the reboot). */
    public boolean containersRunning(int node) {
        return containersRunning[node];
    }

    public void setContainersRunning(int node, boolean running) {
        containersRunning[node] = running;
    }

    /** {@code spec.unschedulable} as written during the run ({@code kubectl cordon} / {@code uncordon}). */
    public boolean cordoned(int node) {
        return cordoned[node];
    }

    void setCordoned(int node, boolean value) {
        cordoned[node] = value;
    }

    public boolean deleted(int node) {
        return deleted[node];
    }

    void markDeleted(int node) {
        deleted[node] = true;
    }

    /** When the Node object was created ({@link NodeGroup#BEFORE_START} for the nodes of t = 0). */
    public long createdAt(int node) {
        return createdAt[node];
    }

    /** An autoscaled pool's node ({@link NodeGroup#ON_DEMAND}) is created now, as a scale-up asked. */
    void markCreated(int node, long now) {
        if (createdAt[node] == NodeGroup.ON_DEMAND) {
            createdAt[node] = now;
        }
    }

    /** True when the Node object exists at {@code t} (it may still lack a status). */
    public boolean exists(int node, long t) {
        return createdAt[node] <= t;
    }

    /** Start of the latest fault that hit the node: what its delays are measured from. */
    public long causeAt(int node) {
        return causeAt[node];
    }

    /** A fault hit the node at {@code now}: later delays are measured from here. */
    public void setCause(int node, long now) {
        causeAt[node] = now;
    }

    /**
     * A fault hit the node: its cause, and its first failure time (of the run and of the episode).
     * With {@code earlierFaultsHealed}, a fault that healed before the node left Ready is no longer
     * the episode's cause: this one is.
     */
    public void markFailed(int node, long now, boolean earlierFaultsHealed) {
        causeAt[node] = now;
        if (failedAt[node] == SimTime.NEVER) {
            failedAt[node] = now;
        }
        boolean episodeInProgress = unknownAt[node] != SimTime.NEVER || falseAt[node] != SimTime.NEVER;
        if (episodeFailedAt[node] == SimTime.NEVER || (earlierFaultsHealed && !episodeInProgress)) {
            episodeFailedAt[node] = now;
        }
    }

    /** The first fault of the run on the node. */
    public long failedAt(int node) {
        return failedAt[node];
    }

    /** The start of the fault that caused the episode in progress, if any. */
    public long episodeFailedAt(int node) {
        return episodeFailedAt[node];
    }

    /**
     * The fault that caused the episode that just closed is still in effect (a heartbeat delay
     * window): it is the cause of the node's next NotReady episode too, unless another fault comes first.
     */
    public void faultOutlivesEpisode(int node) {
        carriedFault[node] = faultOfLastEpisode[node];
    }

    /** The node's NotReady episodes that ended with Ready again, in order. */
    public List<NodeEpisode> closedEpisodes(int node) {
        return closed.get(node);
    }

    public long unknownAt(int node) {
        return unknownAt[node];
    }

    public long noScheduleTaintAt(int node) {
        return noScheduleTaintAt[node];
    }

    public long noExecuteTaintAt(int node) {
        return noExecuteTaintAt[node];
    }

    void firstUnknown(int node, long now) {
        if (unknownAt[node] == SimTime.NEVER) {
            unknownAt[node] = now;
            if (episodeFailedAt[node] == SimTime.NEVER) {
                episodeFailedAt[node] = carriedFault[node];
            }
            carriedFault[node] = SimTime.NEVER;
        }
    }

    /** The kubelet posted Ready=False: an episode starts as with Unknown, without an unknown_at. */
    void firstFalse(int node, long now) {
        if (falseAt[node] == SimTime.NEVER && unknownAt[node] == SimTime.NEVER) {
            falseAt[node] = now;
            if (episodeFailedAt[node] == SimTime.NEVER) {
                episodeFailedAt[node] = carriedFault[node];
            }
            carriedFault[node] = SimTime.NEVER;
        }
    }

    void firstNoScheduleTaint(int node, long now) {
        if (noScheduleTaintAt[node] == SimTime.NEVER) {
            noScheduleTaintAt[node] = now;
        }
    }

    void firstNoExecuteTaint(int node, long now) {
        if (noExecuteTaintAt[node] == SimTime.NEVER) {
            noExecuteTaintAt[node] = now;
        }
    }

    /** Ready again after it had been Unknown or False: the episode closes and the next one starts empty. */
    void readyAgain(int node, long now) {
        if (unknownAt[node] == SimTime.NEVER && falseAt[node] == SimTime.NEVER) {
            return;
        }
        List<NodeEpisode> done = new ArrayList<>(closed.get(node));
        done.add(new NodeEpisode(episodeFailedAt[node], unknownAt[node], noScheduleTaintAt[node],
                noExecuteTaintAt[node], now));
        closed.set(node, List.copyOf(done));
        faultOfLastEpisode[node] = episodeFailedAt[node];
        carriedFault[node] = SimTime.NEVER;
        episodeFailedAt[node] = SimTime.NEVER;
        unknownAt[node] = SimTime.NEVER;
        falseAt[node] = SimTime.NEVER;
        noScheduleTaintAt[node] = SimTime.NEVER;
        noExecuteTaintAt[node] = SimTime.NEVER;
    }

    /**
     * The episode in progress, when the node had a fault, its Ready condition or taints changed
     * since its last episode closed, or it joined during the run and had no episode: it gets a
     * nodes.csv row after its closed episodes.
     */
    public NodeEpisode openEpisode(int node) {
        if (createdAt[node] == NodeGroup.ON_DEMAND) {
            // a slot of an autoscaled pool no scale-up created: no Node object, no row
            return null;
        }
        boolean touched = episodeFailedAt[node] != SimTime.NEVER || unknownAt[node] != SimTime.NEVER
                || falseAt[node] != SimTime.NEVER
                || noScheduleTaintAt[node] != SimTime.NEVER || noExecuteTaintAt[node] != SimTime.NEVER
                || createdAt[node] != NodeGroup.BEFORE_START && closed.get(node).isEmpty();
        return touched ? new NodeEpisode(episodeFailedAt[node], unknownAt[node], noScheduleTaintAt[node],
                noExecuteTaintAt[node], SimTime.NEVER) : null;
    }
}
