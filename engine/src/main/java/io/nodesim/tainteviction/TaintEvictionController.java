package io.nodesim.tainteviction;

import io.nodesim.cluster.ClusterState;
import io.nodesim.cluster.NodeObjects;
import io.nodesim.cluster.NodeWatcher;
import io.nodesim.cluster.PodDeletions;
import io.nodesim.cluster.PodTable;
import io.nodesim.cluster.PodWatcher;
import io.nodesim.cluster.ControllerTaints;
import io.nodesim.cluster.EventKind;
import io.nodesim.cluster.WorkloadInfo;
import io.nodesim.controllermanager.ApiClient;
import io.nodesim.controllermanager.Controller;
import io.nodesim.controllermanager.EventSink;
import io.nodesim.kernel.DurationDistribution;
import io.nodesim.kernel.EventQueue;
import io.nodesim.kernel.SimTime;
import io.nodesim.kernel.Simulation;
import java.util.Arrays;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * The taint-eviction controller: {@code pkg/controller/tainteviction/taint_eviction.go} (a
 * separate controller from 1.29, the NoExecuteTaintManager inside the node lifecycle controller
 * before, same rules; all taint-based versions modelled).
 *
 * <p>On a node's NoExecute-taint change it learns of through its informer (one watch delay λ), it
 * takes its own clock as {@code now} (not the taint's TimeAdded) and, per pod of the node: no
 * NoExecute taint → cancel; a taint no toleration matches → delete now; only unbounded tolerations
 * → cancel (never); else delete at now + min(tolerationSeconds). An eviction already scheduled is
 * kept as it is (its CreatedAt + the new minimum is always earlier than now + minimum), so a
 * changed toleration or a second taint neither lengthens nor shortens it. Each deletion goes
 * through the controller's client limiter ({@link ApiClient}: the node lifecycle controller's before
 * 1.29, its own {@code ClientOrDie("node-controller")} after) as {@code addConditionAndDeletePod}
 * sends it: a DELETE, preceded from 1.26 by a GET and the DisruptionTarget status PATCH; the pod
 * goes when its last request is sent. During a control-plane outage deletions wait for the API
 * server. Its TaintManagerEviction events go through the same client, from a broadcaster of its own
 * ({@link EventSink}): one before each deletion's requests ({@code deletePodHandler}'s
 * {@code emitEventFunc}), and one per scheduled deletion it cancels ({@code cancelWorkWithEvent}).
 *
 * <p>The node's NoExecute taints are the controllers' ({@link ControllerTaints}) and the scenario's
 * own ({@link ScenarioNoExecuteTaints}), as {@code handleNodeUpdate} takes every NoExecute taint.
 * Its informers' add events reach it one watch delay after a tainted node exists (t = 0, or its
 * creation) and after a pod is bound to a node with NoExecute taints ({@code handlePodUpdate}).
 */
public final class TaintEvictionController implements Controller, NodeWatcher, PodWatcher {
    /** The target of the event that starts a restarted instance. */
    private static final int RESTARTED = -1;
    private final Simulation sim;
    private final ClusterState cluster;
    private final PodDeletions deletions;
    private final DurationDistribution watch;
    private final RandomGenerator rng;
    private final int nodeKind;
    private final int evictKind;
    private final int podKind;
    private final ScenarioNoExecuteTaints scenarioTaints;
    private final ApiClient client;
    private final int requestsPerDeletion;
    private final int sentKind;
    private final TolerationSources sources;
    /** Pods already logged as tolerating forever, so that every node update does not log them again. */
    private final java.util.BitSet loggedForever = new java.util.BitSet();
    private long[] evictionHandle;
    /** A fired deletion whose requests wait for their tokens: the process's goroutine, lost at a restart. */
    private long[] sendHandle;
    private boolean running = true;
    private final EventSink events;
    /** Deletions sent during an outage; they complete when the API server answers. */
    private final java.util.List<Integer> awaitingApiServer = new java.util.ArrayList<>();

    public TaintEvictionController(Simulation sim, ClusterState cluster, PodDeletions deletions,
            DurationDistribution watch, RandomGenerator rng, ScenarioNoExecuteTaints scenarioTaints, ApiClient client,
            int requestsPerDeletion, TolerationSources sources) {
        this.sim = sim;
        this.cluster = cluster;
        this.deletions = deletions;
        this.watch = watch;
        this.rng = rng;
        this.scenarioTaints = scenarioTaints;
        this.client = client;
        this.requestsPerDeletion = requestsPerDeletion;
        this.events = new EventSink(sim, "tainteviction", client, cluster.controlPlane(), cluster.informers());
        this.sentKind = sim.registerKind("tainteviction.deletionSent", this::deletionSent);
        this.sources = sources;
        this.nodeKind = sim.registerKind("tainteviction.nodeUpdate", this::handleNodeUpdate);
        this.evictKind = sim.registerKind("tainteviction.deletePod", this::deletePod);
        this.podKind = sim.registerKind("tainteviction.podUpdate", this::handlePodUpdate);
        cluster.informers().watchNodes(this);
        cluster.informers().watchApiServer(now -> {
            for (int pod : awaitingApiServer) {
                deletions.delete(pod, now, "TaintManagerEviction");
            }
            awaitingApiServer.clear();
        });
        evictionHandle = new long[Math.max(16, cluster.pods().count())];
        Arrays.fill(evictionHandle, EventQueue.NO_HANDLE);
        sendHandle = evictionHandle.clone();
    }

