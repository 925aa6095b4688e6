package xuncha.yaml;

import xuncha.facts.Location;
import xuncha.problems.Diagnostics;

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
 */
final class TypingMistakes {
    private static final String DASHES = "－—–";

    private TypingMistakes() {
    }

    /** Reports each mistake of {@code text} to {@code problems}; true when there was one. */
    static boolean find(CharSequence text, String shown, Diagnostics problems) {
        int before = problems.count();
        String whole = text.toString();
        String[] lines = (whole.startsWith("\uFEFF") ? whole.substring(1) : whole).split("\n", -1);
        Deque<Integer> levels = new ArrayDeque<>();
        int blockScalar = -1;
        Line previous = null;
        for (int i = 0; i < lines.length; i++) {
            String raw = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            int n = i + 1;
            int indent = 0;
            while (indent < raw.length() && raw.charAt(indent) == ' ') {
                indent++;
            }
            String rest = raw.substring(indent);
            if (blockScalar >= 0) {
                if (rest.isBlank() || indent > blockScalar) {
                    continue;
                }
                blockScalar = -1;
            }
            if (rest.isBlank() || rest.startsWith("#") || rest.startsWith("---") || rest.startsWith("...")) {
                continue;
            }
            char first = rest.charAt(0);
            if (first == '\t') {
                problems.say(new Location(shown, n, indent + 1), "yaml.tab");
                continue;
            }
            if (first == '\u3000' || first == '\u00A0') {
                problems.say(new Location(shown, n, indent + 1), "yaml.full_width_indent");
                continue;
            }
            if (DASHES.indexOf(first) >= 0 && rest.length() > 1 && (rest.charAt(1) == ' ' || rest.charAt(1) == '\u3000')) {
                problems.say(new Location(shown, n, indent + 1), "yaml.full_width_dash", String.valueOf(first));
                continue;
            }
            // "- key: value": the item's mapping starts after the dash.
            int column = indent;
            String content = rest;
            boolean dash = content.startsWith("- ");
            if (dash) {
                column += 2;
                content = content.substring(2);
                while (content.startsWith(" ")) {
                    content = content.substring(1);
                    column++;
                }
            }
            // The patterns above, matched by hand: this runs over every line of every file.
            int name = nameEnd(content, 0);
            if (name > 0) {
                int after = name;
                while (after < content.length() && (content.charAt(after) == ' ' || content.charAt(after) == '\u3000')) {
                    after++;
                }
                if (after < content.length() && content.charAt(after) == '：') {
                    problems.say(new Location(shown, n, column + after + 1), "yaml.full_width_colon",
                            content.substring(0, name));
                    continue;
                }
                if (name + 1 < content.length() && content.charAt(name) == ':' && !spaceOrAny(content.charAt(name + 1),
                        ":/#")) {
                    problems.say(new Location(shown, n, column + name + 1), "yaml.no_space", content.substring(0, name),
                            content.substring(0, name) + ": " + content.substring(name + 1).strip());
                    continue;
                }
            }
            flow(content, shown, n, column, problems);
            int keyEnd = keyEnd(content, name);
            boolean isKey = keyEnd > 0;
            String keyName = isKey ? content.substring(0, name) : "";
            if (isKey && previous != null && previous.key() && !previous.opens() && column > previous.column()
                    && indent > previous.indent()) {
                problems.say(new Location(shown, n, indent + 1), "yaml.deeper", keyName, previous.name(),
                        previous.column() + 1);
            }
            if (isKey && !dash && previous != null && column < previous.column() && !levels.contains(column)) {
                problems.say(new Location(shown, n, indent + 1), "yaml.misaligned", keyName, column + 1);
            }
            String value = isKey ? content.substring(keyEnd).strip() : "";
            if (isKey && blockIndicator(value)) {
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
            previous = new Line(indent, column, isKey, keyName, isKey && value.isEmpty()
                    || rest.equals("-"));
        }
        return problems.count() > before;
    }

    /** Where a name {@code [A-Za-z_][A-Za-z0-9_]*} that starts at {@code from} ends; {@code from} when none starts there. */
    private static int nameEnd(String s, int from) {
        if (from >= s.length() || !(letter(s.charAt(from)) || s.charAt(from) == '_')) {
            return from;
        }
        int i = from + 1;
        while (i < s.length() && (letter(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) >= '0' && s.charAt(i) <= '9')) {
            i++;
        }
        return i;
    }

    private static int nameEnd(char[] s, int from) {
        if (from >= s.length || !(letter(s[from]) || s[from] == '_')) {
            return from;
        }
        int i = from + 1;
        while (i < s.length && (letter(s[i]) || s[i] == '_' || s[i] >= '0' && s[i] <= '9')) {
            i++;
        }
        return i;
    }

    private static boolean letter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /** Whether {@code c} is white space as a pattern's {@code \\s} reads it, or one of {@code chars}. */
    private static boolean spaceOrAny(char c, String chars) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r' || chars.indexOf(c) >= 0;
    }

