package io.nodesim.experiment;

import io.nodesim.scenario.parse.Durations;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * One dimension of a Latin hypercube sample: {@code --lhs PATH=LOW..HIGH}.
 *
 * <p>The bounds say the kind of value drawn: two durations ({@code 20s..2m}) give durations, written
 * in seconds ({@code 37.482s}), rounded to the millisecond when the range is at least a second wide,
 * else to the microsecond; two integers ({@code 10..50}) give integers; other numbers
 * ({@code 0.01..0.5}) give numbers rounded to 6 significant digits. Drawn values are written into the
 * override and into sweep.csv in that form, so a row can be re-run with {@code --set}.
 *
 * @param path a setting's path below {@code spec}
 * @param low the lower bound as written
 * @param high the upper bound as written, not below {@code low}
 */
public record LhsRange(String path, String low, String high) {
    private static final MathContext SIGNIFICANT = new MathContext(6, RoundingMode.HALF_UP);

    private enum Kind { DURATION, INTEGER, REAL }

    public LhsRange {
        path = SweepSpec.checkPath(path);
        low = Objects.requireNonNull(low, "low").trim();
        high = Objects.requireNonNull(high, "high").trim();
        Kind kind = kind(path, low, high);
        if (bound(low, kind) > bound(high, kind)) {
            throw new IllegalArgumentException("--lhs " + path + ": the range " + low + ".." + high + " is empty");
        }
    }

    /** Parses {@code PATH=LOW..HIGH}. */
    public static LhsRange parse(String option) {
        Objects.requireNonNull(option, "option");
        int eq = option.indexOf('=');
        int dots = option.indexOf("..", eq + 1);
        if (eq < 0 || dots < 0) {
            throw new IllegalArgumentException("--lhs takes PATH=LOW..HIGH, got \"" + option + "\"");
        }
        return new LhsRange(option.substring(0, eq).trim(), option.substring(eq + 1, dots),
                option.substring(dots + 2));
    }

    /** The value at {@code fraction} (in [0, 1]) of the way from low to high, formatted for its kind. */
    public String valueAt(double fraction) {
        Kind kind = kind(path, low, high);
        double lo = bound(low, kind);
        double hi = bound(high, kind);
        double x = lo + fraction * (hi - lo);
        switch (kind) {
            case DURATION:
                // whole milliseconds read better in sweep.csv; sub-second ranges keep their microseconds
                return Durations.formatSeconds(hi - lo >= 1_000_000 ? Math.round(x / 1000) * 1000 : Math.round(x));
            case INTEGER:
                return Long.toString(Math.round(x));
            default:
                return new BigDecimal(x).round(SIGNIFICANT).stripTrailingZeros().toPlainString();
        }
    }

    private static Kind kind(String path, String low, String high) {
        if (isNumber(low) && isNumber(high)) {
            return isInteger(low) && isInteger(high) ? Kind.INTEGER : Kind.REAL;
        }
        if (Durations.isDuration(low) && Durations.isDuration(high)) {
            return Kind.DURATION;
        }
        throw new IllegalArgumentException("--lhs " + path
                + ": a range needs two numbers (0.01..0.5) or two durations (20s..2m), got " + low + ".." + high);
    }

    /** The bound as a number: microseconds for durations. */
    private static double bound(String text, Kind kind) {
        return kind == Kind.DURATION ? Durations.parse(text) : Double.parseDouble(text);
    }

    private static boolean isNumber(String s) {
        return s.matches("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
    }

    private static boolean isInteger(String s) {
        return s.matches("[-+]?\\d+");
    }
}
