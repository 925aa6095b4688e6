package xuncha.engine;

import xuncha.facts.Location;
import xuncha.load.Diagnostics;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rules file is code: it may use only the fact model, java.lang, java.math, java.time and the
 * java.util collections (what accumulate gives back), and nothing that reaches the file system, the
 * network, processes, reflection or {@code System}. Checked on the text of each DRL file, comments
 * and string literals aside, before anything is compiled.
 */
final class PackSafety {
    private static final List<String> ALLOWED_PACKAGES = List.of("xuncha.facts.", "java.lang.", "java.math.",
            "java.time.");
    private static final Set<String> ALLOWED_CLASSES = Set.of("xuncha.findings.Emit.finding",
            "java.util.List", "java.util.ArrayList", "java.util.Map", "java.util.HashMap", "java.util.LinkedHashMap",
            "java.util.Set", "java.util.HashSet", "java.util.EnumSet", "java.util.EnumMap", "java.util.Collection",
            "java.util.Collections", "java.util.Arrays", "java.util.Comparator", "java.util.Objects",
            "java.util.TreeMap", "java.util.TreeSet");
    private static final Set<String> FORBIDDEN_LANG = Set.of("java.lang.System", "java.lang.Runtime",
            "java.lang.ProcessBuilder", "java.lang.Process", "java.lang.Thread", "java.lang.ClassLoader",
            "java.lang.Class", "java.lang.reflect", "java.lang.invoke", "java.lang.ref", "java.lang.management",
            "java.lang.instrument", "java.lang.module");
    private static final Pattern IMPORT = Pattern.compile("(?m)^\\s*import\\s+(?:function\\s+|static\\s+)?([\\w.]+(?:\\.\\*)?)\\s*;?");
    private static final Pattern QUALIFIED = Pattern.compile("\\b((?:java|javax|jdk|sun|com|org|net|io)\\.[a-z][\\w.]*)");
    private static final Pattern FORBIDDEN_CALL = Pattern.compile(
            "\\b(System|Runtime|ProcessBuilder|Process|Thread|ClassLoader|Class\\.forName|Files|Paths|FileInputStream"
                    + "|FileOutputStream|FileReader|FileWriter|RandomAccessFile|Socket|ServerSocket|URL|URI|HttpClient"
                    + "|Method|Field|Constructor|MethodHandles)\\b\\s*[.(]|\\.getClass\\s*\\(");

    private PackSafety() {
    }

    static void check(RuleSources.DrlFile drl, Diagnostics problems) {
        String code = blankCommentsAndStrings(drl.text());
        Matcher m = IMPORT.matcher(code);
        while (m.find()) {
            String name = m.group(1);
            if (!allowed(name)) {
                problems.error(at(drl, m.start(1)), "the rules may not import %s (only the fact model, java.lang,"
                        + " java.math, java.time and the java.util collections)", name);
            }
        }
        String body = IMPORT.matcher(code).replaceAll(r -> " ".repeat(r.group().length()));
        Matcher q = QUALIFIED.matcher(body);
        while (q.find()) {
            if (!allowed(q.group(1)) && !allowedPrefixOf(q.group(1))) {
                problems.error(at(drl, q.start(1)), "the rules may not use %s", q.group(1));
            }
        }
        Matcher call = FORBIDDEN_CALL.matcher(body);
        while (call.find()) {
            problems.error(at(drl, call.start()), "the rules may not use '%s': no file system, network, processes,"
                    + " reflection or System in a rules file", call.group().replaceAll("[\\s.(]+$", ""));
        }
    }

    private static boolean allowed(String name) {
        if (ALLOWED_CLASSES.contains(name)) {
            return true;
        }
        if (FORBIDDEN_LANG.stream().anyMatch(f -> name.equals(f) || name.startsWith(f + ".") || name.startsWith(f))) {
            return false;
        }
        return ALLOWED_PACKAGES.stream().anyMatch(name::startsWith);
    }

    /** {@code java.util.List} used in code may be followed by a member: {@code java.util.Collections.sort}. */
    private static boolean allowedPrefixOf(String name) {
        return ALLOWED_CLASSES.stream().anyMatch(c -> name.startsWith(c + "."));
    }

    /** Comments and string literals as spaces (newlines kept), so that positions stay true. */
    static String blankCommentsAndStrings(String text) {
        StringBuilder out = new StringBuilder(text);
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int end;
            if (text.startsWith("//", i)) {
                end = text.indexOf('\n', i);
                end = end < 0 ? text.length() : end;
            } else if (text.startsWith("/*", i)) {
                end = text.indexOf("*/", i + 2);
                end = end < 0 ? text.length() : end + 2;
            } else if (c == '"' || c == '\'') {
                end = i + 1;
                while (end < text.length() && text.charAt(end) != c && text.charAt(end) != '\n') {
                    end += text.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(end + 1, text.length());
                for (int k = i + 1; k < end - 1; k++) {
                    if (out.charAt(k) != '\n') out.setCharAt(k, ' ');
                }
                i = end;
                continue;
            } else {
                i++;
                continue;
            }
            for (int k = i; k < end; k++) {
                if (out.charAt(k) != '\n') out.setCharAt(k, ' ');
            }
            i = end;
        }
        return out.toString();
    }

    private static Location at(RuleSources.DrlFile drl, int offset) {
        return Location.ofOffset(drl.shown(), drl.text(), offset);
    }
}
