package io.nodesim.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The CSV time format: seconds with three decimals, half up, exactly as BigDecimal rescales it. */
class SimTimeFormatTest {
    private static String reference(long micros) {
        return BigDecimal.valueOf(micros).movePointLeft(6).setScale(3, RoundingMode.HALF_UP).toPlainString();
    }

    @Test
    void roundsHalfUpAwayFromZeroToMilliseconds() {
        assertEquals("0.000", SimTime.formatSeconds(0));
        assertEquals("0.000", SimTime.formatSeconds(499));
        assertEquals("0.001", SimTime.formatSeconds(500));
        assertEquals("0.000", SimTime.formatSeconds(-499));
        assertEquals("-0.001", SimTime.formatSeconds(-500));
        assertEquals("1.050", SimTime.formatSeconds(1_049_500));
        assertEquals("600.000", SimTime.formatSeconds(600 * SimTime.SECOND));
        assertEquals("12.007", SimTime.formatSeconds(12_006_999));
        assertEquals("-3.070", SimTime.formatSeconds(-3_069_600));
    }

    @Test
    void equalsTheBigDecimalFormatEverywhere() {
        long[] edges = {1, -1, 999, 1000, 1499, 1500, -1500, 999_999, 1_000_000, 9_999_500, Long.MAX_VALUE,
            Long.MAX_VALUE - 499, Long.MAX_VALUE - 500, Long.MAX_VALUE - 501, Long.MIN_VALUE, Long.MIN_VALUE + 1,
            -Long.MAX_VALUE + 499, -Long.MAX_VALUE + 500, -Long.MAX_VALUE + 501};
        for (long e : edges) {
            assertEquals(reference(e), SimTime.formatSeconds(e), "micros " + e);
        }
        SplittableRandom random = new SplittableRandom(16);
        for (int i = 0; i < 200_000; i++) {
            // every magnitude: a year of microseconds and the full range
            long micros = i % 2 == 0 ? random.nextLong(-400L * 86_400 * SimTime.SECOND, 400L * 86_400 * SimTime.SECOND)
                    : random.nextLong() >> random.nextInt(64);
            assertEquals(reference(micros), SimTime.formatSeconds(micros), "micros " + micros);
        }
    }
}
