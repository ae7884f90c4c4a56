package io.nodesim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sweeps beyond one machine (DESIGN §3.2) with the real model: shards merged into the bytes of the
 * one-machine sweep for any number of shards, and every part that must not be merged refused with
 * the file and the reason; resume refused when the scenario or the arguments changed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShardedSweepTest {
    /** 2 x 2 points x 2 replications: 8 tasks, small enough to run many times. */
    private static final String SCENARIO = """
            apiVersion: nodesim.io/v1alpha1
            kind: Scenario
            metadata: {name: sharded}
            spec:
              seed: 9
              replications: 2
              duration: 10m
              nodes:
                - {pool: node, count: 8, zones: [a, b]}
              workloads:
                - apiVersion: apps/v1
                  kind: Deployment
                  metadata: {name: web}
                  spec:
                    replicas: 12
                    selector: {matchLabels: {app: web}}
                    template:
                      metadata: {labels: {app: web}}
                      spec:
                        containers: [{name: web, image: "nginx:1.25"}]
              faults:
                - {at: 1m, type: HeartbeatDelay, percent: 25, delay: "weibull(0.5, 3s)", duration: 6m}
                - {at: 3m, type: NodeCrash, nodes: [node-0]}
            sweep:
              vary:
                kubeControllerManager.node-monitor-grace-period: [20s, 40s]
                kubeApiServer.default-unreachable-toleration-seconds: [10, 300]
            """;

    @TempDir
    static Path tmp;
    Path scenario;
    Path whole;

    @BeforeAll
    void sweepOnOneMachine() throws IOException {
        scenario = tmp.resolve("sharded.yaml");
        Files.writeString(scenario, SCENARIO);
        whole = tmp.resolve("whole");
        assertEquals(0, nodesim("sweep", scenario.toString(), "-o", whole.toString(), "--threads", "2").code());
    }

    record Run(int code, String err) {
    }

    /** Runs the command in-process, with what it prints to standard error. */
    private static Run nodesim(String... args) {
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            return new Run(NodesimCommand.commandLine().execute(args), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(saved);
        }
    }

    private Run shard(Path out, int i, int n, String... extra) {
        List<String> args = new ArrayList<>(List.of("sweep", scenario.toString(), "-o", out.toString(), "--threads",
                "2", "--shard", i + "/" + n));
        args.addAll(List.of(extra));
        return nodesim(args.toArray(String[]::new));
    }

    private Path shards(String name, int n) {
        Path out = tmp.resolve(name);
        for (int i = 0; i < n; i++) {
            assertEquals(0, shard(out, i, n).code(), "shard " + i + "/" + n);
        }
        return out;
    }

    private static List<String> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private void assertSameOutputsAsOneMachine(Path merged) throws IOException {
        List<String> expected = files(whole);
        assertTrue(expected.containsAll(List.of("sweep.csv", "sweep.html", "sweep-identity.csv", "sweep-tradeoff.svg")),
                expected.toString());
        assertEquals(expected, files(merged));
        for (String f : expected) {
            assertArrayEquals(Files.readAllBytes(whole.resolve(f)), Files.readAllBytes(merged.resolve(f)), f);
        }
    }

    @Test
    void shardsMerged_areByteIdenticalToTheOneMachineSweep_for1_3_7_andMoreShardsThanTasks() throws IOException {
        for (int n : new int[] {1, 3, 7, 11}) {
            Path out = shards("n" + n, n);
            assertEquals(n, files(out.resolve("parts")).size());
            assertEquals(0, nodesim("sweep", "merge", out.toString()).code(), n + " shards");
            assertSameOutputsAsOneMachine(out);
        }
    }

    @Test
    void aRetriedShard_writesTheSamePart_andTheMergeIsUnchanged() throws IOException {
        Path out = shards("retried", 3);
        byte[] first = Files.readAllBytes(out.resolve("parts/part-1-of-3.csv"));
        assertEquals(0, shard(out, 1, 3).code());
        assertArrayEquals(first, Files.readAllBytes(out.resolve("parts/part-1-of-3.csv")));
        assertEquals(0, nodesim("sweep", "merge", out.toString()).code());
        assertSameOutputsAsOneMachine(out);
    }

    private void assertRefused(Path out, String file, String reason) throws IOException {
        Run merge = nodesim("sweep", "merge", out.toString());
        assertEquals(2, merge.code(), merge.err());
        assertTrue(merge.err().contains(out.resolve("parts").resolve(file) + ": " + reason), merge.err());
        assertFalse(Files.exists(out.resolve("sweep.csv")), "a refused merge writes nothing");
    }

    private Path copyOf(Path parts, String name) throws IOException {
        Path out = tmp.resolve(name);
        Files.createDirectories(out);
        try (Stream<Path> s = Files.walk(parts)) {
            for (Path p : s.toList()) {
                Path target = out.resolve(parts.getParent().relativize(p));
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return out;
    }

    @Test
    void aMissingTruncatedDuplicatedOrForeignPart_isRefusedNamingTheFileAndTheReason() throws IOException {
        Path parts = shards("three", 3).resolve("parts");

        Path missing = copyOf(parts, "missing");
        Files.delete(missing.resolve("parts/part-2-of-3.csv"));
        assertRefused(missing, "part-2-of-3.csv", "missing: shard 2/3 has not finished");

        Path truncated = copyOf(parts, "truncated");
        byte[] bytes = Files.readAllBytes(truncated.resolve("parts/part-1-of-3.csv"));
        Files.write(truncated.resolve("parts/part-1-of-3.csv"), Arrays.copyOf(bytes, bytes.length / 2));
        assertRefused(truncated, "part-1-of-3.csv", "truncated");

        Path duplicated = copyOf(parts, "duplicated");
        Files.copy(parts.resolve("part-0-of-3.csv"), duplicated.resolve("parts/part-2-of-3.csv"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertRefused(duplicated, "part-2-of-3.csv", "holds shard 0/3, its name says 2/3");

        Path otherSharding = copyOf(parts, "other-sharding");
        assertEquals(0, shard(otherSharding, 0, 4).code());
        assertRefused(otherSharding, "part-0-of-4.csv", "a part of a sweep in 4 shards");

        Path otherArguments = copyOf(parts, "other-arguments");
        assertEquals(0, shard(otherArguments, 1, 3, "--replications", "1").code());
        assertRefused(otherArguments, "part-1-of-3.csv", "of another sweep than " + otherArguments.resolve(
                "parts/part-0-of-3.csv") + ": " + otherArguments.resolve("parts/part-1-of-3.csv")
                + " was written with the sweep arguments");

        Path otherScenario = copyOf(parts, "other-scenario");
        Path edited = tmp.resolve("edited/sharded.yaml");
        Files.createDirectories(edited.getParent());
        Files.writeString(edited, SCENARIO.replace("duration: 10m", "duration: 9m"));
        List<String> args = List.of("sweep", edited.toString(), "-o", otherScenario.toString(), "--shard", "2/3");
        assertEquals(0, nodesim(args.toArray(String[]::new)).code());
        assertRefused(otherScenario, "part-2-of-3.csv", "of another sweep");
        assertTrue(nodesim("sweep", "merge", otherScenario.toString()).err().contains("a scenario of other content"));
    }

    @Test
    void resume_refusesAnotherScenarioOrOtherArguments_andLeavesTheTableAlone() throws IOException {
        Path out = tmp.resolve("resume");
        assertEquals(0, nodesim("sweep", scenario.toString(), "-o", out.toString(), "--threads", "2",
                "--replications", "1").code());
        byte[] table = Files.readAllBytes(out.resolve("sweep.csv"));

        Run moreReplications = nodesim("sweep", scenario.toString(), "-o", out.toString(), "--replications", "2");
        assertEquals(2, moreReplications.code());
        assertTrue(moreReplications.err().contains(out.resolve("sweep.csv") + " was written with the sweep arguments "
                + "\"--vary kubeControllerManager.node-monitor-grace-period=20s,40s --vary "
                + "kubeApiServer.default-unreachable-toleration-seconds=10,300 --replications 1\""),
                moreReplications.err());

        Run otherSet = nodesim("sweep", scenario.toString(), "-o", out.toString(), "--replications", "1", "--set",
                "seed=10");
        assertEquals(2, otherSet.code());
        assertTrue(otherSet.err().contains("--set seed=10"), otherSet.err());

        Path edited = tmp.resolve("resume-edited/sharded.yaml");
        Files.createDirectories(edited.getParent());
        Files.writeString(edited, SCENARIO.replace("percent: 25", "percent: 50"));
        Run otherScenario = nodesim("sweep", edited.toString(), "-o", out.toString(), "--replications", "1");
        assertEquals(2, otherScenario.code());
        assertTrue(otherScenario.err().contains(out.resolve("sweep.csv") + " was written for a scenario of other "
                + "content"), otherScenario.err());

        assertArrayEquals(table, Files.readAllBytes(out.resolve("sweep.csv")));
        assertEquals(0, nodesim("sweep", scenario.toString(), "-o", out.toString(), "--replications", "1").code(),
                "the same sweep still resumes");
    }
}
