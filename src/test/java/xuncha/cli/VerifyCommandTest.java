package xuncha.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xuncha.Run;
import xuncha.RulesCopy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped rule test cases pass and cover every rule; broken expectations and case files are shown. */
class VerifyCommandTest {
    @TempDir
    Path rules;

    @BeforeEach
    void copyThePack() throws IOException {
        RulesCopy.into(rules);
    }

    private void edit(String file, String from, String to) throws IOException {
        RulesCopy.edit(rules, file, from, to);
    }

    @Test
    void shippedCasesPassAndCoverEveryRuleFiringAndHolding() {
        Run run = Run.xuncha("verify", "--lang", "en", "--coverage", "--rules", "rules");
        assertThat(run.err()).isEmpty();
        assertThat(run.status()).isZero();
        assertThat(run.out()).doesNotContain("FAIL").doesNotContain("NOT COVERED").containsPattern("(?m)^\\d+ passed, 0 failed$");
        assertThat(run.out().lines().filter(l -> l.startsWith("PASS")).count()).isGreaterThanOrEqualTo(62);
        assertThat(run.out().lines().filter(l -> l.matches("[A-Z]+-\\d\\d +\\d+ +\\d+"))).hasSize(31);
    }

    @Test
    void wrongExpectationFailsWithAReadableDiff() throws IOException {
        edit("tests/report.yaml", "expect: [{unit: t-party, level: violation}]", "expect: [{unit: t-party, level: warning}]");
        Run run = Run.xuncha("verify", "--lang", "en", "--rules", rules.toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).contains("FAIL  " + rules + "/tests/report.yaml: townshipWithOneReportOnDec31IsAViolation\n"
                + "        - expected, not found:  REPORT-02 t-party warning\n"
                + "        + found, not expected:  REPORT-02 t-party violation\n")
                .containsPattern("(?m)^\\d+ passed, 1 failed$");
    }

    @Test
    void runSelectsCasesByName() {
        Run run = Run.xuncha("verify", "--lang", "en", "--rules", "rules", "--run", "navigatorAgedExactly35Holds");
        assertThat(run.status()).isZero();
        assertThat(run.out()).isEqualTo("PASS  rules/tests/staff.yaml: navigatorAgedExactly35Holds\n1 passed, 0 failed\n");
    }

    @Test
    void ruleWithoutAHoldingCaseIsNotCovered() throws IOException {
        edit("tests/grass.yaml", "  - name: venueGivenHolds\n    rule: GRASS-02\n    expect: []\n", "");
        edit("tests/grass.yaml", "  - name: venueBetweenNoBreakSpacesHolds\n    rule: GRASS-02\n",
                "  - name: venueBetweenNoBreakSpacesHolds\n    rule: GRASS-03\n");
        Run run = Run.xuncha("verify", "--lang", "en", "--coverage", "--rules", rules.toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).containsPattern("GRASS-02 +2 +0  NOT COVERED");
    }

    @Test
    void messageNamingAValueTheRuleDoesNotGiveFailsTheCase() throws IOException {
        edit("grass.drl", "@zh(\"{unit_name}未配备团委书记\")", "@zh(\"{unit_name}未配备团委书记{nope}\")");
        Run run = Run.xuncha("verify", "--lang", "en", "--rules", rules.toString(), "--run", "townshipLeagueWithoutSecretaryFires");
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).contains("! message with a value missing: GRASS-01 (zh): 测试镇团委未配备团委书记{nope}");
    }

    @Test
    void findingOnAUnitTypeTheRuleDoesNotDeclareFailsTheCase() throws IOException {
        edit("grass.drl", "@checks(\"township_league_committee\")", "@checks(\"village\")");
        Run run = Run.xuncha("verify", "--lang", "en", "--rules", rules.toString(), "--run", "townshipLeagueWithoutSecretaryFires");
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).contains("! GRASS-01 found a problem at t-league, a township_league_committee, but its"
                + " @checks names only village");
    }

    @Test
    void checksNamingNoUnitTypeIsARuleError() throws IOException {
        edit("school.drl", "@checks(\"school\")", "@checks(\"shcool\")");
        Run run = Run.xuncha("verify", "--lang", "en", "--rules", rules.toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).containsPattern("school.drl:\\d+:\\d+: error: rule SCHOOL-0\\d has @checks\\(\"shcool\"\\):"
                + " 'shcool' is not a unit type; did you mean 'school'\\?");
    }

    @Test
    void brokenCaseFileIsLocated() throws IOException {
        edit("tests/grass.yaml", "rule: GRASS-01", "rule: GRAS-01");
        edit("tests/grass.yaml", "expect: []", "expcet: []");
        Run run = Run.xuncha("verify", "--lang", "en", "--rules", rules.toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains(rules + "/tests/grass.yaml:6:11: error: no rule 'GRAS-01' in the pack; did you mean 'GRASS-01'?")
                .contains("error: unknown field 'expcet' in a case; did you mean 'expect'?")
                .doesNotContain("Exception");
    }

    @Test
    void badFactsInACaseAreLocatedInTheCaseFile() throws IOException {
        edit("tests/grass.yaml", "venue: \"  \"", "venu: \"  \"");
        Run run = Run.xuncha("verify", "--lang", "en", "--rules", rules.toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).containsPattern(rules + "/tests/grass.yaml:\\d+:\\d+: error: unknown field 'venu' in unit; did you mean 'venue'\\?");
    }

    @Test
    void casesCanLoadFactsFilesStateContainsAndNotContainsAndOverrideThresholds() throws IOException {
        Path sample = Path.of("fixtures/yangqu-2022.yaml").toAbsolutePath();
        Files.copy(sample, rules.resolve("tests/sample-facts.yaml"));
        Files.writeString(rules.resolve("tests/sample.yaml"), """
                cases:
                  - name: sampleHasDayusShortfallButNotLeadOne
                    files: [sample-facts.yaml]
                    contains: [{rule: REPORT-02, unit: dy-party, level: warning}]
                    not_contains: [{rule: LEAD-01, unit: yq-league, level: violation}]
                  - name: oneReportAYearLeavesOnlyDongHuangShui
                    files: [sample-facts.yaml]
                    rule: REPORT-02
                    thresholds: {township_league_reports_per_year: 1}
                    expect: [{unit: dhs-party, level: warning}]
                  - name: wronglyClaimsLeadOne
                    files: [sample-facts.yaml]
                    contains: [{rule: LEAD-01, unit: yq-league, level: violation}]
                    not_contains: [{rule: FUND-03, unit: sch-dy-primary, level: violation, person: p-coun-2}]
                """);
        Run run = Run.xuncha("verify", "--lang", "en", "--rules", rules.toString(), "--run", "sample.yaml");
        assertThat(run.err()).isEmpty();
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).contains("PASS  " + rules + "/tests/sample.yaml: sampleHasDayusShortfallButNotLeadOne\n")
                .contains("PASS  " + rules + "/tests/sample.yaml: oneReportAYearLeavesOnlyDongHuangShui\n")
                .contains("FAIL  " + rules + "/tests/sample.yaml: wronglyClaimsLeadOne\n"
                        + "        - expected, not found:  LEAD-01 yq-league violation\n"
                        + "        + found, not expected:  FUND-03 sch-dy-primary violation p-coun-2\n")
                .endsWith("2 passed, 1 failed\n");
    }
}
