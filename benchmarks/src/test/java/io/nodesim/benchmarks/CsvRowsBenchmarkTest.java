package io.nodesim.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The two ways the benchmark compares write the same pods.csv rows, so it times equal work. */
class CsvRowsBenchmarkTest {
    @Test
    void rowWriterAndTheOpencsvBaselineWriteTheSameCharacters() throws IOException {
        CsvRowsBenchmark b = new CsvRowsBenchmark();
        b.rows = 2_000;
        b.setUp();
        StringWriter rows = new StringWriter();
        StringWriter arrays = new StringWriter();
        b.writeRows(rows);
        b.writeStringArrays(arrays);
        assertEquals(arrays.toString(), rows.toString());
        assertEquals(2_000, rows.toString().lines().count());
        assertTrue(rows.toString().contains(",,"), "some empty time cells");
        assertEquals(b.rowWriter(), b.opencsvStringArrays());
    }
}
