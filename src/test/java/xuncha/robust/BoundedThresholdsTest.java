package xuncha.robust;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xuncha.Run;
import xuncha.RulesCopy;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static xuncha.robust.HostileFactsTest.assertShortRefusal;

/** Every threshold has a type and a range, checked alike in thresholds.yaml, --set and a rule case. */
class BoundedThresholdsTest {
    private static final String SAMPLE = "fixtures/yangqu-2022.yaml";

    @TempDir
    Path dir;

    /** Checks the sample with a --set, messages in English as the assertions here read them. */
    private static Run set(String assignment) {
        return Run.xuncha("check", "--lang", "en", "--set", assignment, SAMPLE);
    }

    @Test
    void daysMustBeAWholeNumberInRange() {
        assertShortRefusal(set("rectification_days=0.5"), "--set rectification_days=0.5: the value must be a whole"
                + " number of days from 0 to 3650, found 0.5");
        assertShortRefusal(set("rectification_days=1e18"), "--set rectification_days=1e18: the value must be a whole"
                + " number of days from 0 to 3650, found '1e18'");
    }

    @Test
    void countWithAHugeExponentIsRefusedNotEvaluated() {
        assertShortRefusal(set("township_league_reports_per_year=1e999999"), "the value must be a whole number from 0"
                + " to 1000000, found '1e999999'");
    }

    @Test
    void shareIsBetweenZeroAndOne() {
        assertShortRefusal(set("league_building_min_share=1.5"), "must be a share from 0 to 1");
        assertThat(set("league_building_min_share=0.12").status()).isEqualTo(1);
    }

    @Test
    void percentPartOfAMappingThresholdIsBounded() {
        assertShortRefusal(set("evaluation_weights.youth_review=1e40"), "--set evaluation_weights.youth_review=1e40:"
                + " the value must be a percentage from 0 to 100");
    }

    @Test
    void thresholdsFileValuesAreCheckedTheSameWay() throws Exception {
        RulesCopy.into(dir);
        RulesCopy.edit(dir, "thresholds.yaml", "rectification_days: 60", "rectification_days: 1e18");
        RulesCopy.edit(dir, "thresholds.yaml", "navigator_max_age: 35", "navigator_max_age: 35.5");
        Run run = Run.xuncha("check", "--lang", "en", "--rules", dir.toString(), SAMPLE);
        assertShortRefusal(run, "thresholds.yaml:34:21: error: threshold 'rectification_days' must be a whole number"
                + " of days from 0 to 3650, found '1e18'", "threshold 'navigator_max_age' must be a whole number of"
                + " years from 0 to 120, found 35.5");
    }

    @Test
    void localStandardsAreCheckedTheSameWay() throws Exception {
        RulesCopy.into(dir);
        RulesCopy.edit(dir, "thresholds.yaml", "rectification_days: 60", "rectification_days: 60\nlocal:\n"
                + "  yq-party: {rectification_days: 0.5}");
        assertShortRefusal(Run.xuncha("check", "--lang", "en", "--rules", dir.toString(), SAMPLE),
                "threshold 'rectification_days' must be a whole number of days from 0 to 3650, found 0.5");
    }

    @Test
    void ruleCaseThresholdsAreCheckedTheSameWay() throws Exception {
        RulesCopy.into(dir);
        RulesCopy.edit(dir, "tests/inspect.yaml", "    rule: INSPECT-02\n", "    rule: INSPECT-02\n"
                + "    thresholds: {rectification_days: 1e999999999}\n");
        assertShortRefusal(Run.xuncha("verify", "--lang", "en", "--rules", dir.toString()), "threshold 'rectification_days' must be a"
                + " whole number of days from 0 to 3650");
    }

    @Test
    void ruleCaseYearThatIsNotAYearIsLocated() throws Exception {
        RulesCopy.into(dir);
        RulesCopy.edit(dir, "tests/report.yaml", "  - name:", "  - year: twenty\n    name:");
        assertShortRefusal(Run.xuncha("verify", "--lang", "en", "--rules", dir.toString()), "tests/report.yaml:5:11: error: 'year' of a"
                + " case must be a year from 1900 to 2999, found 'twenty'");
    }
}
