package io.nodesim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nodesim.metrics.CsvCells;
import io.nodesim.metrics.Rfc4180;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

class SweepTest {
    private static final long SEED = 11;

    /** Exponential samples, with a pseudo-random delay so that tasks finish out of order. */
    private static final ReplicationRunner RUNNER = (s, r) -> {
        LockSupport.parkNanos(((s.description().hashCode() * 31L + r) & 7) * 300_000L);
        return Fakes.exponential(20).run(s, r);
    };

    private static Sweep sweep(List<String> vary, int threads, ProgressListener listener) {
        return new Sweep(SweepSpec.parse(vary, List.of(), 0), SEED, Fakes.factory(SEED, 4), RUNNER, 0, threads,
                listener);
    }

    private static String run(List<String> vary, int threads) throws Exception {
        MemoryJournal journal = new MemoryJournal();
        sweep(vary, threads, ProgressListener.NONE).run(journal, MemoryJournal.IDENTITY);
        return journal.text();
    }

    @Test
    void table_hasHeaderAndOneRowPerPoint_inPointOrder() throws Exception {
        List<String> lines = run(List.of("mean=5,10,20", "label=x,y"), 3).lines().toList();
        assertEquals("mean,label,recovery_mean,recovery_ci95_low,recovery_ci95_high,recovery_p50,recovery_p99,"
                + "longest_mean,longest_ci95_low,longest_ci95_high,longest_p50,longest_p99", lines.get(0));
        assertEquals(7, lines.size());
        assertTrue(lines.get(1).startsWith("5,x,"), lines.get(1));
        assertTrue(lines.get(6).startsWith("20,y,"), lines.get(6));
        for (String row : lines.subList(1, 7)) {
            assertTrue(row.matches("[^,]+,[xy](,-?\\d+\\.\\d{3}){10}"), row);
        }
    }

    /** Common random numbers: equal settings, equal rows; the same draws scaled by the mean. */
    @Test
    void commonRandomNumbers_identicalPointsGiveIdenticalRows() throws Exception {
        List<String> lines = run(List.of("mean=5,10,5"), 2).lines().toList();
        String first = lines.get(1).substring(2);
        assertEquals(first, lines.get(3).substring(2));
        // exponential = -mean·ln(1-u) on the same u: every statistic of point mean=10 is twice mean=5's
        List<String> a = Rfc4180.cells(lines.get(1));
        List<String> b = Rfc4180.cells(lines.get(2));
        for (int c = 1; c < a.size(); c++) {
            assertEquals(2 * Double.parseDouble(a.get(c)), Double.parseDouble(b.get(c)), 0.0011, "column " + c);
        }
    }

    @Test
    void pointReplication_isThePlainRunsReplication() throws Exception {
        List<String> lines = run(List.of("mean=7"), 1).lines().toList();
        var plain = new ReplicationExperiment(Fakes.exponential(20), 1, ProgressListener.NONE)
                .run(Fakes.factory(SEED, 4).create(List.of("mean=7")));
        List<String> expected = new ArrayList<>(List.of("7"));
        var s = Summaries.summarize(plain).get(0);
        for (double x : new double[] {s.mean(), s.ci95Low(), s.ci95High(), s.p50(), s.p99()}) {
            expected.add(CsvCells.decimal(x));
        }
        assertEquals(expected, Rfc4180.cells(lines.get(1)).subList(0, 6));
    }

    @Test
    void output_identicalForOneTwoFourThreads() throws Exception {
        List<String> vary = List.of("mean=3,6,9,12", "label=a,b,c");
        String one = run(vary, 1);
        assertEquals(one, run(vary, 2));
        assertEquals(one, run(vary, 4));
    }

