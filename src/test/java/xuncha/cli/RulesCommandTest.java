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

class RulesCommandTest {
    @TempDir
    Path dir;

    private static JsonNode rule(JsonNode catalogue, String id) {
        for (JsonNode r : catalogue.get("rules")) {
            if (r.get("id").asText().equals(id)) {
                return r;
            }
        }
        throw new AssertionError("no rule " + id);
    }

    @Test
    void catalogueListsAllThirtyOneRulesWithTitlesThresholdsAndCitations() throws Exception {
        Run run = Run.xuncha("rules", "--lang", "en", "--format", "json");
        assertThat(run.status()).isZero();
        JsonNode catalogue = new ObjectMapper().readTree(run.out());
        List<String> ids = new ArrayList<>();
        for (JsonNode r : catalogue.get("rules")) {
            ids.add(r.get("id").asText());
            assertThat(r.get("title").get("zh").asText()).isNotBlank().doesNotContain("{");
            assertThat(r.get("title").get("en").asText()).isNotBlank().doesNotContain("{");
            assertThat(r.get("cites").asText()).isNotBlank();
            assertThat(r.get("level").asText()).isIn("violation", "warning", "pro-rated");
        }
        assertThat(ids).hasSize(31).isSorted().doesNotHaveDuplicates();
        JsonNode report02 = rule(catalogue, "REPORT-02");
        assertThat(report02.get("thresholds").get("township_league_reports_per_year").asInt()).isEqualTo(2);
        assertThat(report02.get("title").get("zh").asText()).isEqualTo("乡镇党委每年至少 2 次专题听取共青团工作汇报");
        assertThat(rule(catalogue, "ASSESS-02").get("thresholds").get("evaluation_weights").get("league_report").asInt())
                .isEqualTo(30);
    }

    @Test
    void catalogueShowsTheThresholdsOfTheFolderInUse() throws Exception {
        try (var files = Files.list(Path.of("rules"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        Path t = dir.resolve("thresholds.yaml");
        Files.writeString(t, Files.readString(t).replace("township_league_reports_per_year: 2",
                "township_league_reports_per_year: 3"));
        Run run = Run.xuncha("rules", "--rules", dir.toString());
        assertThat(run.out()).contains("乡镇党委每年至少 3 次专题听取共青团工作汇报")
                .contains("township_league_reports_per_year = 3").endsWith("共 31 条规则\n")
                .contains("ASSESS-01   违规       团的工作纳入", "REPORT-02   按进度     乡镇党委每年至少 3 次");
        assertThat(Run.xuncha("rules", "--lang", "en", "--rules", dir.toString()).out())
                .contains("REPORT-02   pro-rated  A township party committee").endsWith("31 rules\n");
    }

    @Test
    void brokenPackIsExitTwo() throws Exception {
        Run run = Run.xuncha("rules", "--lang", "en", "--rules", dir.resolve("none").toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("error: no such rules folder");
    }
}
