package io.nodesim.scheduler.plugins;

/** pkg/scheduler/framework/plugins/helper/normalize_score.go {@code DefaultNormalizeScore}. */
final class Normalize {
    static final long MAX_NODE_SCORE = 100;

    private Normalize() {
    }

    static void defaultNormalize(long[] scores, int count, boolean reverse) {
        long max = 0;
        for (int i = 0; i < count; i++) {
            max = Math.max(max, scores[i]);
        }
        if (max == 0) {
            if (reverse) {
                for (int i = 0; i < count; i++) {
                    scores[i] = MAX_NODE_SCORE;
                }
            }
            return;
        }
        double reciprocal = reciprocal(max);
        for (int i = 0; i < count; i++) {
            long s = divide(MAX_NODE_SCORE * scores[i], max, reciprocal);
            scores[i] = reverse ? MAX_NODE_SCORE - s : s;
        }
    }

    /** Below this the quotient estimate of a dividend up to 2^40 is off by at most one. */
    private static final long ESTIMATE_LIMIT = 1L << 31;

    /** The reciprocal {@link #divide} multiplies by, or 0 when {@code divisor} is too large to estimate. */
    static double reciprocal(long divisor) {
        return divisor > 0 && divisor < ESTIMATE_LIMIT ? 1.0 / divisor : 0;
    }

    /**
     * {@code dividend / divisor} for {@code 0 <= dividend <= 200 * divisor}, exactly as Java divides, as
     * a multiply by the reciprocal corrected to the exact quotient: a 64-bit division costs tens of
     * cycles and NormalizeScore divides once per node.
     */
    static long divide(long dividend, long divisor, double reciprocal) {
        if (reciprocal == 0) {
            return dividend / divisor;
        }
        long q = (long) (dividend * reciprocal);
        if (q * divisor > dividend) {
            q--;
        } else if ((q + 1) * divisor <= dividend) {
            q++;
        }
        return q;
    }
}
