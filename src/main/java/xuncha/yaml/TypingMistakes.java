package xuncha.yaml;

import xuncha.facts.Location;
import xuncha.problems.Diagnostics;

import java.nio.CharBuffer;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The mistakes people make typing YAML by hand, found before the YAML parser sees the file and
 * said where they are, in plain words, with the fix: a full-width colon, comma or dash used as
 * syntax, no space after a colon, a tab or a full-width space in the indentation, a line indented
 * deeper than its siblings. The parser would report each later, elsewhere, in its own words.
 *
 * <p>It looks at plain lines of a block mapping only (not inside quotes, comments, or a {@code |}
 * or {@code >} text block), and at the keys of the facts format (ASCII names), so a valid file
 * gives nothing.
 *
 * <p>It runs over every line of every file before the parser does, so it reads the text in place
 * (no line or substring is copied unless a mistake is said) and matches its patterns by hand; the
 * regular expressions it was first written with are its test's oracle.
 */
final class TypingMistakes {
    private static final String DASHES = "－—–";

    private TypingMistakes() {
    }

    /** Reports each mistake of {@code text} to {@code problems}; true when there was one. */
    static boolean find(CharSequence text, String shown, Diagnostics problems) {
        char[] t;
        int start;
        int end;
        if (text instanceof CharBuffer b && b.hasArray()) {
            t = b.array();
            start = b.arrayOffset() + b.position();
            end = b.arrayOffset() + b.limit();
        } else {
            t = text.toString().toCharArray();
            start = 0;
            end = t.length;
        }
        return new TypingMistakes.Scan(t, start, end, shown, problems).run();
    }

    /** One pass over one file's text. */
    private static final class Scan {
        private final char[] t;
        private final int start;
        private final int end;
        private final String shown;
        private final Diagnostics problems;

        Scan(char[] t, int start, int end, String shown, Diagnostics problems) {
            this.t = t;
            this.start = start < end && t[start] == '\uFEFF' ? start + 1 : start;
            this.end = end;
            this.shown = shown;
            this.problems = problems;
        }

        boolean run() {
            int before = problems.count();
            Deque<Integer> levels = new ArrayDeque<>();
            int blockScalar = -1;
            Line previous = null;
            int n = 0;
            for (int lineStart = start; lineStart <= end; ) {
                int newline = lineStart;
                while (newline < end && t[newline] != '\n') {
                    newline++;
                }
                int next = newline + 1;
                n++;
                // The line without its line break, and without one carriage return before it.
                int lineEnd = newline > lineStart && t[newline - 1] == '\r' ? newline - 1 : newline;
                int indent = 0;
                while (lineStart + indent < lineEnd && t[lineStart + indent] == ' ') {
                    indent++;
                }
                int rest = lineStart + indent;
                lineStart = next;
                boolean blank = blank(rest, lineEnd);
                if (blockScalar >= 0) {
                    if (blank || indent > blockScalar) {
                        continue;
                    }
                    blockScalar = -1;
                }
                if (blank || t[rest] == '#' || startsWith(rest, lineEnd, "---") || startsWith(rest, lineEnd, "...")) {
                    continue;
                }
                char first = t[rest];
                if (first == '\t') {
                    problems.say(new Location(shown, n, indent + 1), "yaml.tab");
                    continue;
                }
                if (first == '\u3000' || first == '\u00A0') {
                    problems.say(new Location(shown, n, indent + 1), "yaml.full_width_indent");
                    continue;
                }
                if (DASHES.indexOf(first) >= 0 && lineEnd - rest > 1 && (t[rest + 1] == ' ' || t[rest + 1] == '\u3000')) {
                    problems.say(new Location(shown, n, indent + 1), "yaml.full_width_dash", String.valueOf(first));
                    continue;
                }
                // "- key: value": the item's mapping starts after the dash.
                int column = indent;
                int content = rest;
                boolean dash = lineEnd - rest >= 2 && t[rest] == '-' && t[rest + 1] == ' ';
                if (dash) {
                    column += 2;
                    content += 2;
                    while (content < lineEnd && t[content] == ' ') {
                        content++;
                        column++;
                    }
                }
                int name = nameEnd(content, lineEnd);
                if (name > content) {
                    int after = name;
                    while (after < lineEnd && (t[after] == ' ' || t[after] == '\u3000')) {
                        after++;
                    }
                    if (after < lineEnd && t[after] == '：') {
                        problems.say(new Location(shown, n, column + after - content + 1), "yaml.full_width_colon",
                                text(content, name));
                        continue;
                    }
                    if (name + 1 < lineEnd && t[name] == ':' && !spaceOrAny(t[name + 1], ":/#")) {
                        problems.say(new Location(shown, n, column + name - content + 1), "yaml.no_space",
                                text(content, name), text(content, name) + ": " + text(name + 1, lineEnd).strip());
                        continue;
                    }
                }
                flow(content, lineEnd, n, column);
                int keyEnd = keyEnd(content, name, lineEnd);
                boolean isKey = keyEnd > 0;
                if (isKey && previous != null && previous.key() && !previous.opens() && column > previous.column()
                        && indent > previous.indent()) {
                    problems.say(new Location(shown, n, indent + 1), "yaml.deeper", text(content, name),
                            previous.name(), previous.column() + 1);
                }
                if (isKey && !dash && previous != null && column < previous.column() && !levels.contains(column)) {
                    problems.say(new Location(shown, n, indent + 1), "yaml.misaligned", text(content, name), column + 1);
                }
                // The value after the key, stripped of white space at both ends.
                int valueFrom = isKey ? keyEnd : lineEnd;
                int valueTo = lineEnd;
                while (valueFrom < valueTo && Character.isWhitespace(t[valueFrom])) {
                    valueFrom++;
                }
                while (valueTo > valueFrom && Character.isWhitespace(t[valueTo - 1])) {
                    valueTo--;
                }
                if (isKey && blockIndicator(valueFrom, valueTo)) {
                    blockScalar = indent;
                }
                // The columns lines align on, outermost last: a dash's, and the content's after it.
                int anchor = dash ? indent : column;
                while (!levels.isEmpty() && levels.peek() > anchor) {
                    levels.pop();
                }
                if (levels.isEmpty() || levels.peek() < anchor) {
                    levels.push(anchor);
                }
                if (dash && levels.peek() < column) {
                    levels.push(column);
                }
                previous = new Line(indent, column, isKey, isKey ? text(content, name) : "",
                        isKey && valueFrom == valueTo || lineEnd - rest == 1 && t[rest] == '-');
            }
            return problems.count() > before;
        }

