package io.nodesim.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvCellsTest {
    @Test
    void decimal_threeDecimalsHalfUp_emptyForNaNAndInfinities_noNegativeZero() {
        assertEquals("1.235", CsvCells.decimal(1.2345));
        assertEquals("-1.235", CsvCells.decimal(-1.2345));
        assertEquals("0.000", CsvCells.decimal(-0.0001));
        assertEquals("0.000", CsvCells.decimal(-0.0));
        assertEquals("-2.500", CsvCells.decimal(-2.5));
        assertEquals("12345678.900", CsvCells.decimal(12345678.9));
        assertEquals("", CsvCells.decimal(Double.NaN));
        assertEquals("", CsvCells.decimal(Double.POSITIVE_INFINITY));
    }

    @Test
    void time_secondsWithThreeDecimals_emptyForNever() {
        assertEquals("", CsvCells.time(Long.MAX_VALUE));
        assertEquals("0.000", CsvCells.time(0));
        assertEquals("0.001", CsvCells.time(500));
    }

    @Test
    void rfc4180_quotesOnlyWhenNeeded_andReadsBackTheCells() {
        List<String> cells = List.of("plain", "a,b", "say \"hi\"", "", "line\nbreak", "cr\r");
        String line = Rfc4180.line(cells);
        assertEquals("plain,\"a,b\",\"say \"\"hi\"\"\",,\"line\nbreak\",\"cr\r\"", line);
        assertEquals(cells.subList(0, 4), Rfc4180.cells(Rfc4180.line(cells.subList(0, 4))));
    }
}
