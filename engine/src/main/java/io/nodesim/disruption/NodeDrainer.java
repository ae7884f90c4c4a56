package io.nodesim.disruption;

import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.nodesim.cluster.ClusterState;
import io.nodesim.cluster.EventKind;
import io.nodesim.cluster.PodTable;
import io.nodesim.cluster.PodWatcher;
import io.nodesim.kernel.DurationDistribution;
import io.nodesim.kernel.SimTime;
import io.nodesim.kernel.Simulation;
import io.nodesim.kubelet.PodTermination;
import io.nodesim.scenario.WorkloadSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * {@code kubectl drain NODE --ignore-daemonsets} ({@code staging/src/k8s.io/kubectl/pkg/drain}):
 * cordon, list the node's pods (after the cordon's response, the eviction-support discovery and the
 * LIST: kubectl's round trips, so the scheduler normally sees the cordon before a replacement
 * exists) through the filters of {@code filters.go} in their order (DaemonSet
 * pods skipped, mirror pods skipped, pods with an emptyDir refused unless
 * {@code --delete-emptydir-data}, pods without a controller refused unless {@code --force}; any
 * refusal ends the drain before it evicts anything), then, as {@code evictPods} does, one
 * concurrent loop per pod: POST the eviction; on 429 sleep 5 s and retry; on 404 done; on any
 * other error give up on that pod; after a 201 wait for the pod to be gone, polling every second
 * ({@code waitForDelete}, {@code PollImmediate}). The node is drained when every loop returned
 * without an error. With a {@code --timeout} a loop that is still retrying or waiting returns
 * "global timeout reached" at its next retry or poll after it, and the drain fails; the node stays
 * cordoned and the pods not yet evicted stay where they are.
 */
public final class NodeDrainer implements PodWatcher {
    /** The sleep after a 429 ({@code evictPods}). */
    public static final long RETRY = 5 * SimTime.SECOND;
    /** {@code waitForDelete}'s poll interval. */
    public static final long POLL = SimTime.SECOND;

    /** kubectl's round trip to the API server when the scenario gives none. */
    public static final DurationDistribution DEFAULT_ROUND_TRIP = DurationDistribution.constant(50 * SimTime.MILLISECOND);

    /**
     * One drain's flags: kubectl drain's {@code --timeout} (NEVER: none), {@code --grace-period}
     * (-1: each pod's own), {@code --delete-emptydir-data}, {@code --force}; and kubectl's round trip
     * to the API server.
     */
    public record Options(long timeout, long gracePeriod, boolean deleteEmptyDirData, boolean force,
            DurationDistribution roundTrip) {
    }

    private static final byte EVICTING = 0;
    private static final byte WAITING = 1;
    private static final byte DONE = 2;

    private final Simulation sim;
    private final ClusterState cluster;
    private final EvictionApi evictions;
    private final PodTermination termination;
    private final List<WorkloadSpec> workloads;
    private final RandomGenerator rng;
    private final int cordonKind;
    private final int listKind;
    private final int attemptKind;
    private final int observedKind;
    private final int deadlineKind;
    private final int waitTimeoutKind;
    private final List<Drain> drains = new ArrayList<>();
    private int requests;
    private int[] requestPod = new int[16];
    private int[] requestDrain = new int[16];
    private byte[] state = new byte[16];
    private long[] evictedAt = new long[16];
    /** Per pod, its request of the latest drain, -1 when none. */
    private int[] requestOfPod = new int[0];

    private static final class Drain {
        final int node;
        final long start;
        final Options options;
        long deadline = SimTime.NEVER;
        int pending;
        int errors;
        String firstError;

        Drain(int node, long start, Options options) {
            this.node = node;
            this.start = start;
            this.options = options;
        }
    }

    public NodeDrainer(Simulation sim, ClusterState cluster, EvictionApi evictions, PodTermination termination,
            List<WorkloadSpec> workloads, RandomGenerator rng) {
        this.sim = sim;
        this.cluster = cluster;
        this.evictions = evictions;
        this.termination = termination;
        this.workloads = List.copyOf(workloads);
        this.rng = rng;
        cordonKind = sim.registerKind("drain.cordon", this::cordon);
        listKind = sim.registerKind("drain.listPods", this::listPods);
        attemptKind = sim.registerKind("drain.evict", this::attempt);
        observedKind = sim.registerKind("drain.podGone", this::observedGone);
        deadlineKind = sim.registerKind("drain.timeout", this::deadline);
        waitTimeoutKind = sim.registerKind("drain.waitTimeout", this::waitTimedOut);
    }