    /**
     * Where a key {@code name[ ]*:} followed by white space or the end ends, the name ending at
     * {@code name}: the index after the colon and the white space's first character; 0 when the line is no key.
     */
    private static int keyEnd(String content, int name) {
        if (name == 0) {
            return 0;
        }
        int i = name;
        while (i < content.length() && content.charAt(i) == ' ') {
            i++;
        }
        if (i >= content.length() || content.charAt(i) != ':') {
            return 0;
        }
        if (i + 1 == content.length()) {
            return i + 1;
        }
        if (spaceOrAny(content.charAt(i + 1), "")) {
            return i + 2;
        }
        // As a pattern's $ does: the end, or before a line terminator that ends the text.
        return i + 2 == content.length() && "\u0085\u2028\u2029".indexOf(content.charAt(i + 1)) >= 0 ? i + 1 : 0;
    }

    /** {@code |} or {@code >}, with a chomping sign and an indentation digit: a text block follows. */
    private static boolean blockIndicator(String value) {
        if (value.isEmpty() || value.charAt(0) != '|' && value.charAt(0) != '>') {
            return false;
        }
        int i = 1;
        if (i < value.length() && (value.charAt(i) == '+' || value.charAt(i) == '-')) {
            i++;
        }
        if (i < value.length() && value.charAt(i) >= '0' && value.charAt(i) <= '9') {
            i++;
        }
        return i == value.length();
    }

    /** A line read: its indentation, where its content starts, and whether it is a key that opens a block. */
    private record Line(int indent, int column, boolean key, String name, boolean opens) {
    }

    /**
     * Full-width commas, and keys with a full-width colon or none of a space, inside {@code [ … ]}
     * and {@code { … }}: only there and outside quotes, where a plain text value cannot stand.
     */
    private static void flow(String content, String shown, int line, int column, Diagnostics problems) {
        // Nothing is reported outside brackets: a line without one is passed over at once.
        if (content.indexOf('[') < 0 && content.indexOf('{') < 0) {
            return;
        }
        char[] text = content.toCharArray();
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < text.length; i++) {
            char c = text[i];
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '#' && (i == 0 || text[i - 1] == ' ')) {
                return;
            } else if (c == '[' || c == '{') {
                depth++;
            } else if (c == ']' || c == '}') {
                depth = Math.max(0, depth - 1);
            } else if (depth > 0 && c == '，') {
                problems.say(new Location(shown, line, column + i + 1), "yaml.full_width_comma");
            }
            if (depth > 0 && (c == '{' || c == ',')) {
                int from = i + 1;
                while (from < text.length && (text[from] == ' ' || text[from] == '\u3000')) {
                    from++;
                }
                int name = nameEnd(text, from);
                if (name > from && name < text.length) {
                    char mark = text[name];
                    boolean fullWidth = mark == '：';
                    if (fullWidth || mark == ':' && name + 1 < text.length && !spaceOrAny(text[name + 1], "/:,}")) {
                        problems.say(new Location(shown, line, column + name + 1),
                                fullWidth ? "yaml.full_width_colon" : "yaml.no_space_flow", content.substring(from, name));
                    }
                }
            }
        }
    }
}
