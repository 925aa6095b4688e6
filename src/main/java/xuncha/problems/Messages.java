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
        return ResourceBundle.getBundle(BUNDLE, "zh".equals(lang) ? Locale.CHINESE : Locale.ROOT, NO_FALLBACK);
    }

    /**
     * A piece of a message that is itself said in the user's language (a record kind, "did you
     * mean", what a value was found to be): a value of a message that is rendered, in the same
     * language, when the message is.
     */
    public record Term(String key, Object... args) {
        public String in(String lang) {
            return text(lang, key, args);
        }

        @Override
        public String toString() {
            return in("en");
        }
    }

    /** The text of {@code key} in {@code lang}, its values filled in (terms among them in the same language). */
    public static String text(String lang, String key, Object... args) {
        String pattern;
        try {
            pattern = bundle(lang).getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("no message '" + key + "' in " + lang, e);
        }
        Object[] values = args.clone();
        for (int i = 0; i < values.length; i++) {
            if (values[i] instanceof Term t) {
                values[i] = t.in(lang);
            }
        }
        return String.format(Locale.ROOT, pattern, values);
    }
}
