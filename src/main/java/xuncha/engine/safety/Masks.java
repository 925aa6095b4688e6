package xuncha.engine.safety;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The DRL expression parser reserves a few words Java does not ({@code unit}, {@code rule},
 * {@code when}), and the fact model uses {@code unit} as a field: before parsing, each such word
 * outside literals and comments becomes a name of the same length that no rule can write (it
 * holds {@code $$}, which {@link PackCheck} refuses in code), and the checks read it back.
 */
final class Masks {
    private static final Map<String, String> MASKS = Map.of("unit", "u$$t", "rule", "r$$e", "when", "w$$n");
    private static final Map<String, String> UNMASKS = Map.of("u$$t", "unit", "r$$e", "rule", "w$$n", "when");
    private static final Pattern WORD = Pattern.compile("\\b(unit|rule|when)\\b(?![$\\w])");

    private Masks() {
    }

    /** {@code code} with the reserved words masked, outside string and character literals and comments. */
    static String mask(String code) {
        return scan(code, false);
    }

    /** {@code code} with string and character literals and comments as spaces (line breaks kept), masked. */
    static String blanked(String code) {
        return scan(code, true);
    }

    private static String scan(String code, boolean blank) {
        StringBuilder out = new StringBuilder(code.length());
        int i = 0;
        int plain = 0;
        while (i < code.length()) {
            char c = code.charAt(i);
            int end = -1;
            if (c == '"' || c == '\'') {
                end = i + 1;
                while (end < code.length() && code.charAt(end) != c && code.charAt(end) != '\n') {
                    end += code.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(end + 1, code.length());
            } else if (code.startsWith("//", i)) {
                end = code.indexOf('\n', i);
                end = end < 0 ? code.length() : end;
            } else if (code.startsWith("/*", i)) {
                end = code.indexOf("*/", i + 2);
                end = end < 0 ? code.length() : end + 2;
            }
            if (end < 0) {
                i++;
                continue;
            }
            out.append(replace(code.substring(plain, i)));
            if (blank) {
                code.substring(i, end).chars().forEach(ch -> out.append(ch == '\n' ? '\n' : ' '));
            } else {
                out.append(code, i, end);
            }
            plain = end;
            i = end;
        }
        out.append(replace(code.substring(plain)));
        return out.toString();
    }

    private static String replace(String plain) {
        Matcher m = WORD.matcher(plain);
        return m.replaceAll(r -> Matcher.quoteReplacement(MASKS.get(r.group(1))));
    }

    /** The name as the rule wrote it. */
    static String unmask(String name) {
        return UNMASKS.getOrDefault(name, name);
    }
}
