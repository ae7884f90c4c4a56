package io.nodesim.kernel;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Simulated time is a {@code long} count of <b>microseconds</b> since the scenario start.
 *
 * <p>Integers, not doubles: a double clock drifts when thousands of 10 s periods are added, and two
 * timers that should coincide then fire in an order that depends on rounding. With integers two
 * events scheduled for the same instant really are simultaneous, and {@link EventQueue} orders them
 * by insertion. A {@code long} of microseconds covers about 292,000 years.
 */
public final class SimTime {
    public static final long MICROSECOND = 1L;
    public static final long MILLISECOND = 1_000L;
    public static final long SECOND = 1_000_000L;
    public static final long MINUTE = 60 * SECOND;
    public static final long HOUR = 60 * MINUTE;
    /** A time that never comes: "not scheduled", "never happened". */
    public static final long NEVER = Long.MAX_VALUE;

    private SimTime() {
    }

    public static long seconds(long s) {
        return Math.multiplyExact(s, SECOND);
    }

    public static long millis(long ms) {
        return Math.multiplyExact(ms, MILLISECOND);
    }

    /** Rounds to the nearest microsecond; for settings such as rates, never for the clock itself. */
    public static long fromSeconds(double s) {
        if (!Double.isFinite(s)) {
            throw new IllegalArgumentException("not a finite number of seconds: " + s);
        }
        return Math.round(s * SECOND);
    }

    public static double toSeconds(long micros) {
        return micros / (double) SECOND;
    }

    /**
     * Seconds with exactly three decimals (rounded half up, away from zero), the format of every CSV
     * time column. Integer arithmetic: a large run writes millions of these, and BigDecimal's
     * rescaling was most of the time of writing pods.csv.
     */
    public static String formatSeconds(long micros) {
        return appendSeconds(new StringBuilder(24), micros).toString();
    }

    /** {@link #formatSeconds} appended to {@code s}, for writers that build a line without a String per cell. */
    public static StringBuilder appendSeconds(StringBuilder s, long micros) {
        if (micros > Long.MAX_VALUE - 500 || micros < -Long.MAX_VALUE + 500) {
            // the magnitude plus the half would overflow: too far out to be a time anyway
            return s.append(BigDecimal.valueOf(micros).movePointLeft(6).setScale(3, RoundingMode.HALF_UP).toPlainString());
        }
        long millis = (Math.abs(micros) + 500) / MILLISECOND;
        if (millis == 0) {
            // BigDecimal's zero has no sign: -0.0004 s prints as 0.000
            return s.append("0.000");
        }
        if (micros < 0) {
            s.append('-');
        }
        long fraction = millis % 1000;
        s.append(millis / 1000).append('.');
        if (fraction < 100) {
            s.append(fraction < 10 ? "00" : "0");
        }
        return s.append(fraction);
    }
}