    @Test
    void resume_afterCancellation_endsWithTheUninterruptedTable() throws Exception {
        List<String> vary = List.of("mean=3,6,9,12", "label=a,b,c");
        String uninterrupted = run(vary, 2);
        MemoryJournal journal = new MemoryJournal();
        ProgressListener ctrlC = new ProgressListener() {
            @Override
            public void pointsDone(int done, int total) {
                if (done == 5) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        // the points after the interrupt are slow, so that they are still running when it comes
        ReplicationRunner slowTail = (s, r) -> {
            if (s.description().startsWith("mean=9") || s.description().startsWith("mean=12")) {
                LockSupport.parkNanos(200_000_000L);
            }
            return RUNNER.run(s, r);
        };
        assertThrows(InterruptedException.class, () -> new Sweep(SweepSpec.parse(vary, List.of(), 0), SEED,
                Fakes.factory(SEED, 4), slowTail, 0, 2, ctrlC).run(journal, MemoryJournal.IDENTITY));
        // rows already computed when the interrupt came may still be written, each one whole
        assertTrue(journal.lines.size() >= 6 && journal.lines.size() < 13, journal.lines.size() + " lines");
        assertTrue(uninterrupted.startsWith(journal.text()));
        int resumedAt = journal.lines.size() - 1;

        List<String> progress = new ArrayList<>();
        ProgressListener record = new ProgressListener() {
            @Override
            public void pointsDone(int done, int total) {
                progress.add(done + "/" + total);
            }
        };
        sweep(vary, 4, record).run(journal, MemoryJournal.IDENTITY);
        assertEquals(uninterrupted, journal.text());
        assertEquals(resumedAt + "/12", progress.get(0));
        assertEquals("12/12", progress.get(progress.size() - 1));
        assertEquals(13 - resumedAt, progress.size());
    }

    @Test
    void resume_fromHeaderOnly_andWhenComplete_runsNothingMore() throws Exception {
        List<String> vary = List.of("mean=3,6");
        String uninterrupted = run(vary, 1);
        MemoryJournal journal = MemoryJournal.holding(List.of(uninterrupted.lines().findFirst().orElseThrow()));
        sweep(vary, 1, ProgressListener.NONE).run(journal, MemoryJournal.IDENTITY);
        assertEquals(uninterrupted, journal.text());
        int appends = journal.appends;
        ReplicationRunner mustNotRun = (s, r) -> {
            throw new AssertionError("ran a completed point");
        };
        new Sweep(SweepSpec.parse(vary, List.of(), 0), SEED, Fakes.factory(SEED, 4), mustNotRun, 0, 1,
                ProgressListener.NONE).run(journal, MemoryJournal.IDENTITY);
        assertEquals(appends, journal.appends);
    }

    @Test
    void resume_ofAnotherSweep_isRefused() throws Exception {
        MemoryJournal journal = MemoryJournal.holding(run(List.of("mean=3,6,9"), 1).lines().limit(3).toList());
        ExperimentException otherColumns = assertThrows(ExperimentException.class,
                () -> sweep(List.of("rate=3,6,9"), 1, ProgressListener.NONE).run(journal, MemoryJournal.IDENTITY));
        assertTrue(otherColumns.getMessage().contains("different sweep"), otherColumns.getMessage());
        assertThrows(ExperimentException.class, () -> sweep(List.of("mean=3,7,9"), 1, ProgressListener.NONE)
                .run(journal, MemoryJournal.IDENTITY));
        assertThrows(ExperimentException.class, () -> sweep(List.of("mean=3"), 1, ProgressListener.NONE)
                .run(journal, MemoryJournal.IDENTITY));
        assertEquals(3, journal.lines.size());
    }

    @Test
    void replicationsOption_overridesTheScenarios() throws Exception {
        List<Integer> seen = new ArrayList<>();
        ReplicationRunner counting = (s, r) -> {
            synchronized (seen) {
                seen.add(r);
            }
            return Fakes.result(r, "m", r);
        };
        new Sweep(SweepSpec.parse(List.of("x=1,2"), List.of(), 0), SEED, Fakes.factory(SEED, 4), counting, 7, 2,
                ProgressListener.NONE).run(new MemoryJournal(), MemoryJournal.IDENTITY);
        assertEquals(14, seen.size());
        assertTrue(seen.stream().allMatch(r -> r < 7));
    }

    @Test
    void badPointValue_failsBeforeAnythingRuns() {
        ScenarioFactory rejecting = overrides -> {
            if (overrides.contains("x=bad")) {
                throw new IllegalArgumentException("x: not a number: bad");
            }
            return Fakes.scenario(SEED, 1, "");
        };
        MemoryJournal journal = new MemoryJournal();
        ReplicationRunner mustNotRun = (s, r) -> {
            throw new AssertionError("ran before validating every point");
        };
        assertThrows(IllegalArgumentException.class, () -> new Sweep(SweepSpec.parse(List.of("x=1,bad"), List.of(), 0),
                SEED, rejecting, mustNotRun, 0, 1, ProgressListener.NONE).run(journal, MemoryJournal.IDENTITY));
        assertTrue(journal.lines.isEmpty());
    }

    @Test
    void shards_anyNumber_giveTheTableOfTheWholeSweep() throws Exception {
        List<String> vary = List.of("mean=5,10,20", "label=x,y");
        String whole = run(vary, 2);
        // 6 points x 4 replications = 24 tasks; 30 shards leave some empty
        for (int n : new int[] {1, 3, 7, 30}) {
            List<TaskSamples> all = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Shard shard = new Shard(i, n);
                Sweep.ShardResult part = sweep(vary, 2, ProgressListener.NONE).runShard(shard);
                assertEquals(24, part.totalTasks());
                assertEquals(shard.taskCount(24), part.samples().size());
                part.samples().forEach(t -> assertTrue(shard.holds(t.task())));
                all.addAll(part.samples());
            }
            all.sort(java.util.Comparator.comparingInt(TaskSamples::task));
            SweepSpec spec = SweepSpec.parse(vary, List.of(), 0);
            String merged = String.join("\n", Sweep.table(spec.parameters(), spec.design(SEED), all)) + "\n";
            assertEquals(whole, merged, n + " shards");
        }
    }

    @Test
    void table_refusesTasksThatAreNotEveryTaskInOrder() throws Exception {
        List<String> vary = List.of("mean=5,10");
        List<TaskSamples> all = new ArrayList<>(sweep(vary, 1, ProgressListener.NONE).runShard(new Shard(0, 1))
                .samples());
        SweepSpec spec = SweepSpec.parse(vary, List.of(), 0);
        all.remove(5);
        assertThrows(IllegalArgumentException.class, () -> Sweep.table(spec.parameters(), spec.design(SEED), all));
    }

    @Test
    void resume_ofAJournalBegunByAnotherScenarioOrOtherArguments_isRefused() throws Exception {
        List<String> vary = List.of("mean=3,6,9");
        String done = run(vary, 1);
        SweepArguments arguments = new SweepArguments(List.of(), SweepSpec.parse(vary, List.of(), 0), 0);
        MemoryJournal journal = MemoryJournal.holding(done.lines().limit(2).toList());
        journal.identity = new SweepIdentity("1".repeat(64), arguments);

        ExperimentException otherScenario = assertThrows(ExperimentException.class, () -> sweep(vary, 1,
                ProgressListener.NONE).run(journal, new SweepIdentity("2".repeat(64), arguments)));
        assertTrue(otherScenario.getMessage().contains("the journal was written for a scenario of other content"),
                otherScenario.getMessage());
        SweepArguments moreReplications = new SweepArguments(List.of(), arguments.spec(), 9);
        ExperimentException otherArguments = assertThrows(ExperimentException.class, () -> sweep(vary, 1,
                ProgressListener.NONE).run(journal, new SweepIdentity("1".repeat(64), moreReplications)));
        assertTrue(otherArguments.getMessage().contains("--replications 9"), otherArguments.getMessage());
        journal.identity = null;
        ExperimentException unknown = assertThrows(ExperimentException.class, () -> sweep(vary, 1,
                ProgressListener.NONE).run(journal, new SweepIdentity("1".repeat(64), arguments)));
        assertTrue(unknown.getMessage().contains("no record of the scenario and arguments"), unknown.getMessage());
        assertEquals(2, journal.lines.size(), "nothing appended");

        journal.identity = new SweepIdentity("1".repeat(64), arguments);
        sweep(vary, 1, ProgressListener.NONE).run(journal, new SweepIdentity("1".repeat(64), arguments));
        assertEquals(done, journal.text(), "its own sweep resumes");
    }
}
