package xuncha.yaml;

import xuncha.facts.Location;
import xuncha.problems.Diagnostics;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The oracle of {@link TypingMistakesOracleTest}: {@link TypingMistakes} as it was written with
 * regular expressions, before its patterns were matched by hand for speed (issue 14). Kept as it
 * was; the hand-written matching must find exactly what this finds.
 *
 * <p>Its original description: the mistakes people make typing YAML by hand, found before the YAML parser sees the file and
 * said where they are, in plain words, with the fix: a full-width colon, comma or dash used as
 * syntax, no space after a colon, a tab or a full-width space in the indentation, a line indented
 * deeper than its siblings. The parser would report each later, elsewhere, in its own words.
 *
 * <p>It looks at plain lines of a block mapping only (not inside quotes, comments, or a {@code |}
 * or {@code >} text block), and at the keys of the facts format (ASCII names), so a valid file
 * gives nothing.
 */
final class RegexTypingMistakes {
    /** A key written {@code key：value}. */
    private static final Pattern FULL_WIDTH_COLON = Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*)[ \\u3000]*：");
    /** A key written {@code key:value}: no space after the colon. */
    private static final Pattern NO_SPACE = Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*):([^\\s:/#])");
    /** The same inside a flow mapping: {@code {id:x}} or {@code {id：x}}. */
    private static final Pattern FLOW_KEY = Pattern.compile("[ \\u3000]*([A-Za-z_][A-Za-z0-9_]*)(：|:(?=[^\\s/:,}]))");
    private static final Pattern KEY = Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*)[ ]*:(\\s|$)");
    private static final String DASHES = "－—–";

    private RegexTypingMistakes() {
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
            Matcher colon = FULL_WIDTH_COLON.matcher(content);
            if (colon.find()) {
                problems.say(new Location(shown, n, column + colon.end()), "yaml.full_width_colon", colon.group(1));
                continue;
            }
            Matcher space = NO_SPACE.matcher(content);
            if (space.find() && !content.startsWith("\"") && !content.startsWith("'")) {
                problems.say(new Location(shown, n, column + space.end(1) + 1), "yaml.no_space", space.group(1),
                        space.group(1) + ": " + content.substring(space.end(1) + 1).strip());
                continue;
            }
            flow(content, shown, n, column, problems);
            Matcher key = KEY.matcher(content);
            boolean isKey = key.find();
            if (isKey && previous != null && previous.key() && !previous.opens() && column > previous.column()
                    && indent > previous.indent()) {
                problems.say(new Location(shown, n, indent + 1), "yaml.deeper", key.group(1), previous.name(),
                        previous.column() + 1);
            }
            if (isKey && !dash && previous != null && column < previous.column() && !levels.contains(column)) {
                problems.say(new Location(shown, n, indent + 1), "yaml.misaligned", key.group(1), column + 1);
            }
            String value = isKey ? content.substring(key.end()).strip() : "";
            if (isKey && (value.equals("|") || value.equals(">") || value.matches("[|>][+-]?\\d?"))) {
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
            previous = new Line(indent, column, isKey, isKey ? key.group(1) : "", isKey && value.isEmpty()
                    || rest.equals("-"));
        }
        return problems.count() > before;
    }

    /** A line read: its indentation, where its content starts, and whether it is a key that opens a block. */
    private record Line(int indent, int column, boolean key, String name, boolean opens) {
    }

    /**
     * Full-width commas, and keys with a full-width colon or none of a space, inside {@code [ … ]}
     * and {@code { … }}: only there and outside quotes, where a plain text value cannot stand.
     */
    private static void flow(String content, String shown, int line, int column, Diagnostics problems) {
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '#' && (i == 0 || content.charAt(i - 1) == ' ')) {
                return;
            } else if (c == '[' || c == '{') {
                depth++;
            } else if (c == ']' || c == '}') {
                depth = Math.max(0, depth - 1);
            } else if (depth > 0 && c == '，') {
                problems.say(new Location(shown, line, column + i + 1), "yaml.full_width_comma");
            }
            if (depth > 0 && (c == '{' || c == ',')) {
                Matcher key = FLOW_KEY.matcher(content).region(i + 1, content.length());
                if (key.lookingAt()) {
                    boolean fullWidth = key.group(2).equals("：");
                    problems.say(new Location(shown, line, column + key.start(2) + 1),
                            fullWidth ? "yaml.full_width_colon" : "yaml.no_space_flow", key.group(1));
                }
            }
        }
    }
}
