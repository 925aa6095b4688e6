package xuncha.engine;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xuncha.Run;
import xuncha.RulesCopy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A broken rules folder is refused with located errors and exit 2; an edited one works with no rebuild. */
class BadRulesTest {
    private static final String SAMPLE = "fixtures/yangqu-2022.yaml";

    @TempDir
    Path rules;

    @BeforeEach
    void copyThePack() throws IOException {
        RulesCopy.into(rules);
    }

    private void edit(String file, String from, String to) throws IOException {
        RulesCopy.edit(rules, file, from, to);
    }

    private Run check() {
        return Run.xuncha("check", "--lang", "en", "--format", "json", "--rules", rules.toString(), SAMPLE);
    }

    private static java.util.List<String> report02Units(Run run) throws IOException {
        java.util.List<String> units = new java.util.ArrayList<>();
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out()).get("findings").forEach(f -> {
            if (f.get("rule").asText().equals("REPORT-02")) {
                units.add(f.get("unit").asText());
            }
        });
        return units;
    }

    private void assertRefused(Run run, String located) {
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains(located).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void loweringAThresholdTakesEffectAtTheNextRun() throws IOException {
        assertThat(report02Units(check())).containsExactly("dhs-party", "dy-party");
        edit("thresholds.yaml", "township_league_reports_per_year: 2", "township_league_reports_per_year: 1");
        Run run = check();
        assertThat(run.status()).isEqualTo(1);
        assertThat(report02Units(run)).containsExactly("dhs-party");
    }

    /** The pack compiles while the facts are read; a broken pack still speaks first, as it did when read first. */
    @Test
    void aBrokenPackIsReportedBeforeBrokenFacts() throws IOException {
        edit("grass.drl", "not Role(unit == $u.id, role == RoleKind.SECRETARY)",
                "not Role(unit == $u.id role == RoleKind.SECRETARY)");
        Run run = Run.xuncha("check", "--lang", "en", "--rules", rules.toString(), "no-such-facts.yaml");
        assertRefused(run, rules + "/grass.drl:22:28: error: DRL: mismatched input 'role'");
        assertThat(run.err()).doesNotContain("no-such-facts.yaml");
        Run factsOnly = Run.xuncha("check", "--lang", "en", "no-such-facts.yaml");
        assertRefused(factsOnly, "no-such-facts.yaml: error: no such file or folder");
    }

    @Test
    void drlThatDoesNotCompileIsLocatedWithItsColumn() throws IOException {
        edit("grass.drl", "not Role(unit == $u.id, role == RoleKind.SECRETARY)",
                "not Role(unit == $u.id role == RoleKind.SECRETARY)");
        assertRefused(check(), rules + "/grass.drl:22:28: error: DRL: mismatched input 'role'");
    }

    @Test
    void thresholdOfTheWrongTypeIsLocated() throws IOException {
        edit("thresholds.yaml", "navigator_max_age: 35", "navigator_max_age: thirty-five");
        assertRefused(check(), rules + "/thresholds.yaml:20:20: error: threshold 'navigator_max_age' must be a whole number of years from 0 to 120, found 'thirty-five'");
    }

    @Test
    void mappingThresholdGivenAsANumberIsRefused() throws IOException {
        edit("thresholds.yaml", """
                evaluation_weights:
                  field_inspection: 20
                  youth_review: 20
                  league_report: 30
                  party_government: 30""", "evaluation_weights: 100");
        assertRefused(check(), "error: threshold 'evaluation_weights' must be a mapping of field_inspection, youth_review, league_report, party_government to numbers");
    }

    @Test
    void missingThresholdIsLocatedAtTheRuleThatReadsIt() throws IOException {
        edit("thresholds.yaml", "rectification_days: 60", "");
        Run run = check();
        assertRefused(run, rules + "/inspect.drl:39:1: error: rule INSPECT-02 reads threshold 'rectification_days', which "
                + rules + "/thresholds.yaml does not give");
        assertThat(run.err()).contains("rule INSPECT-03 reads threshold 'rectification_days'");
    }

    @Test
    void ruleWithoutAnIdIsRefused() throws IOException {
        edit("grass.drl", "    @id(\"GRASS-02\")\n", "");
        assertRefused(check(), rules + "/grass.drl:28:1: error: rule \"GRASS-02\" has no @id");
    }

    @Test
    void twoRulesWithOneIdAreRefused() throws IOException {
        edit("grass.drl", "@id(\"GRASS-03\")", "@id(\"GRASS-02\")");
        assertRefused(check(), rules + "/grass.drl:44:1: error: rule \"GRASS-03\" has the id GRASS-02 of rule \"GRASS-02\" at "
                + rules + "/grass.drl:28:1");
    }

    @Test
    void messageInOnlyOneLanguageIsRefused() throws IOException {
        edit("lead.drl", "    @en_no_secretary(", "    @en_nosecretary(");
        assertRefused(check(), "error: rule LEAD-01 has @zh_no_secretary but no @en_no_secretary");
    }

    @Test
    void missingRulesFolderIsRefused() {
        Run run = Run.xuncha("check", "--lang", "en", "--rules", rules.resolve("nope").toString(), SAMPLE);
        assertRefused(run, rules.resolve("nope") + ": error: no such rules folder");
    }
}
