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

import static org.assertj.core.api.Assertions.assertThat;

class ImpactCommandTest {
    private static final String SAMPLE = "fixtures/yangqu-2022.yaml";

    @TempDir
    Path edited;

    @BeforeEach
    void copyThePack() throws IOException {
        RulesCopy.into(edited);
    }

    private void edit(String file, String from, String to) throws IOException {
        RulesCopy.edit(edited, file, from, to);
    }

    private JsonNode impact() throws IOException {
        Run run = Run.xuncha("impact", "--lang", "en", "--base", "rules", "--rules", edited.toString(), "--format", "json", SAMPLE);
        assertThat(run.status()).isZero();
        return new ObjectMapper().readTree(run.out());
    }

    @Test
    void oneReportAYearForTownshipsRemovesExactlyDayusFinding() throws IOException {
        edit("thresholds.yaml", "township_league_reports_per_year: 2", "township_league_reports_per_year: 1");
        JsonNode impact = impact();
        assertThat(impact.get("appeared")).isEmpty();
        assertThat(impact.get("changed")).isEmpty();
        assertThat(impact.get("disappeared")).hasSize(1);
        assertThat(impact.get("disappeared").get(0).get("rule").asText()).isEqualTo("REPORT-02");
        assertThat(impact.get("disappeared").get(0).get("unit").asText()).isEqualTo("dy-party");
        assertThat(Run.xuncha("impact", "--base", "rules", "--rules", edited.toString(), SAMPLE).out())
                .endsWith("新增 0 个，不再发现 1 个，级别改变 0 个\n");
    }

    @Test
    void raisingALevelShowsEachFindingThatChanged() throws IOException {
        edit("report.drl", "@id(\"REPORT-02\")\n    @level(\"pro-rated\")", "@id(\"REPORT-02\")\n    @level(\"violation\")");
        JsonNode changed = impact().get("changed");
        assertThat(changed).hasSize(2);
        for (JsonNode c : changed) {
            assertThat(c.get("rule").asText()).isEqualTo("REPORT-02");
            assertThat(c.get("from").asText()).isEqualTo("warning");
            assertThat(c.get("to").asText()).isEqualTo("violation");
            assertThat(c.get("after").get("level").asText()).isEqualTo("violation");
        }
    }

    @Test
    void stricterThresholdMakesFindingsAppear() throws IOException {
        edit("thresholds.yaml", "counselor_min_monthly_allowance: 1000", "counselor_min_monthly_allowance: 1200");
        JsonNode appeared = impact().get("appeared");
        assertThat(appeared).hasSize(1);
        assertThat(appeared.get(0).get("person").asText()).isEqualTo("p-coun-1");
    }

    @Test
    void samePackChangesNothing() throws IOException {
        JsonNode impact = impact();
        assertThat(impact.get("appeared")).isEmpty();
        assertThat(impact.get("disappeared")).isEmpty();
        assertThat(impact.get("changed")).isEmpty();
    }

    @Test
    void missingBaseFolderIsExitTwo() {
        Run run = Run.xuncha("impact", "--lang", "en", "--base", edited.resolve("nope").toString(), SAMPLE);
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("error: no such rules folder");
    }

    /** impact runs two packs over real facts: the same session limits as check guard both. */
    @Test
    void theEditedPackIsHeldToTheSessionLimits() throws IOException {
        java.nio.file.Files.writeString(edited.resolve("zz.drl"), """
                package xuncha.rules;
                import xuncha.facts.*;
                declare Tick
                    n : int
                end
                rule "flood"
                    @derive
                when
                    $t : Tick()
                then
                    insert(new Tick($t.getN() + 1));
                end
                rule "start"
                    @derive
                when
                    Unit(type == UnitType.COUNTY_PARTY_COMMITTEE)
                then
                    insert(new Tick(0));
                end
                """);
        Run run = Run.xuncha("impact", "--lang", "en", "--base", "rules", "--rules", edited.toString(), "--max-inserted", "5000",
                SAMPLE);
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("zz.drl:").contains("after more than 5,000 facts inserted by rules");
        Run bad = Run.xuncha("impact", "--lang", "en", "--base", "rules", "--max-firings", "0", SAMPLE);
        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.err()).contains("--max-firings and --max-inserted must be at least 1")
                .startsWith("xuncha impact: ").doesNotContain("internal error");
    }
}
