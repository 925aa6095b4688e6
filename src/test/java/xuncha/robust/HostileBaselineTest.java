package xuncha.robust;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xuncha.Run;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static xuncha.robust.HostileFactsTest.assertShortRefusal;

/** A baseline is read like facts: bounded, validated, located; one that cannot be the previous round is refused. */
class HostileBaselineTest {
    private static final String SAMPLE = "fixtures/yangqu-2022.yaml";

    @TempDir
    Path dir;
    private String report;

    @BeforeEach
    void previousRound() throws Exception {
        Path out = dir.resolve("round1.json");
        assertThat(Run.xuncha("check", "--lang", "en", "--format", "json", "--output", out.toString(), SAMPLE).status()).isEqualTo(1);
        report = Files.readString(out);
    }

    private Run against(String baseline) throws Exception {
        Path file = dir.resolve("b.json");
        Files.writeString(file, baseline);
        return Run.xuncha("check", "--lang", "en", "--baseline", file.toString(), SAMPLE);
    }

    private String replaced(String from, String to) {
        assertThat(report).contains(from);
        return report.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
    }

    private String at(int line, int col) {
        return dir.resolve("b.json") + ":" + line + ":" + col + ": error: ";
    }

    @Test
    void nestingOneHundredThousandDeepIsRefusedLocated() throws Exception {
        assertShortRefusal(against("[".repeat(100_000) + "]".repeat(100_000)),
                at(1, 34) + "the baseline is nested more than 32 levels deep");
    }

    @Test
    void evidenceNestedDeepIsRefused() throws Exception {
        assertShortRefusal(against(replaced("\"evidence\" : {", "\"evidence\" : {\"x\": " + "[".repeat(999)
                + "]".repeat(999) + ",")), "the baseline is nested more than 32 levels deep");
    }

    @Test
    void thirtyMegabyteStringIsRefused() throws Exception {
        assertShortRefusal(against(replaced("\"as_of\" : \"2022-10-24\"", "\"as_of\" : \"2022-10-24\", \"junk\": \""
                + "x".repeat(30_000_000) + "\"")), "the baseline holds a text longer than 1 MiB");
    }

    @Test
    void twoThousandDigitNumberIsRefused() throws Exception {
        assertShortRefusal(against(replaced("\"units\" : 23", "\"units\" : " + "9".repeat(2000))),
                at(5, 2013) + "the baseline holds a number longer than 40 characters");
    }

    @Test
    void infinityIsNotJson() throws Exception {
        assertShortRefusal(against(replaced("\"units\" : 23", "\"units\" : Infinity")),
                at(5, 21) + "the baseline is not JSON: 'Infinity' is not a number JSON allows");
    }

    @Test
    void firstSeenInTheYear999999999IsRefused() throws Exception {
        String b = report.replaceFirst("\"first_seen\" : \"[0-9-]+\"", "\"first_seen\" : \"+999999999-12-31\"");
        assertShortRefusal(against(b), "'first_seen' in the baseline must be a date YYYY-MM-DD from 1900 to 2999,"
                + " found \"+999999999-12-31\"");
    }

    @Test
    void trailingGarbageIsRefused() throws Exception {
        assertShortRefusal(against(report + "\n{garbage}"), "more follows the end of the baseline's JSON");
    }

    @Test
    void baselineOfALaterDayIsRefused() throws Exception {
        assertShortRefusal(against(replaced("\"as_of\" : \"2022-10-24\"", "\"as_of\" : \"2023-10-24\"")),
                at(4, 13) + "the baseline describes 2023-10-24, after this run's as_of 2022-10-24");
    }

    @Test
    void baselineOfOtherUnitsIsRefused() throws Exception {
        assertShortRefusal(against(report.replaceAll("\"unit\" : \"([a-z0-9-]+)\"", "\"unit\" : \"zz-$1\"")),
                "the baseline's 24 findings name none of the units of these facts");
    }

    @Test
    void unknownLevelAndStateAreLocated() throws Exception {
        assertShortRefusal(against(replaced("\"level\" : \"violation\"", "\"level\" : \"fatal\"")),
                "'level' of a baseline finding must be violation or warning, found 'fatal'");
    }

    @Test
    void theRealPreviousRoundStillWorks() throws Exception {
        Run run = against(report);
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains("[persisting since 2022-10-24]");
    }
}
