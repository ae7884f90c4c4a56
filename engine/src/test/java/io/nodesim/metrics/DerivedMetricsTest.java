package io.nodesim.metrics;

import static io.nodesim.kernel.SimTime.NEVER;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The metrics computed from a run's records, on records whose every time is known. */
class DerivedMetricsTest {
    private static final long S = 1_000_000L;

    private static final NodeRecord CRASHED = new NodeRecord("n1", "a", 10 * S, 50 * S, 50 * S, 51 * S, NEVER, 1);
    private static final NodeRecord CAME_BACK = new NodeRecord("n2", "a", 10 * S, 50 * S, NEVER, NEVER, 70 * S, 1);

    /** A pod of n1: deleted at 351 s, replacement scheduled at 351.5 s, Ready at 360 s. */
    private static final PodRecord REPLACED = new PodRecord("web-1", "web", "n1", 50 * S, 351 * S, "web-9", "n3",
            351 * S, 351 * S + S / 2, 360 * S, false);
    /** A pod of n2, whose node came back: not ready, never deleted. */
    private static final PodRecord RECOVERED = new PodRecord("web-2", "web", "n2", 50 * S, NEVER, null, null, NEVER,
            NEVER, NEVER, false);
    /** A pod deleted while running (a partition): no replacement yet. */
    private static final PodRecord EVICTED = new PodRecord("web-3", "web", "n2", 50 * S, 60 * S, null, null, NEVER,
            NEVER, NEVER, true);

    private static RunResult run(List<PodRecord> pods, List<WorkloadRecord> workloads) {
        return new RunResult(0, List.of(CRASHED, CAME_BACK), pods, workloads, List.of(), Map.of(), 0);
    }

    @Test
    void recoveryPhases_splitTheChainOfEveryReplacedPod_andIgnoreIncompleteOnes() {
        RunResult r = run(List.of(REPLACED, RECOVERED, EVICTED), List.of());
        double[] phases = MetricRegistry.PHASES.stream().mapToDouble(p -> p.samples(r)[0]).toArray();
        assertArrayEquals(new double[] {40, 1, 300, 0.5, 0, 8.5}, phases);
        for (RecoveryPhase p : MetricRegistry.PHASES) {
            assertEquals(1, p.samples(r).length, p.name());
        }
    }

    @Test
    void capacityWait_runsFromTheReplacementsFirstUnschedulableVerdictToItsBinding_andShortensReschedule() {
        // deleted at 351 s, found no node at 351.2 s, a new node took it at 600 s, Ready at 610 s
        PodRecord waited = new PodRecord("web-1", "web", "n1", 50 * S, 351 * S, "web-9", "n9", 351 * S, 600 * S,
                610 * S, false, 351 * S + S / 5);
        RunResult r = run(List.of(waited), List.of());
        double[] phases = MetricRegistry.PHASES.stream().mapToDouble(p -> p.samples(r)[0]).toArray();
        assertArrayEquals(new double[] {40, 1, 300, 0.2, 248.8, 10}, phases, 1e-9);
        assertArrayEquals(new double[] {249}, MetricRegistry.TIME_PENDING.samples(r), 1e-9);
    }

    @Test
    void timePending_countsScheduledReplacementsOnly() {
        PodRecord stillPending = new PodRecord("web-4", "web", "n1", 50 * S, 351 * S, "web-10", null, 351 * S, NEVER,
                NEVER, false, 352 * S);
        assertArrayEquals(new double[] {0.5}, MetricRegistry.TIME_PENDING.samples(run(List.of(REPLACED, stillPending),
                List.of())), 1e-9);
    }

