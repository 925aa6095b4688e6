package xuncha.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xuncha.Run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CheckCommandTest {
    private static final String SAMPLE = "fixtures/yangqu-2022.yaml";

    @TempDir
    Path dir;

    @Test
    void outputFileGetsTheReportAndNothingGoesToStandardOutput() throws Exception {
        Path out = dir.resolve("report.json");
        Run run = Run.xuncha("check", "--format", "json", "--output", out.toString(), SAMPLE);
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(new ObjectMapper().readTree(out.toFile()).get("findings")).hasSize(24);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(out);
        }
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(out)))
                .isEqualTo("rw-r--r--");
    }

    @Test
    void failedRunLeavesAnEarlierOutputFileAsItWas() throws Exception {
        Path out = dir.resolve("report.json");
        Files.writeString(out, "earlier report");
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "year: 2022\nas_of: 2022-13-01\n");
        Run run = Run.xuncha("check", "--output", out.toString(), bad.toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(Files.readString(out)).isEqualTo("earlier report");
    }

    @Test
    void badOptionsAreExitTwoWithoutAStackTrace() {
        for (String[] args : List.of(new String[] {"check", "--format", "pdf", SAMPLE},
                new String[] {"check", "--lang", "fr", SAMPLE},
                new String[] {"check", "--fail-on", "sometimes", SAMPLE},
                new String[] {"check", "--encoding", "no-such-charset", SAMPLE},
                new String[] {"check"},
                new String[] {"chekc", SAMPLE})) {
            Run run = Run.xuncha(args);
            assertThat(run.status()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(run.err()).as(String.join(" ", args)).isNotBlank().doesNotContain("\tat ");
        }
    }

    @Test
    void unknownFormatListsTheFormats() {
        assertThat(Run.xuncha("check", "--lang", "en", "--format", "pdf", SAMPLE).err())
                .contains("unknown --format 'pdf' (allowed: text, json, html, xlsx, sarif, junit, letters, letters-md)");
    }

    @Test
    void multiFileFactBaseResolvesReferencesAcrossFilesAndJudgesEachCountyOnItsOwn() throws Exception {
        Run run = Run.xuncha("check", "--format", "json", "fixtures/two-counties");
        assertThat(run.err()).isEmpty();
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertThat(report.get("units").asInt()).isEqualTo(8);
        List<String> findings = new ArrayList<>();
        report.get("findings").forEach(f -> findings.add(f.get("rule").asText() + " " + f.get("unit").asText()
                + " " + f.get("level").asText()));
        assertThat(findings).containsExactly("LEAD-01 b-league violation", "REPORT-02 b-town violation");
    }

    @Test
    void sameFileNamedTwiceIsReadOnce() {
        Run run = Run.xuncha("check", "--fail-on", "never", SAMPLE, "fixtures/yangqu-2022.yaml", "./" + SAMPLE);
        assertThat(run.status()).isZero();
        assertThat(run.err()).isEmpty();
    }

    @Test
    void gridInAnotherCountyIsRefused() throws Exception {
        Path file = dir.resolve("grid.yaml");
        Files.writeString(file, """
                people:
                  - {id: x, name: 跨县, roles: [{unit: a-league, role: youth_work_committee_member, source: other, grid: b-town}]}
                """);
        Run run = Run.xuncha("check", "--lang", "en", "fixtures/two-counties", file.toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains(file + ":2:31: error: grid 'b-town' of person 'x' is in county 'b-party',"
                + " but the role is held in county 'a-party'");
    }

    @Test
    void ruleAndUnitRestrictTheRunToThatRuleAndThatUnitWithEverythingUnderIt() {
        Run run = Run.xuncha("check", "--rule", "REPORT-02", "--unit", "dy-party", SAMPLE);
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("中共大盂镇委员会 (dy-party)").doesNotContain("dhs-party")
                .endsWith("巡察 5 个单位，运行 1 条规则，发现问题 1 个（违规 0，提醒 1）\n");
    }

    @Test
    void setChangesAThresholdForOneRunAndTheEvidenceSaysSo() throws Exception {
        Run run = Run.xuncha("check", "--format", "json", "--rule", "REPORT-02", "--set",
                "township_league_reports_per_year=1", SAMPLE);
        JsonNode findings = new ObjectMapper().readTree(run.out()).get("findings");
        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).get("unit").asText()).isEqualTo("dhs-party");
        assertThat(findings.get(0).get("title").asText()).isEqualTo("乡镇党委每年至少 1 次专题听取共青团工作汇报");
        assertThat(findings.get(0).get("evidence").get("thresholds").get("township_league_reports_per_year").asInt())
                .isEqualTo(1);
    }

    @Test
    void setOfAPartOfAMappingThreshold() throws Exception {
        Run run = Run.xuncha("check", "--format", "json", "--rule", "ASSESS-02",
                "--set", "evaluation_weights.field_inspection=25", "--set", "evaluation_weights.youth_review=25",
                "--set", "evaluation_weights.league_report=25", "--set", "evaluation_weights.party_government=25", SAMPLE);
        List<String> units = new ArrayList<>();
        new ObjectMapper().readTree(run.out()).get("findings").forEach(f -> units.add(f.get("unit").asText()));
        assertThat(units).containsExactly("dy-league", "hz-league");
    }

    @Test
    void restrictionsNamingWhatDoesNotExistAreExitTwoWithASuggestion() {
        assertThat(Run.xuncha("check", "--lang", "en", "--rule", "REPORT-2", SAMPLE).err())
                .contains("--rule: no rule 'REPORT-2' in the pack; did you mean 'REPORT-02'?");
        assertThat(Run.xuncha("check", "--lang", "en", "--unit", "dy-prty", SAMPLE).err())
                .contains("--unit: no unit 'dy-prty' in the facts; did you mean 'dy-party'?");
        Run set = Run.xuncha("check", "--lang", "en", "--set", "navigator_max_age=old", SAMPLE);
        assertThat(set.status()).isEqualTo(2);
        assertThat(set.err()).contains("--set navigator_max_age=old: the value must be a whole number of years"
                + " from 0 to 120, found 'old'");
        assertThat(Run.xuncha("check", "--lang", "en", "--set", "evaluation_weights=20", SAMPLE).err())
                .contains("threshold 'evaluation_weights' is a mapping: set one of its parts");
    }
}
