package io.nodesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nodesim sweep ... --emit-job N --image IMAGE}: the file, and the refusals, without running anything. */
class EmitJobCommandTest {
    private static final String SCENARIO = """
            apiVersion: nodesim.io/v1alpha1
            kind: Scenario
            metadata: {name: job}
            spec:
              nodes:
                - {pool: node, count: 4}
            """;

    @TempDir
    Path tmp;

    @Test
    void emitJob_writesTheManifest_withTheScenarioAndTheArguments_andRunsNothing() throws Exception {
        Path scenario = tmp.resolve("job.yaml");
        Files.writeString(scenario, SCENARIO);
        Path out = tmp.resolve("out");
        int code = NodesimCommand.commandLine().execute("sweep", scenario.toString(), "--vary",
                "kubeControllerManager.node-monitor-grace-period=20s,40s", "--emit-job", "5", "--image", "img:1",
                "-o", out.toString());
        assertEquals(0, code);
        String yaml = Files.readString(out.resolve("sweep-job.yaml"));
        assertTrue(yaml.contains("completions: 5\n"), yaml);
        assertTrue(yaml.contains("  f0-job.yaml: |\n    apiVersion: nodesim.io/v1alpha1\n"), yaml);
        assertTrue(yaml.contains("- $(JOB_COMPLETION_INDEX)/5\n"), yaml);
        assertFalse(Files.exists(out.resolve("sweep.csv")));
        assertFalse(Files.exists(out.resolve("parts")));
    }

    @Test
    void emitJob_withoutAnImage_orWithAShard_isBadInput() throws Exception {
        Path scenario = tmp.resolve("job.yaml");
        Files.writeString(scenario, SCENARIO);
        String vary = "kubeControllerManager.node-monitor-grace-period=20s,40s";
        assertEquals(2, NodesimCommand.commandLine().execute("sweep", scenario.toString(), "--vary", vary,
                "--emit-job", "5", "-o", tmp.resolve("a").toString()));
        assertEquals(2, NodesimCommand.commandLine().execute("sweep", scenario.toString(), "--vary", vary,
                "--emit-job", "5", "--image", "img", "--shard", "0/5", "-o", tmp.resolve("b").toString()));
        assertEquals(2, NodesimCommand.commandLine().execute("sweep", scenario.toString(), "--vary", vary,
                "--shard", "5/5", "-o", tmp.resolve("c").toString()));
        assertFalse(Files.exists(tmp.resolve("a")) || Files.exists(tmp.resolve("b")) || Files.exists(tmp.resolve("c")));
    }
}
