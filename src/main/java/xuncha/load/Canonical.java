package xuncha.load;

import xuncha.problems.Rewrite;

import java.util.Comparator;
import java.util.List;

/** A facts file's text with the {@link Rewrite}s applied: everything else (comments, layout, order) as written. */
public final class Canonical {
    private Canonical() {
    }

    /**
     * {@code text} (as decoded, a byte-order mark included) with each rewrite's span replaced by its
     * canonical value. Spans are code point offsets in the text as parsed, i.e. after the mark.
     */
    public static String apply(String text, List<Rewrite> rewrites) {
        int skip = text.startsWith("\uFEFF") ? 1 : 0;
        boolean simple = text.length() == text.codePointCount(0, text.length());
        StringBuilder out = new StringBuilder(text);
        List<Rewrite> backwards = rewrites.stream().sorted(Comparator.comparingInt(Rewrite::from).reversed()).toList();
        int lastStart = Integer.MAX_VALUE;
        for (Rewrite r : backwards) {
            int from = skip + (simple ? r.from() : text.offsetByCodePoints(skip, r.from()) - skip);
            int to = skip + (simple ? r.to() : text.offsetByCodePoints(skip, r.to()) - skip);
            if (to > lastStart || from > to || to > text.length()) {
                continue; // overlapping spans cannot come from one tree; never write over what another rewrite wrote
            }
            out.replace(from, to, r.canonical());
            lastStart = from;
        }
        return out.toString();
    }
}
