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
        for (int i = 0; i < count; i++) {
            long s = MAX_NODE_SCORE * scores[i] / max;
            scores[i] = reverse ? MAX_NODE_SCORE - s : s;
        }
    }
}
