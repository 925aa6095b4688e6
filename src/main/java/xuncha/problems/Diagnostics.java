package xuncha.problems;

import xuncha.facts.Location;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Collects every problem found in the input, so that the user sees all of them at once. */
public final class Diagnostics {
    /** How many problems are printed before the rest are only counted (cli.md). */
    public static final int SHOWN = 100;

    private final List<Diagnostic> all = new ArrayList<>();

    /** How much of a value a message quotes: a 10 MB id is shown by its first characters. */
    public static final int QUOTED = 80;
    /** The longest message: what is built around quoted values stays short too. */
    private static final int LONGEST = 600;


    /** The values a message shows: a long text is cut to its first characters. */
    private static Object[] shown(Object[] args) {
        Object[] shown = args.clone();
        for (int i = 0; i < shown.length; i++) {
            if (shown[i] instanceof String s && s.length() > 2 * QUOTED) {
                shown[i] = quote(s);
            }
        }
        return shown;
    }

    /** A problem said by key ({@link Messages}): shown in the user's language. Long texts among its values are cut. */
    public void say(Location at, String key, Object... args) {
        all.add(Diagnostic.of(at, key, shown(args)));
    }

    /** {@code value}, cut to {@value #QUOTED} characters with "…" when longer. */
    public static String quote(String value) {
        return cut(value, QUOTED);
    }

    private static String cut(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, end) + "…";
    }

    private final List<Rewrite> rewrites = new ArrayList<>();

    /** Notes a value accepted in a form that {@code xuncha fmt} would write canonically. */
    public void rewrite(Rewrite r) {
        rewrites.add(r);
    }

    /** The rewrites noted, in the order found. */
    public List<Rewrite> rewrites() {
        return List.copyOf(rewrites);
    }

    public void addAll(List<Diagnostic> more) {
        all.addAll(more);
    }

    public boolean any() {
        return !all.isEmpty();
    }

    public int count() {
        return all.size();
    }

    public List<Diagnostic> sorted() {
        return all.stream().sorted().distinct().toList();
    }

    /** Throws {@link InputException} with everything collected, if anything was. */
    public void throwIfAny() {
        if (any()) {
            throw new InputException(sorted());
        }
    }

    /** The report for standard error, in English. */
    public static String render(List<Diagnostic> problems) {
        return render(problems, "en");
    }

    /** The report for standard error in {@code lang}: the first {@value #SHOWN} problems, then the count. */
    public static String render(List<Diagnostic> problems, String lang) {
        StringBuilder out = new StringBuilder();
        problems.stream().limit(SHOWN).forEach(d -> out.append(d.render(lang)).append('\n'));
        if (problems.size() > SHOWN) {
            out.append(Messages.text(lang, "diagnostics.more", problems.size() - SHOWN)).append('\n');
        }
        out.append(Messages.text(lang, problems.size() == 1 ? "diagnostics.one" : "diagnostics.count",
                problems.size())).append('\n');
        return out.toString();
    }
}
