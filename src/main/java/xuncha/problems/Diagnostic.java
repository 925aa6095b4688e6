package xuncha.problems;

import xuncha.facts.Location;

/** One problem in the user's input, located: {@code file:line:col: error: message}. */
public record Diagnostic(Location at, String message) implements Comparable<Diagnostic> {

    public String render() {
        return at + ": error: " + message;
    }

    @Override
    public int compareTo(Diagnostic o) {
        int c = at.file().compareTo(o.at.file());
        if (c == 0) c = Integer.compare(at.line(), o.at.line());
        if (c == 0) c = Integer.compare(at.column(), o.at.column());
        return c != 0 ? c : message.compareTo(o.message);
    }
}
