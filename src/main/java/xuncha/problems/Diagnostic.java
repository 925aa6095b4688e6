package xuncha.problems;

import xuncha.facts.Location;

import java.util.List;

/**
 * One problem in the user's input, located: {@code file:line:col: error: message}. A problem said
 * by key ({@link Messages}) is shown in the user's language; one said as text (the messages not yet
 * in the bundles) as written.
 *
 * @param message the text in English, which orders problems and names them in logs
 * @param key     the message's key, or null for a problem said as text
 * @param args    the values the keyed message shows
 */
public record Diagnostic(Location at, String message, String key, List<Object> args) implements Comparable<Diagnostic> {

    public Diagnostic(Location at, String message) {
        this(at, message, null, List.of());
    }

    public Diagnostic {
        args = args == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(args));
    }

    /** A problem said by key: its English text now, each language's when rendered. */
    public static Diagnostic of(Location at, String key, Object... args) {
        return new Diagnostic(at, Messages.text("en", key, args), key, java.util.Arrays.asList(args));
    }

    /** The message in {@code lang}. */
    public String message(String lang) {
        return key == null ? message : Messages.text(lang, key, args.toArray());
    }

    /** The line in English. */
    public String render() {
        return render("en");
    }

    /**
     * The line in {@code lang}: {@code file:line:col: error: …}. The marker {@code error:} stays as
     * cli.md writes it in every language, for the editors and CI servers that read such lines.
     */
    public String render(String lang) {
        return at + ": error: " + message(lang);
    }

    @Override
    public int compareTo(Diagnostic o) {
        int c = at.file().compareTo(o.at.file());
        if (c == 0) c = at.sheet().compareTo(o.at.sheet());
        if (c == 0) c = Integer.compare(at.line(), o.at.line());
        if (c == 0) c = Integer.compare(at.column(), o.at.column());
        return c != 0 ? c : message.compareTo(o.message);
    }
}
