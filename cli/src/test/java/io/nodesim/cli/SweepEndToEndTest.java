package io.nodesim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nodesim.experiment.ProgressListener;
import io.nodesim.experiment.Sweep;
import io.nodesim.experiment.SweepArguments;
import io.nodesim.experiment.SweepIdentity;
import io.nodesim.experiment.SweepJournal;
import io.nodesim.experiment.SweepSpec;
import io.nodesim.reports.sweep.SweepCsvFile;
import io.nodesim.scenario.ScenarioLoader;
import io.nodesim.scenario.ScenarioSources;
import io.nodesim.simulation.ClusterSimulation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sweeps with the real model end to end: common random numbers, the same bytes for any thread
 * count, and a resumed sweep (after a cancel or a row cut short by a kill) equal to an uninterrupted
 * one, sweep.html included.
 */
class SweepEndToEndTest {
    private static final String GRACE = "kubeControllerManager.node-monitor-grace-period";
    private static final String TOLERATION = "kubeApiServer.default-unreachable-toleration-seconds";
    /** A small tune-timeouts: 12 nodes, slow heartbeats on a quarter of them, one real crash. */
    private static final String SCENARIO = """
            apiVersion: nodesim.io/v1alpha1
            kind: Scenario
            metadata: {name: small-tune}
            spec:
              seed: 5
              replications: 4
              duration: 12m
              nodes:
                - {pool: node, count: 12, zones: [a, b]}
              workloads:
                - apiVersion: apps/v1
                  kind: Deployment
                  metadata: {name: web}
                  spec:
                    replicas: 24
                    selector: {matchLabels: {app: web}}
                    template:
                      metadata: {labels: {app: web}}
                      spec:
                        containers: [{name: web, image: "nginx:1.25"}]
              faults:
                - {at: 1m, type: HeartbeatDelay, percent: 25, delay: "weibull(0.5, 3s)", duration: 8m}
                - {at: 4m, type: NodeCrash, nodes: [node-0]}
            sweep:
              vary:
                kubeControllerManager.node-monitor-grace-period: [20s, 40s]
                kubeApiServer.default-unreachable-toleration-seconds: [10, 60, 300]
            """;

    @TempDir
    Path tmp;
    Path scenario;

    @BeforeEach
    void writeScenario() throws IOException {
        scenario = tmp.resolve("small-tune.yaml");
        Files.writeString(scenario, SCENARIO);
    }

