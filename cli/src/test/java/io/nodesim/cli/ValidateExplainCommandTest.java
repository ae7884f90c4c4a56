package io.nodesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ValidateExplainCommandTest {
    private static final Path EXAMPLE = Path.of("..", "scenarios", "single-node-crash.yaml");

    @TempDir
    Path dir;

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        CommandLine cl = NodesimCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void validate_exampleIsValid() {
        Result r = run("validate", EXAMPLE.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("valid (single-node-crash, Kubernetes 1.35, profile 1.34–1.35, 10 nodes"), r.out());
    }

    @Test
    void validate_badInput_exits2_withOneLineAndNoStackTrace() throws Exception {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, Files.readString(EXAMPLE).replace("type: NodeCrash", "type: NodeCrush"));
        Result r = run("validate", f.toString());
        assertEquals(2, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("nodesim: " + f + ":"), r.err());
        assertTrue(r.err().contains("faults[0].type: unknown fault type \"NodeCrush\"; did you mean \"NodeCrash\"?"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void validate_printsLintWarnings() {
        Result r = run("validate", EXAMPLE.toString(), "--set", "kubeControllerManager.node-monitor-grace-period=15s");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("warning: kubeControllerManager.node-monitor-grace-period:"), r.out());
    }

    @Test
    void explain_listsEverySettingWithItsOrigin() {
        Result r = run("explain", EXAMPLE.toString(), "--set", "kubeControllerManager.node-monitor-grace-period=20s");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.matches(
                "kubeControllerManager\\.node-monitor-grace-period +20s +--set kubeControllerManager.node-monitor-grace-period=20s")),
                r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("kubeControllerManager\\.node-monitor-period +5s +profile 1\\.34–1\\.35")),
                r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("duration +15m0s +file single-node-crash\\.yaml:\\d+")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("latencies\\.watch +uniform\\(.*\\) +default nodesim")), r.out());
    }

    @Test
    void explain_missingFile_exits2() {
        Result r = run("explain", dir.resolve("none.yaml").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("file not found"), r.err());
    }
}
