package xuncha.robust;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xuncha.Run;
import xuncha.RulesCopy;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static xuncha.robust.HostileFactsTest.assertShortRefusal;

/**
 * What version 1.1 of the contract changed that a rule case cannot show: consistency checks of the
 * facts and the wording of messages. INSPECT-01, GRASS-02 and LEAD-01 are rule cases
 * ({@code rules/tests/inspect.yaml}, {@code grass.yaml}, {@code lead.yaml}).
 */
class ContractOneOneTest {
    private static final Path SAMPLE = Path.of("fixtures/yangqu-2022.yaml");

    @TempDir
    Path dir;

    private Run sampleWith(String from, String to, String... options) throws Exception {
        String text = Files.readString(SAMPLE);
        assertThat(text).contains(from);
        Path file = dir.resolve("f.yaml");
        Files.writeString(file, text.replace(from, to));
        String[] args = new String[options.length + 2];
        args[0] = "check";
        System.arraycopy(options, 0, args, 1, options.length);
        args[args.length - 1] = file.toString();
        return Run.xuncha(args);
    }

    private String at(int line, int col) {
        return dir.resolve("f.yaml") + ":" + line + ":" + col + ": error: ";
    }

    @Test
    void sourceOnARoleThatHasNoneIsRefused() throws Exception {
        assertShortRefusal(sampleWith("roles: [{unit: yq-league, role: secretary}]",
                "roles: [{unit: yq-league, role: secretary, source: other}]", "--lang", "en"),
                at(51, 49) + "field 'source' does not apply to role 'secretary'");
    }

    @Test
    void sameRoleAtTheSameUnitTwiceIsRefusedAtTheSecond() throws Exception {
        assertShortRefusal(sampleWith("roles: [{unit: yq-league, role: secretary}]",
                "roles: [{unit: yq-league, role: secretary}, {unit: yq-league, role: secretary}]", "--lang", "en"),
                at(51, 50) + "person 'p-league-sec' already holds secretary at unit 'yq-league' (line 51)");
    }

    @Test
    void aShareJustBelowItsThresholdNeverReadsAsTheThreshold() throws Exception {
        Run run = sampleWith("league_building: 150000", "league_building: 149999.99");
        assertThat(run.out()).contains("占党建经费 1500000 元的 9.99%，要求不低于 10%（150000 元）");
        Run en = sampleWith("league_building: 150000", "league_building: 149999.99", "--lang", "en");
        assertThat(en.out()).contains("9.99% of 1500000 yuan for party building; at least 10% (150000 yuan)");
    }

    @Test
    void ratioThresholdsReadAsPercentages() throws Exception {
        Run run = sampleWith("attendees: [p-league-sec]", "attendees: []");
        assertThat(run.out()).contains("要求列席比例不低于 80%");
        Run rules = Run.xuncha("rules");
        assertThat(rules.out()).contains("占比不低于 10%").contains("县级按 55% 比例").doesNotContain("0.55");
    }

    @Test
    void aRuleThatThrowsOnTheFactsIsALocatedErrorNotAnInternalOne() throws Exception {
        RulesCopy.into(dir);
        RulesCopy.edit(dir, "grass.drl", "    finding(drools, $u.id(), null, \"\", \"funds\", $u.annualFunds());",
                "    finding(drools, $u.id(), null, \"\", \"funds\", $u.annualFunds().divide(java.math.BigDecimal.ZERO));");
        assertShortRefusal(Run.xuncha("check", "--lang", "en", "--rules", dir.toString(), SAMPLE.toString()),
                "grass.drl:", "error: rule 'GRASS-03' could not be evaluated on these facts: an arithmetic error: Division undefined");
    }

    @Test
    void anUnknownLanguageIsAUsageErrorInEveryCommand() {
        for (String[] args : new String[][] {{"impact", "--base", "rules", "--lang", "fr", SAMPLE.toString()},
                {"check", "--lang", "fr", SAMPLE.toString()}, {"rules", "--lang", "fr"}}) {
            Run run = Run.xuncha(args);
            assertThat(run.status()).as(args[0]).isEqualTo(2);
            assertThat(run.err()).as(args[0]).contains("--lang 不能是“fr”：可用 zh, en", "--help")
                    .doesNotContain("internal error").doesNotContain("Invalid value");
        }
    }
}
