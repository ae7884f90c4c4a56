package io.nodesim.scenario.parse;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Go {@code time.ParseDuration} / metav1.Duration syntax ({@code 40s}, {@code 1m30s}, {@code 1.5s},
 * {@code 100ms}, {@code 2h}), converted to microseconds, plus nodesim's own {@code d} (24 h, not Go's)
 * so that a year-long availability run or a node MTBF reads {@code 365d}, {@code exponential(30d)}. As in Go, a bare number other than
 * {@code 0} has no unit and is rejected; unlike Go, negative durations are rejected too, because
 * no setting of the scenario may be negative. The one reader of durations: scenario fields,
 * {@code --set}, distributions and the {@code --lhs} ranges of a sweep.
 */
public final class Durations {
    /** What the messages say is allowed. */
    public static final String SYNTAX = "a duration such as 40s, 1m30s, 1.5s, 100ms or 2h (units ns, us, ms, s, m, h, d)";

    private static final Pattern ELEMENT = Pattern.compile("(\\d*\\.?\\d*)(ns|us|µs|μs|ms|s|m|h|d)");
    private static final Map<String, Long> NANOS = Map.of(
            "ns", 1L, "us", 1_000L, "µs", 1_000L, "μs", 1_000L, "ms", 1_000_000L,
            "s", 1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L, "d", 86_400_000_000_000L);
    private static final BigDecimal MAX_MICROS = BigDecimal.valueOf(Long.MAX_VALUE / 2);

    private Durations() {
    }

    /**
     * Parses a duration.
     *
     * @return microseconds, rounded half up from nanoseconds
     * @throws IllegalArgumentException with the reason, for the caller to place in a message
     */
    public static long parse(String text) {
        String t = text.trim();
        if (t.startsWith("-")) {
            throw new IllegalArgumentException("a duration must not be negative, got \"" + text + "\"");
        }
        if (t.startsWith("+")) {
            t = t.substring(1);
        }
        if (t.equals("0")) {
            return 0;
        }
        if (t.isEmpty()) {
            throw new IllegalArgumentException("expected " + SYNTAX + ", got an empty string");
        }
        Matcher m = ELEMENT.matcher(t);
        BigDecimal nanos = BigDecimal.ZERO;
        int pos = 0;
        while (pos < t.length()) {
            if (!m.find(pos) || m.start() != pos || m.group(1).isEmpty() || m.group(1).equals(".")) {
                throw new IllegalArgumentException("expected " + SYNTAX + ", got \"" + text + "\"");
            }
            nanos = nanos.add(new BigDecimal(m.group(1).endsWith(".") ? m.group(1) + "0" : m.group(1))
                    .multiply(BigDecimal.valueOf(NANOS.get(m.group(2)))));
            pos = m.end();
        }
        BigDecimal micros = nanos.movePointLeft(3).setScale(0, RoundingMode.HALF_UP);
        if (micros.compareTo(MAX_MICROS) > 0) {
            throw new IllegalArgumentException("duration \"" + text + "\" is too large");
        }
        return micros.longValueExact();
    }

    /** Whether {@link #parse} accepts {@code text}. */
    public static boolean isDuration(String text) {
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Seconds with the trailing zeros stripped ({@code 37.482s}, {@code 40s}): a Go duration that keeps microseconds. */
    public static String formatSeconds(long micros) {
        BigDecimal s = BigDecimal.valueOf(micros).movePointLeft(6).stripTrailingZeros();
        return (s.signum() == 0 ? "0" : s.toPlainString()) + "s";
    }

    /** Formats microseconds the way Go prints a duration: {@code 1m30s}, {@code 40s}, {@code 20ms}. */
    public static String format(long micros) {
        if (micros == 0) {
            return "0s";
        }
        if (micros < 1_000_000) {
            return micros % 1000 == 0 ? micros / 1000 + "ms" : BigDecimal.valueOf(micros, 3).stripTrailingZeros().toPlainString() + "ms";
        }
        StringBuilder b = new StringBuilder();
        long h = micros / 3_600_000_000L;
        long rest = micros % 3_600_000_000L;
        long m = rest / 60_000_000L;
        long us = rest % 60_000_000L;
        if (h > 0) {
            b.append(h).append('h');
        }
        if (h > 0 || m > 0) {
            b.append(m).append('m');
        }
        b.append(BigDecimal.valueOf(us, 6).stripTrailingZeros().toPlainString()).append('s');
        return b.toString();
    }
}
