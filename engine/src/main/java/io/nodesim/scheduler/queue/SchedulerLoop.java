package io.nodesim.scheduler.queue;

import io.nodesim.cluster.PodTable;
import io.nodesim.kernel.DurationDistribution;
import io.nodesim.kernel.SimTime;
import io.nodesim.kernel.Simulation;
import io.nodesim.scheduler.CompiledPod;
import io.nodesim.scheduler.NominatedPods;
import io.nodesim.scheduler.ScheduleResult;
import io.nodesim.scheduler.Scheduler;
import io.nodesim.scheduler.preemption.AssignedPods;
import io.nodesim.scheduler.preemption.DefaultPreemption;
import java.util.Arrays;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * kube-scheduler's main loop in simulated time (kubernetes pkg/scheduler/scheduler.go Run,
 * schedule_one.go): one cycle at a time, each taking a sampled cycle latency; the chosen node is
 * assumed at once and the bind completes after a sampled binding latency. The backoffQ is flushed
 * on the 1 s ticker and the unschedulable pool on the 30 s ticker, both aligned to t = 0. Other
 * controllers notify cluster events ({@link #onClusterEvent}: node added, node Ready again or
 * untainted, pod deleted).
 */
public final class SchedulerLoop {
    /** What the rest of the simulation learns from the scheduler. */
    public interface Listener {
        void bound(int pod, int node, long time);

        void unschedulable(int pod, ScheduleResult result, long time);

        /**
         * DefaultPreemption nominated {@code node} for {@code preemptor}: the victims are to be
         * deleted gracefully now (prepareCandidate).
         */
        default void preempted(int preemptor, int node, int[] victims, long time) {
        }
    }

    private static final long BACKOFF_TICK = SimTime.SECOND;
    private static final long UNSCHEDULABLE_TICK = 30 * SimTime.SECOND;

    private final Simulation sim;
    private final Scheduler scheduler;
    private final SchedulingQueue queue;
    private final DurationDistribution cycleLatency;
    private final DurationDistribution bindLatency;
    private final RandomGenerator rng;
    private final Listener listener;
    private final AssignedPods assigned;
    private final DefaultPreemption preemption;
    private final int cycleKind;
    private final int boundKind;
    private final int backoffKind;
    private final int leftoverKind;
    private final int failedKind;
    private CompiledPod[] pods = new CompiledPod[16];
    private int[] boundNode = new int[16];
    /** A failed cycle's outcome, reported to the listener when the cycle ends (its events carry that time). */
    private FailedCycle[] failed = new FailedCycle[16];

    private record FailedCycle(ScheduleResult result, int node, int[] victims, boolean podGone) {
        FailedCycle withPodGone() {
            return new FailedCycle(result, node, victims, true);
        }
    }
    private boolean busy;
    private long backoffFlushAt = SimTime.NEVER;
    private boolean leftoverPending;

    /** A loop without preemption (a profile that disables DefaultPreemption). */
    public SchedulerLoop(Simulation sim, Scheduler scheduler, DurationDistribution cycleLatency,
            DurationDistribution bindLatency, RandomGenerator rng, Listener listener) {
        this(sim, scheduler, cycleLatency, bindLatency, rng, listener, new AssignedPods(scheduler.nodes().pods()), null);
    }

    /**
     * @param assigned the cache's pods one by one (the loop records its assumes there)
     * @param preemption the PostFilter, or null when the profile disables DefaultPreemption
     */
    public SchedulerLoop(Simulation sim, Scheduler scheduler, DurationDistribution cycleLatency,
            DurationDistribution bindLatency, RandomGenerator rng, Listener listener, AssignedPods assigned,
            DefaultPreemption preemption) {
        this.sim = sim;
        this.assigned = assigned;
        this.preemption = preemption;
        this.scheduler = scheduler;
        this.queue = new SchedulingQueue(scheduler.configuration().podInitialBackoff(),
                scheduler.configuration().podMaxBackoff(), scheduler.configuration().popFromBackoffQ());
        this.cycleLatency = cycleLatency;
        this.bindLatency = bindLatency;
        this.rng = rng;
        this.listener = listener;
        this.cycleKind = sim.registerKind("scheduler.cycle", (t, now) -> cycle(now));
        this.boundKind = sim.registerKind("scheduler.bound", (t, now) -> listener.bound(t, boundNode[t], now));
        this.backoffKind = sim.registerKind("scheduler.backoffFlush", (t, now) -> flushBackoff(now));
        this.leftoverKind = sim.registerKind("scheduler.unschedulableFlush", (t, now) -> flushLeftover(now));
        this.failedKind = sim.registerKind("scheduler.cycleFailed", (t, now) -> reportFailed(t, now));
    }

    public SchedulingQueue queue() {
        return queue;
    }

    /** A new pending pod (a controller created it). */
    public void submit(int pod, CompiledPod template) {
        if (pod >= pods.length) {
            pods = Arrays.copyOf(pods, PodTable.capacityFor(pod, pods.length));
            boundNode = Arrays.copyOf(boundNode, pods.length);
            failed = Arrays.copyOf(failed, pods.length);
        }
        pods[pod] = template;
        queue.add(pod, template.priority, sim.now());
        kick();
    }

    /** A pod was deleted before it was bound: it leaves the queue. */
    public void forget(int pod) {
        if (failed[pod] != null) {
            failed[pod] = failed[pod].withPodGone();
        }
        queue.done(pod);
        scheduler.nominated().clear(pod);
    }

    /** A node was added, became Ready / schedulable / untainted, or a pod was deleted. */
    public void onClusterEvent() {
        queue.moveAllToActiveOrBackoff(sim.now());
        armTimers();
        kick();
    }

    private void kick() {
        if (!busy && (queue.activeSize() > 0 || (scheduler.configuration().popFromBackoffQ() && queue.backoffSize() > 0))) {
            busy = true;
            sim.scheduleAfter(0, cycleKind, 0);
        }
    }

    private void cycle(long now) {
        int pod = queue.pop();
        if (pod < 0) {
            busy = false;
            return;
        }
        long end = now + cycleLatency.sample(rng);
        int node = scheduler.placeOne(pods[pod], pod);
        if (node >= 0) {
            queue.done(pod);
            scheduler.nominated().clear(pod);
            assigned.track(pod, pods[pod], node, end);
            boundNode[pod] = node;
            sim.schedule(end + bindLatency.sample(rng), boundKind, pod);
        } else {
            ScheduleResult r = scheduler.lastFailure(pods[pod]);
            queue.addUnschedulable(pod, end);
            DefaultPreemption.Candidate c = preemption == null ? null : postFilter(pod);
            failed[pod] = c == null ? new FailedCycle(r, -1, null, false) : new FailedCycle(r, c.node(), c.victims(), false);
            sim.schedule(end, failedKind, pod);
            armTimers();
        }
        sim.schedule(end, cycleKind, 0);
    }

    /**
     * DefaultPreemption after the failed cycle; on success prepareCandidate: the lower-priority
     * pods nominated to the node lose their nomination, the victims are deleted, the pod is
     * nominated. With no candidate an eligible pod loses its nomination.
     */
    private DefaultPreemption.Candidate postFilter(int pod) {
        NominatedPods nominated = scheduler.nominated();
        DefaultPreemption.Candidate c = preemption.preempt(pod, pods[pod]);
        if (c == null) {
            if (preemption.clearsNomination()) {
                nominated.clear(pod);
            }
            return null;
        }
        nominated.clearLowerOn(c.node(), pods[pod].priority);
        nominated.nominate(pod, pods[pod], c.node());
        for (int v : c.victims()) {
            assigned.markPreempted(v);
        }
        return c;
    }

    /** The end of a failed cycle: the victims' deletions, then the Unschedulable verdict (unless the pod is gone). */
    private void reportFailed(int pod, long now) {
        FailedCycle f = failed[pod];
        failed[pod] = null;
        if (f.victims() != null) {
            listener.preempted(pod, f.node(), f.victims(), now);
        }
        if (!f.podGone()) {
            listener.unschedulable(pod, f.result(), now);
        }
    }

    private void flushBackoff(long now) {
        backoffFlushAt = SimTime.NEVER;
        queue.flushBackoffCompleted(now);
        armTimers();
        kick();
    }

    private void flushLeftover(long now) {
        leftoverPending = false;
        queue.flushUnschedulableLeftover(now);
        armTimers();
        kick();
    }

    /** Arms the 1 s and 30 s tickers only while they have work: the same ticks, fewer events. */
    private void armTimers() {
        long expiry = queue.nextBackoffExpiry();
        if (expiry != SimTime.NEVER) {
            long tick = Math.max(ceil(expiry, BACKOFF_TICK), ceil(sim.now(), BACKOFF_TICK));
            if (tick < backoffFlushAt) {
                backoffFlushAt = tick;
                sim.schedule(tick, backoffKind, 0);
            }
        }
        if (!leftoverPending && queue.unschedulableSize() > 0) {
            leftoverPending = true;
            sim.schedule(ceil(sim.now() + 1, UNSCHEDULABLE_TICK), leftoverKind, 0);
        }
    }

    private static long ceil(long t, long step) {
        return (t + step - 1) / step * step;
    }
}