        private String text(int from, int to) {
            return new String(t, from, to - from);
        }

        /** Blank as {@link String#isBlank} says: nothing, or white space only. */
        private boolean blank(int from, int to) {
            for (int i = from; i < to; i++) {
                if (!Character.isWhitespace(t[i])) {
                    return false;
                }
            }
            return true;
        }

        private boolean startsWith(int from, int to, String prefix) {
            if (to - from < prefix.length()) {
                return false;
            }
            for (int i = 0; i < prefix.length(); i++) {
                if (t[from + i] != prefix.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        /** Where a name {@code [A-Za-z_][A-Za-z0-9_]*} that starts at {@code from} ends; {@code from} when none starts there. */
        private int nameEnd(int from, int to) {
            if (from >= to || !(letter(t[from]) || t[from] == '_')) {
                return from;
            }
            int i = from + 1;
            while (i < to && (letter(t[i]) || t[i] == '_' || t[i] >= '0' && t[i] <= '9')) {
                i++;
            }
            return i;
        }

        /**
         * Where a key {@code name[ ]*:} followed by white space or the end ends, the name ending at
         * {@code name}: the index after the colon and the white space's first character; 0 when the
         * line is no key.
         */
        private int keyEnd(int content, int name, int to) {
            if (name == content) {
                return 0;
            }
            int i = name;
            while (i < to && t[i] == ' ') {
                i++;
            }
            if (i >= to || t[i] != ':') {
                return 0;
            }
            if (i + 1 == to) {
                return i + 1;
            }
            if (spaceOrAny(t[i + 1], "")) {
                return i + 2;
            }
            // As a pattern's $ does: the end, or before a line terminator that ends the text.
            return i + 2 == to && "\u0085\u2028\u2029".indexOf(t[i + 1]) >= 0 ? i + 1 : 0;
        }

        /** {@code |} or {@code >}, with a chomping sign and an indentation digit: a text block follows. */
        private boolean blockIndicator(int from, int to) {
            if (from >= to || t[from] != '|' && t[from] != '>') {
                return false;
            }
            int i = from + 1;
            if (i < to && (t[i] == '+' || t[i] == '-')) {
                i++;
            }
            if (i < to && t[i] >= '0' && t[i] <= '9') {
                i++;
            }
            return i == to;
        }

        /**
         * Full-width commas, and keys with a full-width colon or none of a space, inside {@code [ … ]}
         * and {@code { … }}: only there and outside quotes, where a plain text value cannot stand.
         */
        private void flow(int content, int to, int line, int column) {
            boolean bracket = false;
            for (int i = content; i < to && !bracket; i++) {
                bracket = t[i] == '[' || t[i] == '{';
            }
            // Nothing is reported outside brackets: a line without one is passed over at once.
            if (!bracket) {
                return;
            }
            int depth = 0;
            char quote = 0;
            for (int i = content; i < to; i++) {
                char c = t[i];
                if (quote != 0) {
                    if (c == quote) {
                        quote = 0;
                    }
                    continue;
                }
                if (c == '"' || c == '\'') {
                    quote = c;
                } else if (c == '#' && (i == content || t[i - 1] == ' ')) {
                    return;
                } else if (c == '[' || c == '{') {
                    depth++;
                } else if (c == ']' || c == '}') {
                    depth = Math.max(0, depth - 1);
                } else if (depth > 0 && c == '，') {
                    problems.say(new Location(shown, line, column + i - content + 1), "yaml.full_width_comma");
                }
                if (depth > 0 && (c == '{' || c == ',')) {
                    int from = i + 1;
                    while (from < to && (t[from] == ' ' || t[from] == '\u3000')) {
                        from++;
                    }
                    int name = nameEnd(from, to);
                    if (name > from && name < to) {
                        char mark = t[name];
                        boolean fullWidth = mark == '：';
                        if (fullWidth || mark == ':' && name + 1 < to && !spaceOrAny(t[name + 1], "/:,}")) {
                            problems.say(new Location(shown, line, column + name - content + 1),
                                    fullWidth ? "yaml.full_width_colon" : "yaml.no_space_flow", text(from, name));
                        }
                    }
                }
            }
        }
    }

    private static boolean letter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /** Whether {@code c} is white space as a pattern's {@code \s} reads it, or one of {@code chars}. */
    private static boolean spaceOrAny(char c, String chars) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r' || chars.indexOf(c) >= 0;
    }

    /** A line read: its indentation, where its content starts, and whether it is a key that opens a block. */
    private record Line(int indent, int column, boolean key, String name, boolean opens) {
    }
}
