package io.nodesim.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nodesim.reports.charts.sweep.SweepFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepOutputsTest {
    @TempDir
    Path tmp;

    @Test
    void writesEveryFigureAndThePage_andLeavesSweepCsvAlone() throws Exception {
        Path csv = tmp.resolve("sweep.csv");
        Files.writeString(csv, "the sweep's own file\n");
        List<Path> written = SweepOutputs.write(tmp, SweepFixtures.grid());
        List<String> names = written.stream().map(p -> p.getFileName().toString()).toList();
        assertEquals(15, names.size(), "7 figures as PNG and SVG, and the page: " + names);
        assertEquals("sweep.html", names.get(names.size() - 1));
        assertTrue(names.contains("sweep-tradeoff.png") && names.contains("sweep-heatmap-false-evictions.svg"));
        assertEquals("the sweep's own file\n", Files.readString(csv));
        try (Stream<Path> s = Files.list(tmp)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".")), "no temporary file left");
        }
    }
}
