package io.nodesim.reports.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nodesim.experiment.ProgressListener;
import io.nodesim.experiment.ReplicationRunner;
import io.nodesim.experiment.ScenarioFactory;
import io.nodesim.experiment.Sweep;
import io.nodesim.experiment.SweepArguments;
import io.nodesim.experiment.SweepIdentity;
import io.nodesim.experiment.SweepSpec;
import io.nodesim.kernel.RandomStreams;
import io.nodesim.metrics.RunResult;
import io.nodesim.scenario.KubernetesVersion;
import io.nodesim.scenario.Scenario;
import io.nodesim.scenario.VersionProfile;
import io.nodesim.scheduler.SchedulerConfigurations;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.apache.commons.math3.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepCsvFileTest {
    private static final List<String> VARY = List.of("scale=1,2,3,4", "label=a,b");

    /** The point's settings travel in the description; samples are uniform on [0, scale). */
    private static final VersionProfile PROFILE = new VersionProfile("1.34+", true, true, true, false, false, true);
    private static final ScenarioFactory FACTORY = overrides -> Scenario.builder("fake", KubernetesVersion.parse("1.35"),
            PROFILE, SchedulerConfigurations.defaults(KubernetesVersion.parse("1.35"), PROFILE))
            .description(String.join(";", overrides)).seed(5).replications(3).duration(1_000_000L).build();

    private static final ReplicationRunner RUNNER = (s, r) -> {
        double scale = Double.parseDouble(s.description().split(";")[0].substring("scale=".length()));
        RandomGenerator rng = new RandomStreams(s.seed(), r).stream("test");
        double[] x = new double[8];
        Arrays.setAll(x, i -> scale * rng.nextDouble());
        return new RunResult(r, List.of(), List.of(), List.of(), List.of(), Map.of("t", x), 0);
    };

    private static final SweepIdentity IDENTITY = new SweepIdentity("a".repeat(64),
            new SweepArguments(List.of(), SweepSpec.parse(VARY, List.of(), 0), 0));

    @TempDir
    Path dir;

    private byte[] sweepInto(Path out, int threads, ProgressListener listener) throws Exception {
        return sweepInto(out, threads, listener, RUNNER);
    }

    private byte[] sweepInto(Path out, int threads, ProgressListener listener, ReplicationRunner runner)
            throws Exception {
        new Sweep(SweepSpec.parse(VARY, List.of(), 0), 5, FACTORY, runner, 0, threads, listener)
                .run(SweepCsvFile.in(out), IDENTITY);
        return Files.readAllBytes(out.resolve(SweepCsvFile.NAME));
    }

    @Test
    void begin_recordsTheIdentityBesideTheTable_whichReadsBack() throws Exception {
        SweepCsvFile f = SweepCsvFile.in(dir.resolve("id"));
        assertTrue(f.identity().isEmpty());
        f.begin(IDENTITY);
        assertEquals(IDENTITY.scenarioSha256(), f.identity().orElseThrow().scenarioSha256());
        assertEquals(IDENTITY.arguments().tokens(), f.identity().orElseThrow().arguments().tokens());
        assertEquals("scenario_sha256," + "a".repeat(64) + "\narguments,--vary,\"scale=1,2,3,4\",--vary,\"label=a,b\"\n",
                Files.readString(dir.resolve("id").resolve(SweepCsvFile.IDENTITY_NAME)));
    }

    @Test
    void appendThenLines_roundTrips_withLfLineEnds() throws Exception {
        SweepCsvFile f = SweepCsvFile.in(dir.resolve("new/sub"));
        assertEquals(List.of(), f.lines());
        f.append(List.of("a,b", "1,2"));
        f.append(List.of("3,4"));
        assertEquals("a,b\n1,2\n3,4\n", Files.readString(f.file()));
        assertEquals(List.of("a,b", "1,2", "3,4"), f.lines());
    }

    @Test
    void lines_cutsOffAPartialLastLine() throws Exception {
        SweepCsvFile f = SweepCsvFile.in(dir);
        Files.writeString(f.file(), "h1,h2\n1,2\n3,");
        assertEquals(List.of("h1,h2", "1,2"), f.lines());
        assertEquals("h1,h2\n1,2\n", Files.readString(f.file()));
        Files.writeString(f.file(), "h1,h");
        assertEquals(List.of(), f.lines());
        assertEquals(0, Files.size(f.file()));
    }

    @Test
    void resume_afterKillMidRow_endsByteIdenticalToUninterrupted() throws Exception {
        byte[] whole = sweepInto(dir.resolve("whole"), 2, ProgressListener.NONE);
        String text = new String(whole, StandardCharsets.UTF_8);
        int cuts = 0;
        // a kill inside the header, inside row 3, and just before row 5's line end
        for (int cut : new int[] {5, nthLineEnd(text, 3) + 7, nthLineEnd(text, 6) - 1}) {
            Path out = dir.resolve("cut" + cut);
            Files.createDirectories(out);
            Files.write(out.resolve(SweepCsvFile.NAME), Arrays.copyOf(whole, cut));
            Files.copy(dir.resolve("whole").resolve(SweepCsvFile.IDENTITY_NAME), out.resolve(SweepCsvFile.IDENTITY_NAME));
            assertArrayEquals(whole, sweepInto(out, 3, ProgressListener.NONE), "cut at byte " + cut);
            cuts++;
        }
        assertEquals(3, cuts);
    }

    @Test
    void resume_afterCtrlC_endsByteIdenticalToUninterrupted() throws Exception {
        byte[] whole = sweepInto(dir.resolve("whole"), 1, ProgressListener.NONE);
        Path out = dir.resolve("interrupted");
        ProgressListener ctrlC = new ProgressListener() {
            @Override
            public void pointsDone(int done, int total) {
                if (done == 3) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        // the points after the interrupt are slow, so that they are still running when it comes
        ReplicationRunner slowTail = (s, r) -> {
            if (s.description().startsWith("scale=3") || s.description().startsWith("scale=4")) {
                LockSupport.parkNanos(200_000_000L);
            }
            return RUNNER.run(s, r);
        };
        assertThrows(InterruptedException.class, () -> sweepInto(out, 4, ctrlC, slowTail));
        // rows already computed when the interrupt came may still be written, each one whole
        String partial = Files.readString(out.resolve(SweepCsvFile.NAME));
        long rows = partial.lines().count() - 1;
        assertTrue(rows >= 3 && rows < 8, rows + " rows");
        assertTrue(new String(whole, StandardCharsets.UTF_8).startsWith(partial));
        assertArrayEquals(whole, sweepInto(out, 4, ProgressListener.NONE));
    }

    @Test
    void output_byteIdenticalForOneTwoFourThreads() throws Exception {
        byte[] one = sweepInto(dir.resolve("t1"), 1, ProgressListener.NONE);
        assertArrayEquals(one, sweepInto(dir.resolve("t2"), 2, ProgressListener.NONE));
        assertArrayEquals(one, sweepInto(dir.resolve("t4"), 4, ProgressListener.NONE));
        assertEquals(9, new String(one, StandardCharsets.UTF_8).lines().count());
    }

    /** The index of the n-th LF (1-based). */
    private static int nthLineEnd(String text, int n) {
        int at = -1;
        for (int i = 0; i < n; i++) {
            at = text.indexOf('\n', at + 1);
        }
        return at;
    }
}
