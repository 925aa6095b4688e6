package xuncha.problems;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean" for misspelled field names, enum values and ids. */
public final class Suggest {
    /** Nothing this long is a misspelling of a name or an id: no suggestion, and no quadratic work. */
    private static final int MAX_TYPED = 100;

    private Suggest() {
    }

    /** The candidate closest to {@code typed}, when close enough to be what was meant. */
    public static Optional<String> closest(String typed, Collection<String> candidates) {
        return closest(typed, candidates, (a, b) -> 0);
    }

    /** The closest candidate; among equally close ones the first by {@code preferred}, then by name. */
    public static Optional<String> closest(String typed, Collection<String> candidates, Comparator<String> preferred) {
        if (typed.length() > MAX_TYPED) {
            return Optional.empty();
        }
        String t = typed.toLowerCase(Locale.ROOT);
        return candidates.stream()
                .filter(c -> Math.abs(t.length() - c.length()) <= allowed(t, c))
                .filter(c -> distance(t, c.toLowerCase(Locale.ROOT)) <= allowed(t, c))
                .min(Comparator.<String>comparingInt(c -> distance(t, c.toLowerCase(Locale.ROOT)))
                        .thenComparing(preferred).thenComparing(Comparator.naturalOrder()));
    }

    /** {@code "; did you mean 'x'?"}, or nothing. */
    /** {@link #hint} said in the user's language: "; did you mean 'x'?", or nothing. */
    public static Messages.Term term(String typed, Collection<String> candidates) {
        return closest(typed, candidates).map(c -> new Messages.Term("suggest.did_you_mean", c))
                .orElse(new Messages.Term("suggest.none"));
    }

    public static String hint(String typed, Collection<String> candidates) {
        return closest(typed, candidates).map(c -> "; did you mean '" + c + "'?").orElse("");
    }

    private static int allowed(String typed, String candidate) {
        int len = Math.max(typed.length(), candidate.length());
        return len <= 3 ? 1 : len <= 6 ? 2 : Math.max(3, len / 4);
    }

    /** Optimal string alignment distance: edits, with a swap of neighbours counting as one. */
    public static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
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
