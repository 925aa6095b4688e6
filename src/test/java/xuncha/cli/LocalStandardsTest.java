package xuncha.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xuncha.Run;
import xuncha.RulesCopy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A county's local thresholds apply to it and everything under it, and only there. */
class LocalStandardsTest {
    @TempDir
    Path rules;

    @BeforeEach
    void copyThePack() throws IOException {
        RulesCopy.into(rules);
    }

    private void local(String yaml) throws IOException {
        Path t = rules.resolve("thresholds.yaml");
        Files.writeString(t, Files.readString(t) + "\nlocal:\n" + yaml);
    }

    @Test
    void stricterLocalStandardAppliesToItsCountyOnlyAndTheEvidenceSaysWhichValue() throws IOException {
        local("  a-party: {township_league_reports_per_year: 3}\n");
        Run run = Run.xuncha("check", "--format", "json", "--rules", rules.toString(), "fixtures/two-counties");
        List<String> report02 = new ArrayList<>();
        for (JsonNode f : new ObjectMapper().readTree(run.out()).get("findings")) {
            if (f.get("rule").asText().equals("REPORT-02")) {
                report02.add(f.get("unit").asText() + " " + f.get("evidence").get("thresholds")
                        .get("township_league_reports_per_year").asText() + " " + f.get("title").asText());
            }
        }
        assertThat(report02).containsExactly("a-town 3 乡镇党委每年至少 3 次专题听取共青团工作汇报",
                "b-town 2 乡镇党委每年至少 2 次专题听取共青团工作汇报");
    }

    @Test
    void laxerLocalValueRemovesThatCountysFinding() throws IOException {
        local("  b-party: {township_league_reports_per_year: 1}\n");
        Run run = Run.xuncha("check", "--lang", "en", "--rules", rules.toString(), "fixtures/two-counties");
        assertThat(run.out()).doesNotContain("REPORT-02");
    }

    @Test
    void localOverrideOfAnUnknownThresholdOrABadCountyIdIsCaughtByLintAndRefusedByCheck() throws IOException {
        local("  a-party: {township_reports_per_year: 3}\n  A_Party: {navigator_max_age: 30}\n");
        Run lint = Run.xuncha("lint", "--lang", "en", "--rules", rules.toString());
        assertThat(lint.status()).isEqualTo(1);
        assertThat(lint.out()).containsPattern(rules + "/thresholds.yaml:\\d+:13: error: local threshold"
                        + " 'township_reports_per_year' of 'a-party' is not a threshold of this file; did you mean"
                        + " 'township_league_reports_per_year'\\?")
                .containsPattern(rules + "/thresholds.yaml:\\d+:3: error: 'A_Party' under 'local' is not a county party"
                        + " committee's id");
        assertThat(Run.xuncha("check", "--lang", "en", "--rules", rules.toString(), "fixtures/two-counties").status()).isEqualTo(2);
    }

    @Test
    void localValueOfTheWrongShapeIsRefused() throws IOException {
        local("  a-party: {evaluation_weights: 30}\n");
        Run run = Run.xuncha("check", "--lang", "en", "--rules", rules.toString(), "fixtures/two-counties");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("error: threshold 'evaluation_weights' must be a mapping of");
    }

    @Test
    void setForOneRunWinsOverALocalValue() throws IOException {
        local("  a-party: {township_league_reports_per_year: 3}\n");
        Run run = Run.xuncha("check", "--lang", "en", "--rules", rules.toString(), "--set", "township_league_reports_per_year=1",
                "fixtures/two-counties");
        assertThat(run.out()).doesNotContain("REPORT-02");
    }
}