    /**
     * {@code kubectl drain} of the node, started at {@code now}: the cordon PATCH reaches the API
     * server half a round trip later; the pods are listed after its response, the eviction-support
     * discovery and the LIST (three round trips), and every eviction loop starts then.
     */
    public void drain(int node, Options options, long now) {
        long cordon = options.roundTrip().sample(rng);
        long listAt = now + cordon + options.roundTrip().sample(rng) + options.roundTrip().sample(rng) / 2;
        drains.add(new Drain(node, now, options));
        sim.schedule(now + cordon / 2, cordonKind, drains.size() - 1);
        sim.schedule(listAt, listKind, drains.size() - 1);
    }

    private void cordon(int di, long now) {
        int node = drains.get(di).node;
        cluster.setNodeCordoned(node, true, now);
        cluster.recorder().record(now, EventKind.NodeCordoned, cluster.nodes().name(node), "kubectl drain");
    }

    /** The LIST of the node's pods reaches the API server; evictPods' context (and --timeout) starts with it. */
    private void listPods(int di, long now) {
        Drain d = drains.get(di);
        d.deadline = d.options.timeout() == SimTime.NEVER ? SimTime.NEVER : now + d.options.timeout();
        Options options = d.options;
        int node = d.node;
        PodTable pods = cluster.pods();
        List<Integer> evict = new ArrayList<>();
        List<String> refusals = new ArrayList<>();
        for (int p = pods.firstOnNode(node); p >= 0; p = pods.nextOnNode(p)) {
            String refusal = filter(p, options);
            if (refusal == null) {
                evict.add(p);
            } else if (!refusal.isEmpty()) {
                refusals.add(refusal + ": " + pods.name(p));
            }
        }
        if (!refusals.isEmpty()) {
            refusals.sort(null);
            fail(d, now, "cannot delete " + String.join(", ", refusals));
            return;
        }
        evict.sort(null);
        d.pending = evict.size();
        if (evict.isEmpty()) {
            finish(d, now);
            return;
        }
        for (int p : evict) {
            if (options.gracePeriod() >= 0) {
                termination.useGracePeriod(p, options.gracePeriod());
            }
            sim.schedule(now, attemptKind, newRequest(p, di));
        }
        if (d.deadline != SimTime.NEVER) {
            sim.schedule(Math.max(now, d.deadline), deadlineKind, di);
        }
    }

    /** Ends the cordon ({@code kubectl uncordon}). */
    public void uncordon(int node, long now) {
        if (cluster.nodes().cordoned(node)) {
            cluster.setNodeCordoned(node, false, now);
            cluster.recorder().record(now, EventKind.NodeUncordoned, cluster.nodes().name(node), "kubectl uncordon");
        }
    }

    /**
     * The filters of {@code filters.go}, in order: null to evict, "" to skip quietly, else the
     * fatal message.
     */
    private String filter(int pod, Options options) {
        WorkloadSpec w = workloads.get(cluster.pods().workload(pod));
        if ("DaemonSet".equals(w.kind())) {
            return "";
        }
        boolean bare = "Pod".equals(w.kind());
        if (bare && w.template().getMetadata() != null && w.template().getMetadata().getAnnotations() != null
                && w.template().getMetadata().getAnnotations().containsKey("kubernetes.io/config.mirror")) {
            return "";
        }
        if (hasEmptyDir(w.template().getSpec()) && !options.deleteEmptyDirData()) {
            return "Pods with local storage (use --delete-emptydir-data to override)";
        }
        if (bare && !options.force()) {
            return "Pods declare no controller (use --force to override)";
        }
        return null;
    }

    private static boolean hasEmptyDir(PodSpec spec) {
        if (spec == null || spec.getVolumes() == null) {
            return false;
        }
        for (Volume v : spec.getVolumes()) {
            if (v.getEmptyDir() != null) {
                return true;
            }
        }
        return false;
    }