    /** Only a change of the NoExecute taints concerns it; its informer sees it one watch later. */
    @Override
    public void taintsChanged(int node, int before, int after, long time) {
        if (((before ^ after) & ControllerTaints.NO_EXECUTE_MASK) != 0) {
            sim.schedule(time + watch.sample(rng), nodeKind, node);
        }
    }

    /** The node informer's initial list: the nodes of t = 0 that carry a scenario NoExecute taint. */
    @Override
    public void start() {
        NodeObjects nodes = cluster.nodes();
        for (int n = 0; n < nodes.count(); n++) {
            if (nodes.exists(n, 0) && scenarioTaints.tainted(n)) {
                sim.schedule(watch.sample(rng), nodeKind, n);
            }
        }
    }

    /** A node created with a scenario NoExecute taint (a Node add event). */
    @Override
    public void nodeCreated(int node, long time) {
        if (scenarioTaints.tainted(node)) {
            sim.schedule(time + watch.sample(rng), nodeKind, node);
        }
    }

    /** A pod bound to a node that has NoExecute taints (the pod informer's update event). */
    @Override
    public void podBound(int pod, long time) {
        if (hasNoExecute(cluster.pods().node(pod))) {
            sim.schedule(time + watch.sample(rng), podKind, pod);
        }
    }

    /**
     * A pod removed from the API while its deletion is timed: the informer's delete reaches
     * {@code handlePodUpdate} one watch later, which finds it NotFound and cancels the work (with
     * its event) rather than letting the timer send requests for a pod that is gone.
     */
    @Override
    public void podGone(int pod, long time) {
        if (pod < evictionHandle.length && sim.isPending(evictionHandle[pod])) {
            sim.schedule(time + watch.sample(rng), podKind, pod);
        }
    }

    private boolean hasNoExecute(int node) {
        return (cluster.nodes().taints(node) & ControllerTaints.NO_EXECUTE_MASK) != 0 || scenarioTaints.tainted(node);
    }

    /** Its event broadcaster (for tests). */
    public EventSink events() {
        return events;
    }

    /** The evictions of a pod scheduled by this controller: its pending deletion time, or NEVER. */
    public long scheduledEviction(int pod) {
        return pod < evictionHandle.length ? sim.timeOf(evictionHandle[pod]) : io.nodesim.kernel.SimTime.NEVER;
    }

    /**
     * A controller-manager restart: the timed work queue is lost; the new instance starts after
     * {@code downtime} and re-processes every node with a NoExecute taint at that time.
     */
    @Override
    public String name() {
        return "taint-eviction-controller";
    }

    @Override
    public void restart(long now, long downtime) {
        for (int p = 0; p < evictionHandle.length; p++) {
            sim.cancel(evictionHandle[p]);
            // requests still waiting in the dead process's limiter never go out (those the API
            // server already holds, awaitingApiServer, complete when it answers)
            sim.cancel(sendHandle[p]);
        }
        running = false;
        client.reset();
        events.reset();
        sim.schedule(now + downtime, nodeKind, RESTARTED);
    }

    private void handleNodeUpdate(int node, long now) {
        if (node == RESTARTED) {
            running = true;
            NodeObjects nodes = cluster.nodes();
            for (int i = 0; i < nodes.count(); i++) {
                if ((nodes.taints(i) & ControllerTaints.NO_EXECUTE_MASK) != 0
                        || (nodes.exists(i, now) && !nodes.deleted(i) && scenarioTaints.tainted(i))) {
                    handleNodeUpdate(i, now);
                }
            }
            return;
        }
        if (!running) {
            return;
        }
        ensureCapacity();
        NodeObjects nodes = cluster.nodes();
        PodTable pods = cluster.pods();
        int noExecute = nodes.taints(node) & ControllerTaints.NO_EXECUTE_MASK;
        for (int p = pods.firstOnNode(node); p >= 0; p = pods.nextOnNode(p)) {
            if (pods.isDeleted(p)) {
                continue;
            }
            processPodOnNode(p, node, noExecute, now);
        }
    }

    /** The pod's binding seen one watch later; it is processed against its node's taints then. */
    private void handlePodUpdate(int pod, long now) {
        if (!running) {
            return;
        }
        ensureCapacity();
        PodTable pods = cluster.pods();
        if (pods.isGone(pod)) {
            cancelWorkWithEvent(pod, now);
            return;
        }
        int node = pods.node(pod);
        if (pods.isDeleted(pod) || node < 0) {
            return;
        }
        processPodOnNode(pod, node, cluster.nodes().taints(node) & ControllerTaints.NO_EXECUTE_MASK, now);
    }

