package io.nodesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nodesim tune} end to end: the brute-force sweep's best, the patches, and "no setting" as exit 1. */
class TuneCommandTest {
    private static final String SCENARIO = Path.of("..", "scenarios", "single-node-crash.yaml").toString();
    private static final String VARY = "kubeApiServer.default-unreachable-toleration-seconds=300,60,120";

    @TempDir
    Path dir;

    @Test
    void tune_choosesTheBruteForceSweepsBest_andWritesItsPatches() throws Exception {
        Path sweep = dir.resolve("sweep");
        assertEquals(0, Cli.run("sweep", SCENARIO, "--vary", VARY, "--replications", "8", "-o", sweep.toString(),
                "--threads", "2").code());
        List<String[]> rows = Files.readAllLines(sweep.resolve("sweep.csv")).stream().map(l -> l.split(",", -1)).toList();
        int column = List.of(rows.get(0)).indexOf("time_to_dead_pod_deletion_mean");
        String bruteBest = IntStream.range(1, rows.size()).boxed()
                .min(Comparator.comparingDouble(i -> Double.parseDouble(rows.get(i)[column]))).map(i -> rows.get(i)[0])
                .orElseThrow();

        Path out = dir.resolve("tune");
        Cli.Result r = Cli.run("tune", SCENARIO, "--vary", VARY, "--objective", "time_to_dead_pod_deletion",
                "--constraint", "false_evictions<=0", "--initial", "2", "--max-replications", "8", "-o", out.toString(),
                "--threads", "2");
        assertEquals(0, r.code(), r.err());
        assertEquals("60", bruteBest);
        String recommendation = Files.readString(out.resolve("recommendation.yaml"));
        assertTrue(recommendation.contains("kubeApiServerFlags:\n- --default-unreachable-toleration-seconds=" + bruteBest
                + "\n"), recommendation);
        List<String> tune = Files.readAllLines(out.resolve("tune.csv"));
        assertEquals("point,kubeApiServer.default-unreachable-toleration-seconds,replications,"
                + "time_to_dead_pod_deletion_mean,time_to_dead_pod_deletion_mean_ci95_low,"
                + "time_to_dead_pod_deletion_mean_ci95_high,false_evictions_mean,false_evictions_ci95_low,"
                + "false_evictions_ci95_high,feasible,status", tune.get(0));
        assertEquals(4, tune.size(), "every point tried has a row");
        assertTrue(tune.get(2).startsWith("1,60,") && tune.get(2).endsWith(",true,best"), tune.get(2));
        assertTrue(Files.isRegularFile(out.resolve("tune-tradeoff.png")));
    }

    @Test
    void noSettingMeetsTheConstraints_exitsOne_withOneLine() {
        Path out = dir.resolve("none");
        Cli.Result r = Cli.run("tune", SCENARIO, "--vary", VARY, "--objective", "time_to_dead_pod_deletion",
                "--constraint", "time_to_unknown<=1", "--initial", "2", "--max-replications", "2", "-o",
                out.toString(), "--threads", "2");
        assertEquals(1, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("nodesim tune: no setting meets time_to_unknown<=1 (3 tried"), r.err());
        assertFalse(Files.exists(out.resolve("recommendation.yaml")));
    }

    @Test
    void unknownMetric_isBadInput() {
        Cli.Result r = Cli.run("tune", SCENARIO, "--vary", VARY, "--objective", "time_to_nothing", "-o",
                dir.resolve("bad").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("nodesim tune: --objective: unknown metric \"time_to_nothing\""), r.err());
    }
}