    private int sweep(Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("sweep", scenario.toString(), "-o", out.toString()));
        args.addAll(List.of(extra));
        return NodesimCommand.commandLine().execute(args.toArray(String[]::new));
    }

    private static byte[] bytes(Path p) throws IOException {
        return Files.readAllBytes(p);
    }

    @Test
    void commonRandomNumbers_identicalPointsGiveIdenticalRows_andSettingsChangeThem() throws Exception {
        Path out = tmp.resolve("crn");
        assertEquals(0, sweep(out, "--vary", GRACE + "=30s,30s,50s", "--vary", TOLERATION + "=10"));
        List<String> lines = Files.readAllLines(out.resolve("sweep.csv"));
        assertEquals(4, lines.size());
        assertTrue(lines.get(1).startsWith("30s,10,"), lines.get(1));
        assertEquals(lines.get(1), lines.get(2), "two points with the same settings see the same failures");
        assertNotEquals(lines.get(1).substring(6), lines.get(3).substring(6), "a longer grace changes the row");
    }

    @Test
    void sameBytesForOneAndTwoThreads_chartsAndPageIncluded() throws Exception {
        Path one = tmp.resolve("one");
        Path two = tmp.resolve("two");
        assertEquals(0, sweep(one, "--threads", "1"));
        assertEquals(0, sweep(two, "--threads", "2"));
        List<String> files;
        try (var s = Files.list(one)) {
            files = s.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertTrue(files.containsAll(List.of("sweep.csv", "sweep.html", "sweep-tradeoff.png", "sweep-tradeoff.svg",
                "sweep-heatmap-false-evictions.png")), files.toString());
        for (String f : files) {
            assertArrayEquals(bytes(one.resolve(f)), bytes(two.resolve(f)), f);
        }
        List<String> lines = Files.readAllLines(one.resolve("sweep.csv"));
        assertEquals(7, lines.size(), "the scenario's sweep: section, 2 x 3 points");
    }

    @Test
    void resumeAfterACancel_endsWithTheBytesOfAnUninterruptedSweep() throws Exception {
        Path whole = tmp.resolve("whole");
        assertEquals(0, sweep(whole));
        Path resumed = tmp.resolve("resumed");
        SweepCsvFile csv = SweepCsvFile.in(resumed);
        SweepSpec spec = SweepSpec.parse(List.of(GRACE + "=20s,40s", TOLERATION + "=10,60,300"), List.of(), 0);
        SweepIdentity identity = new SweepIdentity(ScenarioSources.load(scenario, scenario.toString(), List.of()).files()
                .sha256(), new SweepArguments(List.of(), spec, 0));
        Sweep sweep = new Sweep(spec, 5, overrides -> ScenarioLoader.load(scenario, overrides), (s, r) -> ClusterSimulation.run(s, r, false),
                0, 2, ProgressListener.NONE);
        // Ctrl-C after the second row: the command's thread is interrupted while the sweep runs
        SweepJournal cancelling = new SweepJournal() {
            private int appends;

            @Override
            public List<String> lines() throws IOException {
                return csv.lines();
            }

            @Override
            public void append(List<String> lines) throws IOException {
                csv.append(lines);
                if (++appends == 2) {
                    Thread.currentThread().interrupt();
                }
            }

            @Override
            public void begin(SweepIdentity begun) throws IOException {
                csv.begin(begun);
            }

            @Override
            public Optional<SweepIdentity> identity() throws IOException {
                return csv.identity();
            }

            @Override
            public String describe() {
                return csv.describe();
            }
        };
        assertThrows(InterruptedException.class, () -> sweep.run(cancelling, identity));
        Thread.interrupted();
        // rows already computed when the interrupt comes are still written whole, so maybe more than two
        int lines = Files.readAllLines(csv.file()).size();
        assertTrue(lines >= 3 && lines < 7, "the header and some of the six rows: " + lines);
        assertEquals(0, sweep(resumed));
        for (String f : List.of("sweep.csv", "sweep.html", "sweep-tradeoff.svg")) {
            assertArrayEquals(bytes(whole.resolve(f)), bytes(resumed.resolve(f)), f);
        }
    }

    @Test
    void resumeAfterARowCutShortByAKill_endsWithTheSameBytes() throws Exception {
        Path whole = tmp.resolve("whole");
        assertEquals(0, sweep(whole, "--threads", "1"));
        byte[] all = bytes(whole.resolve("sweep.csv"));
        String text = new String(all, java.nio.charset.StandardCharsets.UTF_8);
        int afterThirdRow = 0;
        for (int i = 0; i < 4; i++) {
            afterThirdRow = text.indexOf('\n', afterThirdRow) + 1;
        }
        int cut = afterThirdRow + 17; // in the middle of the fourth row
        Path killed = tmp.resolve("killed");
        Files.createDirectories(killed);
        Files.write(killed.resolve("sweep.csv"), java.util.Arrays.copyOf(all, cut));
        Files.copy(whole.resolve("sweep-identity.csv"), killed.resolve("sweep-identity.csv"));
        assertEquals(0, sweep(killed, "--threads", "2"));
        assertArrayEquals(all, bytes(killed.resolve("sweep.csv")));
        assertArrayEquals(bytes(whole.resolve("sweep.html")), bytes(killed.resolve("sweep.html")));
    }

    @Test
    void aCompleteSweepRerunChangesNothing_butWritesItsCharts() throws Exception {
        Path out = tmp.resolve("done");
        assertEquals(0, sweep(out));
        byte[] csv = bytes(out.resolve("sweep.csv"));
        Files.delete(out.resolve("sweep.html"));
        assertEquals(0, sweep(out));
        assertArrayEquals(csv, bytes(out.resolve("sweep.csv")));
        assertTrue(Files.exists(out.resolve("sweep.html")), "the page is drawn from the finished file");
    }
}