    private void processPodOnNode(int pod, int node, int noExecute, long now) {
        if (noExecute == 0 && !scenarioTaints.tainted(node)) {
            cancelWorkWithEvent(pod, now);
            loggedForever.clear(pod);
            return;
        }
        WorkloadInfo w = cluster.workloadOf(pod);
        long min = scenarioTaints.toleration(cluster.pods().workload(pod), node);
        if (min == WorkloadInfo.NOT_TOLERATED) {
            if (recording()) {
                checked(pod, now, "now: a NoExecute taint of the scenario's node is not tolerated");
            }
            deleteNow(pod, now);
            return;
        }
        int deciding = 0;
        for (int bit = ControllerTaints.UNREACHABLE_NO_EXECUTE; bit <= ControllerTaints.OUT_OF_SERVICE_NO_EXECUTE; bit <<= 1) {
            if ((noExecute & bit) == 0) {
                continue;
            }
            long t = w.tolerationOf(bit);
            if (t == WorkloadInfo.NOT_TOLERATED) {
                if (recording()) {
                    checked(pod, now, "now: no toleration of " + ControllerTaints.describe(bit));
                }
                deleteNow(pod, now);
                return;
            }
            if (t < min) {
                min = t;
                deciding = bit;
            }
        }
        if (min == WorkloadInfo.FOREVER) {
            cancelWorkWithEvent(pod, now);
            if (!loggedForever.get(pod)) {
                loggedForever.set(pod);
                if (recording()) {
                    checked(pod, now, "never: " + tolerated(pod, noExecute) + " tolerated without tolerationSeconds");
                }
            }
            return;
        }
        if (sim.isPending(evictionHandle[pod])) {
            return;
        }
        evictionHandle[pod] = sim.schedule(now + min, evictKind, pod);
        if (recording()) {
            checked(pod, now, "at " + SimTime.formatSeconds(now + min) + ": " + (deciding == 0
                    ? "a NoExecute taint of the scenario's node tolerated for " + SimTime.formatSeconds(min) + " s"
                    : ControllerTaints.describe(deciding) + " tolerated by " + sources.of(cluster.pods().workload(pod), deciding)));
        }
    }

    /** The taints the pod tolerates forever, each with its deciding toleration and where it came from. */
    private String tolerated(int pod, int noExecute) {
        StringBuilder sb = new StringBuilder();
        for (int bit = ControllerTaints.UNREACHABLE_NO_EXECUTE; bit <= ControllerTaints.OUT_OF_SERVICE_NO_EXECUTE; bit <<= 1) {
            if ((noExecute & bit) != 0) {
                sb.append(sb.length() == 0 ? "" : "; ").append(ControllerTaints.describe(bit)).append(" by ")
                        .append(sources.of(cluster.pods().workload(pod), bit));
            }
        }
        return sb.length() == 0 ? "the scenario's NoExecute taints" : sb.toString();
    }

    /** The taint-eviction decision for the event log: when the pod will be deleted, and which toleration says so. */
    /** Whether events.csv is written: the decisions' wording is built only then (a pod at a time, 50,000 in a zone). */
    private boolean recording() {
        return cluster.recorder().enabled();
    }

    private void checked(int pod, long now, String decision) {
        cluster.recorder().record(now, EventKind.TolerationChecked, cluster.pods().name(pod), decision);
    }

    private void deleteNow(int pod, long now) {
        cancelWorkWithEvent(pod, now);
        evictionHandle[pod] = sim.schedule(now, evictKind, pod);
    }

    /** A scheduled deletion cancelled before its timer fired gets a "Cancelling deletion" event. */
    private void cancelWorkWithEvent(int pod, long now) {
        if (sim.cancel(evictionHandle[pod])) {
            events.record(EventSink.object(EventSink.POD, pod), now);
        }
    }

    private void deletePod(int pod, long now) {
        events.record(EventSink.object(EventSink.POD, pod), now);
        if (!cluster.controlPlane().isUp(now)) {
            awaitingApiServer.add(pod);
            return;
        }
        long sent = client.send(now, requestsPerDeletion);
        if (sent == now) {
            deletions.delete(pod, now, "TaintManagerEviction");
        } else {
            // Past its timer, the deletion no longer is cancellable work (CancelWork cannot stop it).
            sendHandle[pod] = sim.schedule(sent, sentKind, pod);
        }
    }

    /** The deletion's requests got their tokens; a process that stopped meanwhile sends nothing. */
    private void deletionSent(int pod, long now) {
        if (!running) {
            return;
        }
        if (!cluster.controlPlane().isUp(now)) {
            awaitingApiServer.add(pod);
            return;
        }
        deletions.delete(pod, now, "TaintManagerEviction");
    }

    private void ensureCapacity() {
        int n = cluster.pods().count();
        if (n > evictionHandle.length) {
            int old = evictionHandle.length;
            evictionHandle = Arrays.copyOf(evictionHandle, Math.max(n, old * 2));
            Arrays.fill(evictionHandle, old, evictionHandle.length, EventQueue.NO_HANDLE);
            sendHandle = Arrays.copyOf(sendHandle, evictionHandle.length);
            Arrays.fill(sendHandle, old, sendHandle.length, EventQueue.NO_HANDLE);
        }
    }
}
