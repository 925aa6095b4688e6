package xuncha.robust;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xuncha.Run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Facts no county writes, each refused with a short located message (issue 9): numbers beyond any
 * budget, aliases that repeat a large value, a huge id. The time limit only guards against a hang.
 */
class HostileFactsTest {
    private static final Path SAMPLE = Path.of("fixtures/yangqu-2022.yaml");
    private static final Duration HANG = Duration.ofSeconds(60);
    static final String HEAD = """
            year: 2022
            as_of: 2022-10-24
            units:
              - {id: c-party, name: 县委, type: county_party_committee}
            """;

    @TempDir
    Path dir;

    private Run check(String name, String yaml, String... options) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, yaml);
        // Messages in English, as the assertions here read them.
        String[] args = new String[options.length + 4];
        args[0] = "check";
        args[1] = "--lang";
        args[2] = "en";
        System.arraycopy(options, 0, args, 3, options.length);
        args[args.length - 1] = file.toString();
        return assertTimeoutPreemptively(HANG, () -> Run.xuncha(args));
    }

    private Run sampleWith(String from, String to) throws Exception {
        String text = Files.readString(SAMPLE);
        assertThat(text).contains(from);
        return check("f.yaml", text.replace(from, to));
    }

    static void assertShortRefusal(Run run, String... located) {
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains(located).doesNotContain("internal error").doesNotContain("Exception")
                .doesNotContain("\tat ");
        assertThat(run.err().length()).isLessThan(1000);
    }

    private String at(int line, int col) {
        return dir.resolve("f.yaml") + ":" + line + ":" + col + ": error: ";
    }

    @Test
    void amountWithAHugeExponentIsRefusedAtOnce() throws Exception {
        assertShortRefusal(sampleWith("party_building: 1500000", "party_building: 1.0e+99999999"),
                at(123, 50) + "'party_building' in budget is too large (at most 15 digits before the decimal point),"
                        + " found '1.0e+99999999'");
        assertShortRefusal(sampleWith("party_building: 1500000", "party_building: 1.0e+999999999"),
                at(123, 50) + "'party_building' in budget is too large");
    }

    @Test
    void countWithAHugeExponentIsRefusedWithoutEchoingIt() throws Exception {
        assertShortRefusal(sampleWith("young_pioneers: 4200", "young_pioneers: 1.0e+999999999"),
                at(27, 38) + "'young_pioneers' in unit is too large");
        assertShortRefusal(sampleWith("young_pioneers: 4200", "young_pioneers: 20000000"),
                at(27, 38) + "'young_pioneers' in unit is too large: at most 10,000,000, found 20000000");
    }

    @Test
    void evaluationTotalBeyondAnyScoreIsRefusedNotEvaluated() throws Exception {
        assertShortRefusal(sampleWith("total: 89.0", "total: 1.0e+999999999"),
                at(135, 12) + "'total' in evaluation is too large");
    }

    @Test
    void numberWithTooManyDecimalsIsRefused() throws Exception {
        assertShortRefusal(sampleWith("party_building: 1500000", "party_building: 1500000.00000000001"),
                at(123, 50) + "'party_building' in budget has too many decimals (at most 10)");
    }

    @Test
    void largeNameAliasedByManyVillagesIsRefusedAtTheAliasThatPassesTheBudget() throws Exception {
        StringBuilder yaml = new StringBuilder("year: 2022\nas_of: 2022-10-24\nunits:\n")
                .append("  - {id: c, name: &n ").append("x".repeat(1_000_000)).append(", type: county_party_committee}\n")
                .append("  - {id: t, name: t, type: township_party_committee, parent: c}\n");
        for (int i = 0; i < 5000; i++) {
            yaml.append("  - {id: v").append(i).append(", name: *n, type: village, parent: t}\n");
        }
        assertShortRefusal(check("f.yaml", yaml.toString()), at(7, 20) + "the aliases up to this one (*n) repeat more"
                + " data than a file of this size may");
    }

    @Test
    void aFewAliasesToASmallListAreFine() throws Exception {
        StringBuilder yaml = new StringBuilder(HEAD).append("meetings:\n  - {id: m0, unit: c-party, kind:"
                + " standing_committee, date: 2022-01-01, topics: &t [league_work_report]}\n");
        for (int i = 1; i <= 25; i++) {
            yaml.append(String.format("  - {id: m%d, unit: c-party, kind: standing_committee, date: 2022-01-%02d,"
                    + " topics: *t}%n", i, i));
        }
        Run run = check("f.yaml", yaml.toString(), "--fail-on", "never");
        assertThat(run.err()).isEmpty();
        assertThat(run.status()).isZero();
    }

    @Test
    void aliasInsideWhatItNamesIsRefused() throws Exception {
        assertShortRefusal(check("f.yaml", HEAD + "people: &p [{id: p1, name: x, roles: *p}]\n"),
                "stands inside the data it names");
    }

    @Test
    void tenMegabyteIdIsQuotedByItsFirstCharacters() throws Exception {
        Run run = check("f.yaml", HEAD + "people:\n  - {id: " + "a".repeat(10_000_000) + ", name: x}\n");
        assertShortRefusal(run, at(6, 10) + "'" + "a".repeat(80) + "…' in person is not a valid id");
    }

    @Test
    void controlCharacterIsLocated() throws Exception {
        assertShortRefusal(check("f.yaml", HEAD + "people:\n  - {id: p1, name: 张\u0007三}\n"),
                at(6, 21) + "the file holds the control character U+0007");
        // A character beyond the Basic Multilingual Plane counts as one column, as the reader reads it.
        assertShortRefusal(check("f.yaml", HEAD + "people:\n  - {id: p1, name: 𠀋张\u0007三}\n"),
                at(6, 22) + "the file holds the control character U+0007");
    }

    @Test
    void secondDocumentInAFileIsRefusedLocated() throws Exception {
        assertShortRefusal(check("f.yaml", HEAD + "---\nyear: 2022\n"), at(5, 1) + "a facts file holds one YAML"
                + " document");
    }
}
