package xuncha.load;

import xuncha.facts.Location;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Collects every problem found in the input, so that the user sees all of them at once. */
public final class Diagnostics {
    /** How many problems are printed before the rest are only counted (cli.md). */
    public static final int SHOWN = 100;

    private final List<Diagnostic> all = new ArrayList<>();

    public void error(Location at, String format, Object... args) {
        all.add(new Diagnostic(at, String.format(Locale.ROOT, format, args)));
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

    /** The report for standard error: the first {@value #SHOWN} problems, then the count. */
    public static String render(List<Diagnostic> problems) {
        StringBuilder out = new StringBuilder();
        problems.stream().limit(SHOWN).forEach(d -> out.append(d.render()).append('\n'));
        if (problems.size() > SHOWN) {
            out.append(String.format(Locale.ROOT, "... and %d more%n", problems.size() - SHOWN));
        }
        out.append(problems.size() == 1 ? "1 error" : problems.size() + " errors").append('\n');
        return out.toString();
    }
}
