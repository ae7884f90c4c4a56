package io.nodesim.reports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.nodesim.metrics.RunResult;
import io.nodesim.reports.charts.ChartRegistry;
import io.nodesim.reports.charts.RunChart;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunOutputsTest {
    @TempDir
    Path tmp;

    static List<String> expectedFiles(boolean events) {
        List<String> names = new ArrayList<>(List.of("nodes.csv", "pods.csv", "workloads.csv", "summary.csv"));
        if (events) {
            names.add("events.csv");
        }
        for (RunChart<?> c : ChartRegistry.RUN_CHARTS) {
            names.add(c.fileName() + ".png");
            names.add(c.fileName() + ".svg");
        }
        names.add("report.html");
        return names;
    }

    private static List<String> listing(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesEveryFileOnce_andNothingElse() throws Exception {
        Path dir = tmp.resolve("out/tiny-crash");
        List<Path> written = RunOutputs.write(dir, Fixtures.tinyScenario(), List.of(Fixtures.tinyResult()),
                Fixtures.tinySummaries(), true);
        assertEquals(expectedFiles(true), written.stream().map(p -> p.getFileName().toString()).toList());
        assertEquals(expectedFiles(true).stream().sorted().toList(), listing(dir), "no temporary file is left");
        List<Path> noEvents = RunOutputs.write(tmp.resolve("b"), Fixtures.tinyScenario(),
                List.of(Fixtures.tinyResult()), Fixtures.tinySummaries(), false);
        assertEquals(expectedFiles(false).size(), noEvents.size());
    }

    @Test
    void sameInputGivesTheSameBytes() throws Exception {
        RunResult large = Fixtures.largeResult();
        List<Path> a = RunOutputs.write(tmp.resolve("a"), Fixtures.largeScenario(), List.of(large),
                Fixtures.summariesOf(large), true);
        List<Path> b = RunOutputs.write(tmp.resolve("b"), Fixtures.largeScenario(), List.of(large),
                Fixtures.summariesOf(large), true);
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(Files.readAllBytes(a.get(i)), Files.readAllBytes(b.get(i)), a.get(i).toString());
        }
        // kept for a person (and the browser check) to look at
        Path preview = Path.of("target", "report-preview");
        Files.createDirectories(preview);
        for (Path p : a) {
            Files.copy(p, preview.resolve(p.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void aRunThatFailsBeforeWritingLeavesNoFolder() {
        Path dir = tmp.resolve("out/broken");
        assertThrows(NullPointerException.class,
                () -> RunOutputs.write(dir, null, List.of(Fixtures.tinyResult()), List.of(), false));
        assertFalse(Files.exists(dir));
        assertFalse(Files.exists(tmp.resolve("out")));
    }
}
