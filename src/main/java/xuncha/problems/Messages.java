package xuncha.problems;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Every word a user reads, by key, in Chinese ({@code xuncha/messages_zh.properties}) and English
 * ({@code xuncha/messages.properties}). A text is a {@link String#format} pattern; Chinese may
 * reorder its values ({@code %2$s}). {@code MessagesTest} fails when a key lacks a language or the
 * two languages take different values.
 */
public final class Messages {
    /** The bundles' base name. */
    public static final String BUNDLE = "xuncha/messages";
    private static final ResourceBundle.Control NO_FALLBACK = ResourceBundle.Control.getNoFallbackControl(
            ResourceBundle.Control.FORMAT_PROPERTIES);

    private Messages() {
    }

    /** The bundle of a language: {@code zh} or {@code en}. */
    public static ResourceBundle bundle(String lang) {
        return bundle(BUNDLE, lang);
    }

    /** The help of the commands in a language (picocli reads it): {@code xuncha/help}. */
    public static ResourceBundle help(String lang) {
        return bundle("xuncha/help", lang);
    }

    private static ResourceBundle bundle(String base, String lang) {
        return ResourceBundle.getBundle(base, "zh".equals(lang) ? Locale.CHINESE : Locale.ROOT, NO_FALLBACK);
    }

    /**
     * A piece of a message that is itself said in the user's language (a record kind, "did you
     * mean", what a value was found to be): a value of a message that is rendered, in the same
     * language, when the message is.
     */
    public record Term(String key, Object... args) implements Piece {
        @Override
        public String in(String lang) {
            return text(lang, key, args);
        }

        @Override
        public String toString() {
            return in("en");
        }
    }

    /** An enum value of the facts, as the user's language names it: {@code 乡镇党委} / {@code township_party_committee}. */
    public record Label(xuncha.facts.Labelled value) implements Piece {
        @Override
        public String in(String lang) {
            return "zh".equals(lang) ? value.zh() : value.yaml();
        }

        @Override
        public String toString() {
            return in("en");
        }
    }

    /** A value of a message that is said in the user's language when the message is. */
    public interface Piece {
        String in(String lang);
    }

    /** Values listed with the language's word between them: {@code a or b} / {@code a或b} ({@code list.or}). */
    public record Joined(String separatorKey, java.util.List<?> items) implements Piece {
        @Override
        public String in(String lang) {
            String separator = text(lang, separatorKey);
            return items.stream().map(i -> i instanceof Piece p ? p.in(lang) : String.valueOf(i))
                    .collect(java.util.stream.Collectors.joining(separator));
        }

        @Override
        public String toString() {
            return in("en");
        }
    }

    /** {@link #text} for a renderer that knows only whether it writes Chinese. */
    public static String word(boolean zh, String key, Object... args) {
        return text(zh ? "zh" : "en", key, args);
    }

    /** The text of {@code key} in {@code lang}, its values filled in (pieces among them in the same language). */
    public static String text(String lang, String key, Object... args) {
        String pattern;
        try {
            pattern = ("zh".equals(lang) ? ZH : EN).getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("no message '" + key + "' in " + lang, e);
        }
        Object[] values = args.clone();
        for (int i = 0; i < values.length; i++) {
            if (values[i] instanceof Piece p) {
                values[i] = p.in(lang);
            }
        }
        String plain = plainFormat(pattern, values);
        return plain != null ? plain : String.format(Locale.ROOT, pattern, values);
    }

    /** The two bundles, looked up once: every finding's message and every name in a report asks for one. */
    private static final ResourceBundle ZH = bundle("zh");
    private static final ResourceBundle EN = bundle("en");

    /**
     * What {@link String#format} gives for a pattern whose only conversions are {@code %s} (in order)
     * and {@code %%}, and values none of which formats itself ({@link java.util.Formattable}); null for
     * any other pattern. Most messages are such, and the formatter parses its pattern with a regular
     * expression each time (issue 14: reports name tens of thousands of units).
     */
    static String plainFormat(String pattern, Object[] values) {
        StringBuilder out = new StringBuilder(pattern.length() + 16 * values.length);
        int next = 0;
        int n = pattern.length();
        for (int i = 0; i < n; i++) {
            char c = pattern.charAt(i);
            if (c != '%') {
                out.append(c);
                continue;
            }
            if (i + 1 >= n) {
                return null;
            }
            char d = pattern.charAt(++i);
            if (d == '%') {
                out.append('%');
            } else if (d == 's' && next < values.length && !(values[next] instanceof java.util.Formattable)) {
                out.append(values[next++]);
            } else {
                return null;
            }
        }
        return out.toString();
    }
}
