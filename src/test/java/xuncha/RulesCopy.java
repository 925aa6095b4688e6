package xuncha;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A copy of the shipped rules folder that a test edits, as policy staff would. */
public final class RulesCopy {
    private RulesCopy() {
    }

    /** Copies {@code rules/} (with its tests) into {@code to}. */
    public static void into(Path to) throws IOException {
        Path rules = Path.of("rules");
        try (Stream<Path> files = Files.walk(rules)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(rules.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }

    /** Replaces the first {@code from} in {@code file} of the copy, which must contain it. */
    public static void edit(Path copy, String file, String from, String to) throws IOException {
        Path p = copy.resolve(file);
        String text = Files.readString(p);
        assertThat(text).contains(from);
        Files.writeString(p, text.replaceFirst(Pattern.quote(from), Matcher.quoteReplacement(to)));
    }
}
