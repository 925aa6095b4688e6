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
        assertThat(Run.xuncha("check", "--format", "pdf", SAMPLE).err())
                .contains("unknown --format 'pdf' (allowed: text, json)");
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
        Run run = Run.xuncha("check", "fixtures/two-counties", file.toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains(file + ":2:31: error: grid 'b-town' of person 'x' is in county 'b-party',"
                + " but the role is held in county 'a-party'");
    }
}
