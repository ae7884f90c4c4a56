package io.nodesim.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nodesim.kernel.SimTime;
import org.junit.jupiter.api.Test;

class DurationTextTest {
    @Test
    void writesDurationsTheWayScenarioFilesDo() {
        assertEquals("0s", DurationText.of(0));
        assertEquals("100ms", DurationText.of(100 * SimTime.MILLISECOND));
        assertEquals("250µs", DurationText.of(250));
        assertEquals("50s", DurationText.of(50 * SimTime.SECOND));
        assertEquals("1m30s", DurationText.of(90 * SimTime.SECOND));
        assertEquals("5m", DurationText.of(5 * SimTime.MINUTE));
        assertEquals("1h0.5s", DurationText.of(SimTime.HOUR + 500 * SimTime.MILLISECOND));
        assertEquals("never", DurationText.of(SimTime.NEVER));
    }
}