    @Test
    void recoveryPhases_ofAPodDeletedInALaterEpisode_runFromThatEpisodesFault() {
        // n1 failed at 10 s and came back at 70 s; it failed again at 1000 s, Unknown at 1040 s, tainted at
        // 1041 s; the pod was deleted at 1341 s: 300 s after the second taint, not 1290 s after the first
        NodeRecord first = new NodeRecord("n1", "a", 10 * S, 50 * S, 50 * S, 51 * S, 70 * S, 1);
        NodeRecord second = new NodeRecord("n1", "a", 1000 * S, 1040 * S, 1040 * S, 1041 * S, NEVER, 2);
        PodRecord pod = new PodRecord("web-1", "web", "n1", 1040 * S, 1341 * S, "web-9", "n3", 1341 * S,
                1341 * S + S / 2, 1350 * S, false);
        RunResult r = new RunResult(0, List.of(first, second), List.of(pod), List.of(), List.of(), Map.of(), 0);
        double[] phases = MetricRegistry.PHASES.stream().mapToDouble(p -> p.samples(r)[0]).toArray();
        assertArrayEquals(new double[] {40, 1, 300, 0.5, 0, 8.5}, phases, 1e-9);
    }

    @Test
    void recoveryPhase_outOfOrderInstantsGiveNoChain() {
        PodRecord deletedBeforeTaint = new PodRecord("p", "w", "n1", 50 * S, 50 * S + 1, "q", "n3", 51 * S, 52 * S,
                53 * S, false);
        assertArrayEquals(new double[0], MetricRegistry.PHASE_DETECTION.samples(run(List.of(deletedBeforeTaint),
                List.of())));
        assertThrows(IllegalArgumentException.class, () -> new RecoveryPhase(6, "phase_x", "x", "x"));
    }

    @Test
    void falseEvictions_isOneSamplePerRun_theNumberOfPodsDeletedWhileRunning() {
        assertArrayEquals(new double[] {1}, MetricRegistry.FALSE_EVICTIONS.samples(run(List.of(REPLACED, EVICTED),
                List.of())));
        assertArrayEquals(new double[] {0}, MetricRegistry.FALSE_EVICTIONS.samples(run(List.of(), List.of())));
    }

    @Test
    void workloadUnavailable_onlyForDisruptedWorkloads_inSeconds() {
        WorkloadRecord disrupted = new WorkloadRecord("web", "Deployment", 3, 10 * S, 360 * S, 2, 350 * S + 1,
                WorkloadRecord.availability(350 * S + 1, 3600 * S));
        WorkloadRecord untouched = new WorkloadRecord("db", "StatefulSet", 1, NEVER, NEVER, 1, 0, 1.0);
        assertArrayEquals(new double[] {350.000001},
                MetricRegistry.WORKLOAD_UNAVAILABLE_SECONDS.samples(run(List.of(), List.of(untouched, disrupted))));
    }

    @Test
    void notReadyEpisodes_countsTheRowsThatLeftReady_onePerEpisode() {
        NodeRecord secondFlap = new NodeRecord("n2", "a", 10 * S, 90 * S, 90 * S, NEVER, 95 * S, 2);
        NodeRecord faultOnly = new NodeRecord("n3", "a", 10 * S, NEVER, NEVER, NEVER, NEVER, 1);
        RunResult r = new RunResult(0, List.of(CRASHED, CAME_BACK, secondFlap, faultOnly), List.of(), List.of(),
                List.of(), Map.of(), 0);
        assertArrayEquals(new double[] {3}, MetricRegistry.NOT_READY_EPISODES.samples(r));
    }

    @Test
    void timeNotReady_fromUnknownToReadyAgain_orToTheEndOfTheRun() {
        long end = 600 * S;
        assertEquals(550 * S, CRASHED.notReadyMicros(end), "still Unknown at the end");
        assertEquals(20 * S, CAME_BACK.notReadyMicros(end));
        assertEquals(NEVER, new NodeRecord("n3", "a", 10 * S, NEVER, NEVER, NEVER, NEVER, 1).notReadyMicros(end));
    }

    @Test
    void recordedMetric_readsWhatTheControllersRecorded_emptyWhenNothingWas() {
        RunResult r = new RunResult(0, List.of(), List.of(), List.of(), List.of(),
                Map.of("time_to_unknown", new double[] {40, 41}), 0);
        assertArrayEquals(new double[] {40, 41}, MetricRegistry.TIME_TO_UNKNOWN.samples(r));
        assertArrayEquals(new double[0], MetricRegistry.TIME_TO_NOEXECUTE_TAINT.samples(r));
    }
}
