package io.nodesim.scheduler.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nodesim.kernel.DurationDistribution;
import io.nodesim.kernel.RandomStreams;
import io.nodesim.kernel.SimTime;
import io.nodesim.kernel.Simulation;
import io.nodesim.scheduler.CompiledPod;
import io.nodesim.scheduler.ScheduleResult;
import io.nodesim.scheduler.Scheduler;
import io.nodesim.scheduler.TestCluster;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchedulingQueueTest {
    @Test
    void backoff_doublesFromOneSecondAndCapsAtTen() {
        SchedulingQueue q = new SchedulingQueue(SimTime.SECOND, 10 * SimTime.SECOND, false);
        long[] expected = {1, 2, 4, 8, 10, 10};
        for (int attempts = 1; attempts <= expected.length; attempts++) {
            assertEquals(expected[attempts - 1] * SimTime.SECOND, q.backoffDuration(attempts));
        }
    }

    @Test
    void activeQ_ordersByPriorityThenTime() {
        SchedulingQueue q = new SchedulingQueue(SimTime.SECOND, 10 * SimTime.SECOND, false);
        q.add(0, 0, 5);
        q.add(1, 100, 7);
        q.add(2, 0, 3);
        assertEquals(List.of(1, 2, 0), List.of(q.pop(), q.pop(), q.pop()));
        assertEquals(-1, q.pop());
    }

    @Test
    void unschedulablePod_isBoundAfterANodeIsAdded() {
        TestCluster c = new TestCluster();
        c.add("small", 100, 100);
        Simulation sim = new Simulation();
        Scheduler s = c.scheduler(TestCluster.V135);
        List<String> log = new ArrayList<>();
        SchedulerLoop loop = new SchedulerLoop(sim, s, DurationDistribution.constant(10 * SimTime.MILLISECOND),
                DurationDistribution.constant(5 * SimTime.MILLISECOND), new RandomStreams(1, 0).stream("scheduler"),
                new SchedulerLoop.Listener() {
                    @Override
                    public void bound(int pod, int node, long time) {
                        log.add("bound " + c.nodes.name(node) + " @" + time);
                    }

                    @Override
                    public void unschedulable(int pod, ScheduleResult r, long time) {
                        log.add(r.message() + " @" + time);
                    }
                });
        CompiledPod big = c.pod("big", 1000, 1000);
        loop.submit(0, big);
        sim.runUntil(3 * SimTime.SECOND);
        c.add("large", 4000, 8192);
        loop.onClusterEvent();
        sim.runUntil(10 * SimTime.SECOND);
        // attempt 1 fails at 10 ms; the node event at 3 s finds the 1 s backoff (from 10 ms) expired
        assertEquals(List.of("0/1 nodes are available: 1 Insufficient cpu, 1 Insufficient memory. @10000",
                "bound large @3015000"), log);
    }

    /** An event at 0.5 s finds the pod still backing off (until 1.01 s). */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"1.35, 500000", "1.32, 2000000"})
    void eventDuringBackoff_popFromBackoffQSince133_elseTheOneSecondFlush(String version, long boundAt) {
        TestCluster c = new TestCluster();
        c.add("small", 100, 100);
        Simulation sim = new Simulation();
        io.nodesim.scheduler.SchedulerConfiguration config = io.nodesim.scheduler.SchedulerConfigurations.defaults(
                io.nodesim.scenario.KubernetesVersion.parse(version), TestCluster.V135);
        Scheduler s = new Scheduler(c.nodes, config, new RandomStreams(1, 0).stream("scheduler.ties"));
        List<Long> bound = new ArrayList<>();
        SchedulerLoop loop = new SchedulerLoop(sim, s, DurationDistribution.constant(10 * SimTime.MILLISECOND),
                DurationDistribution.constant(0), new RandomStreams(1, 0).stream("scheduler"),
                new SchedulerLoop.Listener() {
                    @Override
                    public void bound(int pod, int node, long time) {
                        bound.add(time);
                    }

                    @Override
                    public void unschedulable(int pod, ScheduleResult r, long time) {
                    }
                });
        loop.submit(0, c.pod("big", 1000, 1000));
        sim.runUntil(500 * SimTime.MILLISECOND);
        c.add("large", 4000, 8192);
        loop.onClusterEvent();
        sim.runUntil(5 * SimTime.SECOND);
        assertEquals(List.of(boundAt + 10 * SimTime.MILLISECOND), bound);
    }

    @Test
    void unschedulablePod_isRetriedByTheFiveMinuteFlush() {
        TestCluster c = new TestCluster();
        c.add("small", 100, 100);
        Simulation sim = new Simulation();
        List<Long> attempts = new ArrayList<>();
        SchedulerLoop loop = new SchedulerLoop(sim, c.scheduler(TestCluster.V135), DurationDistribution.constant(0),
                DurationDistribution.constant(0), new RandomStreams(1, 0).stream("scheduler"),
                new SchedulerLoop.Listener() {
                    @Override
                    public void bound(int pod, int node, long time) {
                    }

                    @Override
                    public void unschedulable(int pod, ScheduleResult r, long time) {
                        attempts.add(time);
                    }
                });
        loop.submit(0, c.pod("big", 1000, 1000));
        sim.runUntil(11 * SimTime.MINUTE);
        // strictly more than 5 min in the pool, seen by the 30 s ticker: 5m30s, then 11m00s
        assertEquals(List.of(0L, 330 * SimTime.SECOND, 660 * SimTime.SECOND), attempts);
    }
}
