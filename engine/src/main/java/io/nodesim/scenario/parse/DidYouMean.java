package io.nodesim.scenario.parse;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean" suggestions by Levenshtein distance, case-insensitive. */
public final class DidYouMean {
    private DidYouMean() {
    }

    /**
     * The closest candidate: a truncated name ({@code node-monitor-grace} for
     * {@code node-monitor-grace-period}) gives the shortest candidate it begins; otherwise the
     * nearest by edit distance, if at most a third of the word's length (and at least 2) edits away.
     */
    public static String closest(String word, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String w = word.toLowerCase(Locale.ROOT);
        if (w.length() >= 4) {
            for (String c : candidates) {
                if (c.toLowerCase(Locale.ROOT).startsWith(w) && (best == null || c.length() < best.length())) {
                    best = c;
                }
            }
            if (best != null) {
                return best;
            }
        }
        for (String c : candidates) {
            int d = distance(w, c.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        int limit = Math.max(2, word.length() / 3);
        return bestDistance <= limit ? best : null;
    }

    /** " (did you mean X?)" or "". */
    public static String hint(String word, Collection<String> candidates) {
        String c = closest(word, candidates);
        return c == null ? "" : "; did you mean \"" + c + "\"?";
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
