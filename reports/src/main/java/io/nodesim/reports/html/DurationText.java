package io.nodesim.reports.html;

import io.nodesim.kernel.SimTime;
import java.math.BigDecimal;

/** Durations written the way a scenario file writes them: {@code 50s}, {@code 1m30s}, {@code 100ms}. */
final class DurationText {
    private DurationText() {
    }

    static String of(long micros) {
        if (micros == SimTime.NEVER) {
            return "never";
        }
        if (micros == 0) {
            return "0s";
        }
        if (micros < SimTime.SECOND) {
            return micros % SimTime.MILLISECOND == 0 ? micros / SimTime.MILLISECOND + "ms" : micros + "µs";
        }
        StringBuilder sb = new StringBuilder();
        long h = micros / SimTime.HOUR;
        long m = micros % SimTime.HOUR / SimTime.MINUTE;
        long rest = micros % SimTime.MINUTE;
        if (h > 0) {
            sb.append(h).append('h');
        }
        if (m > 0) {
            sb.append(m).append('m');
        }
        if (rest > 0) {
            sb.append(BigDecimal.valueOf(rest).movePointLeft(6).stripTrailingZeros().toPlainString()).append('s');
        }
        return sb.toString();
    }
}
