package io.nodesim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nodesim run} end to end on the README's first scenario: files, numbers, determinism, bad input. */
class RunCommandTest {
    private static final Path EXAMPLE = Path.of("..", "scenarios", "single-node-crash.yaml");

    @TempDir
    Path dir;

    @Test
    void singleNodeCrash_writesEveryOutput_withTheSpecTimeline() throws Exception {
        Path out = dir.resolve("out");
        Cli.Result r = Cli.run("run", EXAMPLE.toString(), "-o", out.toString(), "--events");
        assertEquals(0, r.code(), r.err());
        for (String f : List.of("nodes.csv", "pods.csv", "workloads.csv", "summary.csv", "events.csv", "report.html",
                "timeline.png", "timeline.svg", "recovery-cdf.png", "taint-staircase.png", "phase-breakdown.png")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        assertTrue(r.out().contains("time_to_unknown"), r.out());

        // The crash is at 60 s. Spec §1.2/§1.12 (1.35: G = 50 s, P = 5 s, R = 10 s): Unknown in (100, 115],
        // the NoExecute taint in the same pass (+ at most one 100 ms worker tick and the watch delay),
        // the pod deleted 300 s (DefaultTolerationSeconds) after the taint was processed.
        List<String> nodes = Files.readAllLines(out.resolve("nodes.csv"));
        assertEquals("replication,node,zone,failed_at,unknown_at,noschedule_taint_at,noexecute_taint_at,ready_again_at,"
                + "episode,joined_at", nodes.get(0));
        String[] node = nodes.get(1).split(",", -1);
        assertEquals("node-3", node[1]);
        assertEquals("60.000", node[3]);
        double unknown = Double.parseDouble(node[4]);
        double noExecute = Double.parseDouble(node[6]);
        assertTrue(unknown > 100 && unknown <= 115, "unknown_at " + unknown);
        assertTrue(noExecute >= unknown && noExecute <= unknown + 0.2, "noexecute_taint_at " + noExecute);
        assertEquals("", node[7], "the node never comes back");
        assertEquals("1", node[8], "its first and only NotReady episode");

        String[] pod = Files.readAllLines(out.resolve("pods.csv")).get(1).split(",", -1);
        assertEquals("node-3", pod[3]);
        double deleted = Double.parseDouble(pod[5]);
        assertTrue(deleted >= noExecute + 300 && deleted <= noExecute + 300.2, "deleted_at " + deleted);
        assertFalse(pod[7].equals("node-3") || pod[7].isEmpty(), "replaced on a healthy node: " + pod[7]);
        assertTrue(Double.parseDouble(pod[10]) > deleted, "replacement Ready after the deletion");

        String events = Files.readString(out.resolve("events.csv"));
        int fault = events.indexOf("NodeFault,node-3");
        int unknownEvent = events.indexOf("NodeReadyUnknown,node-3");
        int taint = events.indexOf("TaintAdded,node-3,node.kubernetes.io/unreachable:NoExecute");
        int deletion = events.indexOf("PodDeleted," + pod[1]);
        assertTrue(0 < fault && fault < unknownEvent && unknownEvent < taint && taint < deletion, events);
    }

    @Test
    void sameSeed_byteIdenticalCsvs_whateverTheThreads() throws Exception {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        assertEquals(0, Cli.run("run", EXAMPLE.toString(), "-o", a.toString(), "--replications", "4", "--threads", "1").code());
        assertEquals(0, Cli.run("run", EXAMPLE.toString(), "-o", b.toString(), "--replications", "4", "--threads", "2").code());
        for (String f : List.of("nodes.csv", "pods.csv", "workloads.csv", "summary.csv", "report.html")) {
            assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
        }
    }

    @Test
    void badInput_exits2_withOneLine_andWritesNothing() throws Exception {
        Path out = dir.resolve("never");
        Cli.Result r = Cli.run("run", EXAMPLE.toString(), "-o", out.toString(),
                "--set", "kubeControllerManager.node-monitor-grace-period=-5s");
        assertEquals(2, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("kubeControllerManager.node-monitor-grace-period"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void precisionOnAnUnknownMetric_exits2_beforeRunning_listingTheRegisteredMetrics() throws Exception {
        Path out = dir.resolve("never");
        Cli.Result r = Cli.run("run", EXAMPLE.toString(), "-o", out.toString(), "--precision", "1",
                "--metric", "time_to_recovery");
        assertEquals(2, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("--metric time_to_recovery is not a metric; the metrics are time_to_unknown, "),
                r.err());
        assertFalse(Files.exists(out));
    }
}
