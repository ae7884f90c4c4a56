package io.nodesim.experiment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Go duration strings ({@code 40s}, {@code 1m30s}, {@code 2.5s}, {@code 300ms}), the syntax of
 * {@code time.ParseDuration} that metav1.Duration and the scenario files use, for the bounds of a
 * Latin hypercube range and the values drawn in it. Only non-negative durations: no Kubernetes
 * timeout is negative.
 */
final class DurationText {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|μs|ms|s|m|h)");
    private static final Map<String, Long> NANOS = Map.of("ns", 1L, "us", 1_000L, "µs", 1_000L, "μs", 1_000L,
            "ms", 1_000_000L, "s", 1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L);

    private DurationText() {
    }

    /** Whether {@code text} is a Go duration with at least one unit (a bare number is not). */
    static boolean isDuration(String text) {
        return text.equals("0") || (!text.isEmpty() && PART.matcher(text).replaceAll("").isEmpty());
    }

    /** Microseconds, rounded to the nearest one. */
    static long parseMicros(String text) {
        if (!isDuration(text)) {
            throw new IllegalArgumentException("not a duration like 40s or 1m30s: \"" + text + "\"");
        }
        BigDecimal nanos = BigDecimal.ZERO;
        Matcher m = PART.matcher(text);
        while (m.find()) {
            nanos = nanos.add(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(NANOS.get(m.group(2)))));
        }
        return nanos.movePointLeft(3).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    /** Seconds with the trailing zeros stripped, e.g. {@code 37.482s}, {@code 40s}: a valid Go duration. */
    static String formatSeconds(long micros) {
        BigDecimal s = BigDecimal.valueOf(micros).movePointLeft(6).stripTrailingZeros();
        return (s.signum() == 0 ? "0" : s.toPlainString()) + "s";
    }
}
