package xuncha.yaml;

import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

import java.util.HashMap;
import java.util.Map;

/**
 * Resolves plain scalars as SnakeYAML's {@link Resolver} does, faster: the resolver tries regular
 * expressions on every scalar whose first character some implicit type starts with, which a facts
 * file's keys, numbers and dates all do. Issue 14: 11% of a province's check went there.
 */
final class PlainScalars {
    private final Resolver resolver;

    PlainScalars(Resolver resolver) {
        this.resolver = resolver;
    }

    /** The first characters for which SnakeYAML's resolver has implicit types, read off the resolver itself. */
    private static final String RESOLVABLE = new Resolver() {
        String firsts() {
            StringBuilder s = new StringBuilder();
            yamlImplicitResolvers.keySet().stream().filter(java.util.Objects::nonNull).forEach(s::append);
            return s.toString();
        }
    }.firsts();
    /** {@link #RESOLVABLE} as a table of the ASCII characters; a character past it is looked up in the text. */
    private static final boolean[] RESOLVABLE_ASCII = new boolean[128];

    static {
        RESOLVABLE.chars().filter(c -> c < 128).forEach(c -> RESOLVABLE_ASCII[c] = true);
    }

    private static boolean resolvable(char c) {
        return c < 128 ? RESOLVABLE_ASCII[c] : RESOLVABLE.indexOf(c) >= 0;
    }

    /** Short texts resolved already: keys, enum values, true and false repeat on every record. */
    private final Map<String, Tag> resolved = new HashMap<>();
    private static final int CACHED_LENGTH = 32;
    /** The length limit SnakeYAML gives the implicit types it tries whatever the first character. */
    private static final int CATCH_ALL_LIMIT = 10;
    private static final int CACHED_TEXTS = 4096;

    /**
     * The tag SnakeYAML's {@link Resolver} gives a plain scalar, without its regular expressions for
     * the forms that fill a facts file: a text starting with a letter no implicit type starts with,
     * a whole number, a decimal, a date; short texts are remembered. Anything else is asked of the
     * resolver itself, so the result is always the same as its own.
     */
    Tag resolve(String value, boolean implicit) {
        if (!implicit || value.isEmpty()) {
            return resolver.resolve(NodeId.scalar, value, implicit);
        }
        // A first character no type is keyed on leaves the resolver's catch-all types, which are
        // tried on texts of at most ten characters (a null written " "): a longer text is a text.
        if (!resolvable(value.charAt(0)) && value.length() > CATCH_ALL_LIMIT) {
            return Tag.STR;
        }
        Tag fast = plainNumberOrDate(value);
        if (fast != null) {
            return fast;
        }
        if (value.length() > CACHED_LENGTH) {
            return resolver.resolve(NodeId.scalar, value, true);
        }
        Tag tag = resolved.get(value);
        if (tag == null) {
            tag = resolver.resolve(NodeId.scalar, value, true);
            if (resolved.size() < CACHED_TEXTS) {
                resolved.put(value, tag);
            }
        }
        return tag;
    }

    /**
     * Whether the resolver tags {@code value} as null: only a plain (implicit) scalar that is empty
     * or one of {@code ~ null Null NULL} (its null expression also matches a single space, which a
     * plain scalar cannot be, but is kept here to say the same). No other implicit type matches these.
     */
    static boolean isNull(String value, boolean implicit) {
        if (!implicit) {
            return false;
        }
        switch (value.length()) {
            case 0:
                return true;
            case 1:
                return value.charAt(0) == '~' || value.charAt(0) == ' ';
            case 4:
                return value.equals("null") || value.equals("Null") || value.equals("NULL");
            default:
                return false;
        }
    }

    /**
     * {@code 0} or {@code [1-9][0-9]*}: an int; {@code [0-9]+.[0-9]+}: a float; {@code dddd-dd-dd}: a
     * timestamp (the resolver's first alternative for each); null for anything else. Within the
     * resolver's length limits (1,024 characters for numbers).
     */
    static Tag plainNumberOrDate(String v) {
        int n = v.length();
        if (n == 10 && v.charAt(4) == '-' && v.charAt(7) == '-' && digits(v, 0, 4) && digits(v, 5, 7) && digits(v, 8, 10)) {
            return Tag.TIMESTAMP;
        }
        if (n > 1024) {
            return null;
        }
        int dot = v.indexOf('.');
        if (dot < 0) {
            return digits(v, 0, n) && (n == 1 || v.charAt(0) != '0') ? Tag.INT : null;
        }
        return dot > 0 && dot < n - 1 && digits(v, 0, dot) && digits(v, dot + 1, n) ? Tag.FLOAT : null;
    }

    private static boolean digits(String v, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return to > from;
    }

}
