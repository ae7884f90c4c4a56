package io.nodesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateExplainCommandTest {
    private static final Path EXAMPLE = Path.of("..", "scenarios", "single-node-crash.yaml");

    @TempDir
    Path dir;

    @Test
    void validate_exampleIsValid() {
        Cli.Result r = Cli.run("validate", EXAMPLE.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("valid (single-node-crash, Kubernetes 1.35, profile 1.35, 10 nodes"), r.out());
    }

    @Test
    void validate_badInput_exits2_withOneLineAndNoStackTrace() throws Exception {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, Files.readString(EXAMPLE).replace("type: NodeCrash", "type: NodeCrush"));
        Cli.Result r = Cli.run("validate", f.toString());
        assertEquals(2, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("nodesim: " + f + ":"), r.err());
        assertTrue(r.err().contains("faults[0].type: unknown fault type \"NodeCrush\"; did you mean \"NodeCrash\"?"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void validate_printsLintWarnings() {
        Cli.Result r = Cli.run("validate", EXAMPLE.toString(), "--set", "kubeControllerManager.node-monitor-grace-period=15s");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("warning: kubeControllerManager.node-monitor-grace-period:"), r.out());
    }

    @Test
    void explain_listsEverySettingWithItsOrigin() {
        Cli.Result r = Cli.run("explain", EXAMPLE.toString(), "--set", "kubeControllerManager.node-monitor-grace-period=20s");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.matches(
                "kubeControllerManager\\.node-monitor-grace-period +20s +--set kubeControllerManager.node-monitor-grace-period=20s")),
                r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("kubeControllerManager\\.node-monitor-period +5s +profile 1\\.35")),
                r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("duration +15m0s +file single-node-crash\\.yaml:\\d+")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("latencies\\.watch +uniform\\(.*\\) +default nodesim")), r.out());
    }

    @Test
    void explain_missingFile_exits2() {
        Cli.Result r = Cli.run("explain", dir.resolve("none.yaml").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("file not found"), r.err());
    }
}
