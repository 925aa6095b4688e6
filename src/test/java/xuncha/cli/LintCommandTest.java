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

/** Each class of problem in a rules folder is caught by lint and located; check refuses an unsafe pack. */
class LintCommandTest {
    @TempDir
    Path rules;

    @BeforeEach
    void copyThePack() throws IOException {
        RulesCopy.into(rules);
    }

    private void edit(String file, String from, String to) throws IOException {
        RulesCopy.edit(rules, file, from, to);
    }

    private Run lint() {
        return Run.xuncha("lint", "--lang", "en", "--rules", rules.toString());
    }

    private void assertProblem(String located) {
        Run run = lint();
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).contains(located).doesNotContain("Exception");
    }

    @Test
    void shippedPackIsClean() {
        Run run = Run.xuncha("lint", "--lang", "en", "--rules", "rules");
        assertThat(run.status()).isZero();
        assertThat(run.out()).startsWith("no problems: 31 rules, 14 thresholds, ");
    }

    @Test
    void importOfJavaIoFileIsRefusedAndCheckWillNotRunThePack() throws IOException {
        edit("report.drl", "import java.math.BigDecimal;", "import java.math.BigDecimal;\nimport java.io.File;");
        assertProblem(rules + "/report.drl:5:8: error: the rules may not import java.io.File");
        Run check = Run.xuncha("check", "--lang", "en", "--rules", rules.toString(), "fixtures/yangqu-2022.yaml");
        assertThat(check.status()).isEqualTo(2);
        assertThat(check.err()).contains("the rules may not import java.io.File");
    }

    @Test
    void callToSystemExitIsRefused() throws IOException {
        edit("grass.drl", "then\n    finding(drools, $u.id(), null, \"\");", "then\n    System.exit(1);\n    finding(drools, $u.id(), null, \"\");");
        assertProblem(rules + "/grass.drl:24:5: error: System.exit(…) is not allowed in a rules file");
    }

    @Test
    void fullyQualifiedFileSystemUseIsRefusedButCommentsAndTextAreNot() throws IOException {
        edit("grass.drl", "then\n    finding(drools, $u.id(), null, \"\");",
                "then\n    // java.io.File in a comment is fine, \"System.exit\" in a text too\n"
                        + "    java.nio.file.Files.delete(null);\n    finding(drools, $u.id(), null, \"\");");
        Run run = lint();
        assertThat(run.out()).contains(rules + "/grass.drl:25:5: error: java.nio.file.Files.delete(…) is not allowed in a rules file")
                .doesNotContain(":23:");
    }

    /** A misspelt message value or variant is an error of the pack, located, not a placeholder left unfilled. */
    @Test
    void aMessageValueNoMessageShowsIsCaught() throws IOException {
        edit("fund.drl", "\"party\", b.partyBuilding()", "\"prty\", b.partyBuilding()");
        assertProblem(rules + "/fund.drl:41:74: error: no message of this rule shows {prty}; did you mean 'party'?");
        Run check = Run.xuncha("check", "--lang", "en", "--rules", rules.toString(), "fixtures/yangqu-2022.yaml");
        assertThat(check.status()).isEqualTo(2);
    }

    @Test
    void aMessageVariantTheRuleDoesNotHaveIsCaught() throws IOException {
        edit("fund.drl", "finding(drools, $c.id(), null, \"no_budget\");", "finding(drools, $c.id(), null, \"no_budgt\");");
        assertProblem(rules + "/fund.drl:37:40: error: the rule has no message variant 'no_budgt'");
    }

    /** How a rule's deadline is computed is one of three, and a rule that gives its own gives it in every finding. */
    @Test
    void aDeadlineKindThatIsNotOneOrAFindingWithoutItsDeadlineIsCaught() throws IOException {
        edit("report.drl", "@deadline(\"year_end\")", "@deadline(\"year-end\")");
        assertProblem("error: rule REPORT-01 has @deadline(\"year-end\"); it must be rectification, year_end or finding;"
                + " did you mean 'year_end'?");
        edit("report.drl", "@deadline(\"year-end\")", "@deadline(\"year_end\")");
        edit("inspect.drl", "\"deadline\", deadline($pr.fedBack(), $days), ", "");
        assertProblem(rules + "/inspect.drl:54:5: error: this rule has @deadline(\"finding\"), so each finding it gives"
                + " names its deadline");
    }

    @Test
    void compileErrorIsLocatedWithItsColumn() throws IOException {
        edit("grass.drl", "not Role(unit == $u.id, role == RoleKind.SECRETARY)", "not Role(unit == $u.id role == RoleKind.SECRETARY)");
        assertProblem(rules + "/grass.drl:22:28: error: DRL: mismatched input 'role'");
    }

    @Test
    void idsMissingDuplicatedOrMisshapenAreCaught() throws IOException {
        edit("grass.drl", "@id(\"GRASS-03\")", "@id(\"GRASS-02\")");
        assertProblem("error: rule \"GRASS-03\" has the id GRASS-02 of rule \"GRASS-02\"");
        edit("grass.drl", "@id(\"GRASS-02\")", "@id(\"Grass2\")");
        assertProblem(rules + "/grass.drl:28:1: error: rule id 'Grass2' is not of the form GROUP-NN");
        edit("grass.drl", "@id(\"Grass2\")", "");
        assertProblem(rules + "/grass.drl:28:1: error: rule \"GRASS-02\" has no @id");
    }

    @Test
    void missingTitleIsCaught() throws IOException {
        edit("grass.drl", "    @title_en(\"Every township league committee has a secretary\")\n", "");
        assertProblem(rules + "/grass.drl:11:1: error: rule GRASS-01 has no @title_en");
    }

    @Test
    void thresholdsReadButNotListedListedButNotReadOrNeverReadAreCaught() throws IOException {
        edit("fund.drl", "@thresholds(\"counselor_min_monthly_allowance\")", "@thresholds(\"navigator_max_age\")");
        Run run = lint();
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).containsPattern(rules + "/fund.drl:\\d+:\\d+: error: rule FUND-03 reads threshold"
                        + " 'counselor_min_monthly_allowance' but does not list it in @thresholds")
                .containsPattern(rules + "/fund.drl:\\d+:1: error: rule FUND-03 lists threshold 'navigator_max_age'"
                        + " in @thresholds but never reads it");
    }

    @Test
    void thresholdThatNoRuleReadsIsCaught() throws IOException {
        Path t = rules.resolve("thresholds.yaml");
        Files.writeString(t, Files.readString(t) + "village_meetings_per_year: 4\n");
        long line = Files.readString(t).lines().count();
        assertProblem(rules + "/thresholds.yaml:" + line + ":1: error: threshold 'village_meetings_per_year' is"
                + " defined but no rule reads it");
    }

    @Test
    void thresholdOfTheWrongTypeIsCaught() throws IOException {
        edit("thresholds.yaml", "navigator_max_age: 35", "navigator_max_age: [35]");
        assertProblem(rules + "/thresholds.yaml:20:20: error: threshold 'navigator_max_age' must be a whole number of years"
                + " from 0 to 120, found a list");
    }

    @Test
    void ruleWithoutATestCaseIsCaught() throws IOException {
        Files.writeString(rules.resolve("tests/grass.yaml"), "facts: [base.yaml]\ncases: []\n");
        Run run = lint();
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).contains(rules + "/grass.drl:11:1: error: rule GRASS-01 has no test case in " + rules + "/tests")
                .contains("rule GRASS-02 has no test case").contains("rule GRASS-03 has no test case");
    }

    @Test
    void missingFolderIsExitTwo() {
        Run run = Run.xuncha("lint", "--lang", "en", "--rules", rules.resolve("nope").toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("error: no such rules folder");
    }
}
