package io.nodesim.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nodesim.metrics.Metric;
import io.nodesim.metrics.MetricRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's metric list and its sample output say what the registry holds, in its order. */
class ReadmeMetricsTest {
    private static final Path README = Path.of("..", "README.md");
    private static final String TABLE_HEADER = "| metric | unit | what it measures |";

    /** The metric table as the README must show it: one row per registered metric, in summary.csv order. */
    static String expectedTable() {
        StringBuilder b = new StringBuilder(TABLE_HEADER).append("\n|---|---|---|\n");
        for (Metric m : MetricRegistry.ALL) {
            b.append("| `").append(m.name()).append("` | ").append(m.unit().symbol()).append(" | ").append(m.doc())
                    .append(" |\n");
        }
        return b.toString();
    }

    @Test
    void metricTable_listsEveryRegisteredMetric_inOrder_withItsUnitAndDoc() throws Exception {
        List<String> lines = Files.readAllLines(README);
        int start = lines.indexOf(TABLE_HEADER);
        assertTrue(start >= 0, "README.md has no line " + TABLE_HEADER);
        StringBuilder table = new StringBuilder();
        for (int i = start; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            table.append(lines.get(i)).append('\n');
        }
        assertEquals(expectedTable(), table.toString(), "README.md's metric table is not the registry's");
    }

    @Test
    void quickStartOutput_printsTheRegisteredMetrics_inOrder() throws Exception {
        List<String> lines = Files.readAllLines(README);
        int header = -1;
        for (int i = 0; i < lines.size() && header < 0; i++) {
            if (lines.get(i).matches("metric +count +p50 +p90 +p99 +max")) {
                header = i;
            }
        }
        assertTrue(header >= 0, "README.md shows no printed summary");
        List<String> printed = lines.subList(header + 1, lines.size()).stream().takeWhile(l -> !l.isBlank())
                .map(l -> l.split(" +")[0]).toList();
        assertEquals(MetricRegistry.ALL.stream().map(Metric::name).toList(), printed);
    }
}
