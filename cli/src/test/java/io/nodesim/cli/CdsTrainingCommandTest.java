package io.nodesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** ./nodesim's archive training: a run and a sweep of the built-in scenario, nothing left behind, not listed. */
class CdsTrainingCommandTest {
    private static List<Path> trainingFolders() throws Exception {
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.filter(p -> p.getFileName().toString().startsWith("nodesim-cds-training-")).toList();
        }
    }

    @Test
    void runsTheBuiltInScenarioThroughRunAndSweep_andLeavesNothing_andPrintsNothing() throws Exception {
        List<Path> before = trainingFolders();
        java.io.PrintStream saved = System.out;
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            assertEquals(NodesimCommand.EXIT_OK, NodesimCommand.commandLine().execute("cds-training"));
        } finally {
            System.setOut(saved);
        }
        assertEquals(before, trainingFolders());
        assertEquals("", printed.toString(java.nio.charset.StandardCharsets.UTF_8), "the commands print through picocli");
    }

    @Test
    void isHiddenFromTheUsage() {
        java.io.StringWriter usage = new java.io.StringWriter();
        NodesimCommand.commandLine().usage(new java.io.PrintWriter(usage));
        assertFalse(usage.toString().contains("cds-training"), usage.toString());
    }
}