    private int newRequest(int pod, int drain) {
        if (requests == requestPod.length) {
            int c = requests * 2;
            requestPod = Arrays.copyOf(requestPod, c);
            requestDrain = Arrays.copyOf(requestDrain, c);
            state = Arrays.copyOf(state, c);
            evictedAt = Arrays.copyOf(evictedAt, c);
        }
        if (pod >= requestOfPod.length) {
            int from = requestOfPod.length;
            requestOfPod = Arrays.copyOf(requestOfPod, PodTable.capacityFor(pod, from));
            Arrays.fill(requestOfPod, from, requestOfPod.length, -1);
        }
        int r = requests++;
        requestPod[r] = pod;
        requestDrain[r] = drain;
        state[r] = EVICTING;
        evictedAt[r] = SimTime.NEVER;
        requestOfPod[pod] = r;
        return r;
    }

    private void attempt(int r, long now) {
        if (state[r] != EVICTING) {
            return;
        }
        Drain d = drains.get(requestDrain[r]);
        int pod = requestPod[r];
        if (now >= d.deadline) {
            done(r, now, "error when evicting pod \"" + cluster.pods().name(pod) + "\": global timeout reached");
            return;
        }
        EvictionResponse response = evictions.evict(pod, now);
        switch (response.code()) {
            case EvictionResponse.EVICTED -> {
                state[r] = WAITING;
                evictedAt[r] = now;
                if (cluster.pods().isGone(pod)) {
                    sim.schedule(now, observedKind, r);
                }
            }
            case EvictionResponse.NOT_FOUND -> done(r, now, null);
            case EvictionResponse.TOO_MANY_REQUESTS -> {
                cluster.recorder().record(now, EventKind.EvictionRefused, cluster.pods().name(pod), response.message());
                // the 429 travels back, kubectl sleeps 5 s, the next POST travels out
                sim.schedule(now + RETRY + d.options.roundTrip().sample(rng), attemptKind, r);
            }
            default -> done(r, now, "error when evicting pod \"" + cluster.pods().name(pod) + "\": " + response.message());
        }
    }

    /** The first poll of {@code waitForDelete} at or after {@code t}: polls run at evictedAt + k seconds. */
    private long pollAtOrAfter(int r, long t) {
        long since = Math.max(0, t - evictedAt[r]);
        return evictedAt[r] + (since + POLL - 1) / POLL * POLL;
    }

    @Override
    public void podGone(int pod, long time) {
        if (pod < requestOfPod.length && requestOfPod[pod] >= 0 && state[requestOfPod[pod]] == WAITING) {
            int r = requestOfPod[pod];
            sim.schedule(pollAtOrAfter(r, time), observedKind, r);
        }
    }

    private void observedGone(int r, long now) {
        if (state[r] == WAITING) {
            done(r, now, null);
        }
    }

    private void deadline(int di, long now) {
        for (int r = 0; r < requests; r++) {
            if (requestDrain[r] == di && state[r] == WAITING) {
                sim.schedule(pollAtOrAfter(r, now), waitTimeoutKind, r);
            }
        }
    }

    private void waitTimedOut(int r, long now) {
        if (state[r] != WAITING) {
            return;
        }
        int pod = requestPod[r];
        done(r, now, cluster.pods().isGone(pod) ? null
                : "error when waiting for pod \"" + cluster.pods().name(pod) + "\" terminating: global timeout reached");
    }

    private void done(int r, long now, String error) {
        state[r] = DONE;
        Drain d = drains.get(requestDrain[r]);
        if (error != null) {
            d.errors++;
            if (d.firstError == null) {
                d.firstError = error;
            }
        }
        if (--d.pending == 0) {
            if (d.errors == 0) {
                finish(d, now);
            } else {
                fail(d, now, d.firstError + (d.errors > 1 ? " (and " + (d.errors - 1) + " more)" : ""));
            }
        }
    }

    private void finish(Drain d, long now) {
        cluster.recorder().record(now, EventKind.NodeDrained, cluster.nodes().name(d.node),
                "drained in " + SimTime.formatSeconds(now - d.start) + " s");
    }

    private void fail(Drain d, long now, String message) {
        cluster.recorder().record(now, EventKind.DrainFailed, cluster.nodes().name(d.node), message);
    }
}
