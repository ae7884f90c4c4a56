package io.nodesim.metrics;

import io.nodesim.kernel.SimTime;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How values become CSV cells, the same on every machine: times in seconds with exactly three
 * decimals, an empty cell for "never happened" or an undefined statistic, no locale anywhere.
 */
public final class CsvCells {
    private CsvCells() {
    }

    /** A time in microseconds as seconds with three decimals; empty for {@link SimTime#NEVER}. */
    public static String time(long micros) {
        return micros == SimTime.NEVER ? "" : SimTime.formatSeconds(micros);
    }

    /** A number with three decimals (half up); empty for NaN and the infinities. */
    public static String decimal(double value) {
        return decimal(value, 3);
    }

    /** A number with {@code decimals} decimals (half up); empty for NaN and the infinities. */
    public static String decimal(double value, int decimals) {
        if (!Double.isFinite(value)) {
            return "";
        }
        // BigDecimal.valueOf(-0.0) is 0, so a negative zero never prints as "-0.000".
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    }

    /** A statistic of a metric, with its unit's decimals (three for a metric that is not registered). */
    public static String statistic(String metric, double value) {
        return decimal(value, MetricRegistry.byName(metric).map(m -> m.unit().decimals()).orElse(3));
    }

    /** A possibly absent text; empty for null. */
    public static String text(String value) {
        return value == null ? "" : value;
    }
}
