package xuncha.yaml;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import xuncha.problems.Diagnostics;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The typing-mistake scan matches its patterns by hand, for speed; the regular expressions it had
 * before ({@link RegexTypingMistakes}) are the oracle: for any text, the same mistakes at the same
 * places, said the same way.
 */
class TypingMistakesOracleTest {
    /** Pieces a line is made of: names, colons of both widths, spaces of every kind, flow brackets, quotes. */
    private static final List<String> PIECES = List.of("id", "unit", "a_1", "_x", "9", "Z", ":", "：", " ", "  ",
            "\u3000", "\t", "\u00A0", "-", "－", "—", "{", "}", "[", "]", ",", "，", "\"", "'", "#", "/", "|", ">",
            "|+", ">-2", "x", "张三", "\r", "\u2028", "\u0085", "\n", "\n  ", "\n    ", "\n- ", ": |\n",
            // whole pieces of the lines people write, right and wrong
            "- {id:", "{id: ", ", unit:", ",unit：", ":}", ":x", ": x", ":/", ":#", "::", "name:", "name: ", "name：",
            "\n- id: x", "\n  unit: y", "\n      deep: z", "  - ");

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.of(PIECES).list().ofMaxSize(40).map(l -> String.join("", l));
    }

    @Property(tries = 5000)
    void findsWhatTheRegularExpressionsFound(@ForAll("texts") String text) {
        String expected = scan(text, true);
        assertThat(scan(text, false)).isEqualTo(expected);
        // As the reader hands it over: a buffer over a larger array, read in place from its position.
        java.nio.CharBuffer inPlace = java.nio.CharBuffer.wrap(("ab" + text + "cd").toCharArray(), 2, text.length());
        Diagnostics problems = new Diagnostics();
        boolean found = TypingMistakes.find(inPlace, "f.yaml", problems);
        assertThat(found + " " + Diagnostics.render(problems.sorted(), "zh")).isEqualTo(expected);
        java.nio.CharBuffer sliced = java.nio.CharBuffer.wrap(("ab" + text).toCharArray()).position(2).slice();
        Diagnostics again = new Diagnostics();
        assertThat(TypingMistakes.find(sliced, "f.yaml", again) + " " + Diagnostics.render(again.sorted(), "zh"))
                .isEqualTo(expected);
    }

    @Test
    void everyFileOfTheProjectGivesTheSameAsBefore() throws Exception {
        List<Path> files;
        try (var walk = Files.walk(Path.of("."))) {
            files = walk.filter(p -> p.toString().endsWith(".yaml") && !p.toString().contains("/target/"))
                    .toList();
        }
        assertThat(files).hasSizeGreaterThan(10);
        for (Path f : files) {
            String text = Files.readString(f);
            assertThat(scan(text, false)).as(f.toString()).isEqualTo(scan(text, true));
        }
    }

    private static String scan(String text, boolean oracle) {
        Diagnostics problems = new Diagnostics();
        boolean found = oracle ? RegexTypingMistakes.find(text, "f.yaml", problems)
                : TypingMistakes.find(text, "f.yaml", problems);
        return found + " " + Diagnostics.render(problems.sorted(), "zh");
    }
}
