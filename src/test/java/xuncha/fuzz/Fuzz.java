package xuncha.fuzz;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import xuncha.problems.InputException;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * What the fuzz properties share: inputs made by mutating valid ones with what users and attackers
 * write (YAML and JSON syntax, hostile numbers and dates, full-width punctuation, aliases, control
 * characters, long runs), and the property every input must keep: it is read, or refused with
 * located, bounded messages ({@link InputException}); never another exception, a hang past
 * {@link #HANG}, or output out of proportion to the input.
 */
public final class Fuzz {
    /** Past this, a run counts as hung: far above any input here (a few KB). */
    public static final Duration HANG = Duration.ofSeconds(20);

    private static final List<String> TOKENS = List.of(
            ":", ": ", "- ", "-", "[", "]", "{", "}", ",", "\"", "'", "#", "&a ", "*a", "&b [x, y]", "*b", "<<: *a",
            "!!binary", "!!python/object:os.system", "!!java.io.File", "? ", "|", ">", "---", "...", "%YAML 1.1",
            "\t", "\n", "\r\n", "\n  ", "\n    - ", "：", "，", "－ ", "\u3000", "\u00a0", "\ufeff", "\u0007", "\u0000",
            "\ud83d\ude00", "\u202e", "~", "null", "true", "是", "yes", ".inf", "-.inf", ".nan", "0x1F", "0o17", "1:30",
            "-1", "1e999999999", "1.0e+99999999", "-0", "99999999999999999999999999999999999999999999",
            "0.00000000000000000001", "1_000", "2022-02-30", "+999999999-12-31", "2022/3/5", "1899-12-31",
            "3000-01-01", "2022-13-01", "Infinity", "NaN", "1e-999999999", "\"\\u0000\"", "x".repeat(300),
            "村", "county_party_committee", "secretary", "league_work_report", "yq-party", "p-league-sec",
            "id: dup", "unit: nowhere", "roles: []", "units: []", "year: 2022", "as_of: 2022-10-24");

    private Fuzz() {
    }

    /** One change to a text: where (0..1 of its length), how much, and what. */
    record Mutation(int kind, double where, double span, String token) {
        String apply(String text) {
            int at = (int) (where * text.length());
            int end = Math.min(text.length(), at + (int) (span * 40));
            return switch (kind) {
                case 0 -> text.substring(0, at) + token + text.substring(at);
                case 1 -> text.substring(0, at) + text.substring(end);
                case 2 -> text.substring(0, at) + token + text.substring(end);
                case 3 -> {
                    int lineStart = text.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
                    // From the line's start: at 0 before a line break, the line is the empty one there.
                    int lineEnd = text.indexOf('\n', Math.max(at, lineStart));
                    String line = text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd);
                    yield text.substring(0, lineStart) + line + "\n" + text.substring(lineStart);
                }
                default -> text.substring(0, at) + token.repeat(1 + (int) (span * 50)) + text.substring(at);
            };
        }
    }

    static Arbitrary<String> tokens() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.of(TOKENS)),
                net.jqwik.api.Tuple.of(2, Arbitraries.strings().all().ofMaxLength(12)),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(30)));
    }

    /** Texts made from one of {@code seeds} by one to six mutations. */
    public static Arbitrary<String> mutated(List<String> seeds) {
        Arbitrary<Mutation> mutation = Combinators.combine(Arbitraries.integers().between(0, 4),
                Arbitraries.doubles().between(0, 1), Arbitraries.doubles().between(0, 1), tokens())
                .as(Mutation::new);
        return Combinators.combine(Arbitraries.of(seeds), mutation.list().ofMinSize(1).ofMaxSize(6))
                .as((seed, mutations) -> {
                    String text = seed;
                    for (Mutation m : mutations) {
                        text = m.apply(text);
                    }
                    return text;
                });
    }

    /**
     * Runs {@code work} on an input of {@code inputLength} characters: it may refuse the input with
     * located problems, each message short; anything else it throws fails the property, as does a
     * hang or more than {@code 64 × input + 4 MB} of output.
     */
    public static void readsOrRefuses(int inputLength, Callable<Long> work) {
        Long written = assertTimeoutPreemptively(HANG, () -> {
            try {
                return work.call();
            } catch (InputException e) {
                assertThat(e.problems()).isNotEmpty();
                e.problems().forEach(p -> {
                    assertThat(p.message().length()).as(p.render()).isLessThanOrEqualTo(700);
                    assertThat(p.message()).as(p.render()).doesNotContain("Exception").doesNotContain("\tat ");
                });
                return 0L;
            }
        });
        assertThat(written).isLessThanOrEqualTo(64L * inputLength + (4L << 20));
    }
}
