package io.nodesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ScheduleCommandTest {
    private static final Path EXAMPLE = Path.of("..", "scenarios", "schedule-explain.yaml");

    @TempDir
    Path dir;

    private int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cl = NodesimCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void schedule_example_writesCsvsAndExplains() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(0, run(out, err, "schedule", EXAMPLE.toString(), "-o", dir.toString()), err.toString());
        List<String> placements = Files.readAllLines(dir.resolve("placements.csv"));
        assertEquals("pod,node,total_score,feasible_nodes,tie_set", placements.get(0));
        assertEquals("pinned,n3,,,n3", placements.get(1));
        // n4 has the image and the most room left after the pinned pod took half of n3's cpu
        assertEquals("web-0,n4,696,3,n4", placements.get(2));
        assertTrue(out.toString().contains("n1: filtered by TaintToleration: node(s) had untolerated taint(s)"),
                out.toString());
        assertTrue(Files.readAllLines(dir.resolve("scores.csv")).contains("web-0,n4,ImageLocality,10,10,1,10"));
    }

    @Test
    void schedule_badSchedulerConfig_exits2WithPath() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = run(out, err, "schedule", EXAMPLE.toString(), "-o", dir.toString(),
                "--set", "kubeScheduler.percentageOfNodesToScore=150");
        assertEquals(2, code);
        assertTrue(err.toString().contains("--set kubeScheduler.percentageOfNodesToScore=150: kubeScheduler.percentageOfNodesToScore: "
                + "expected an integer in [0, 100], got 150"),
                err.toString());
    }
}
