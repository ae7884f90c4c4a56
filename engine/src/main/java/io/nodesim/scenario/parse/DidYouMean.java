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
     * nearest by edit distance, if at most a third of the word's length (and at least 1) edits away
     * and not a replacement of the whole word.
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
        int limit = Math.max(1, word.length() / 3);
        return bestDistance <= limit && bestDistance < word.length() ? best : null;
    }

    /** " (did you mean X?)" or "". */
    public static String hint(String word, Collection<String> candidates) {
        String c = closest(word, candidates);
        return c == null ? "" : "; did you mean \"" + c + "\"?";
    }

    /** Optimal string alignment distance: Levenshtein plus adjacent transpositions ("wbe" → "web" is 1). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
