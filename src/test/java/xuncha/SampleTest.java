package xuncha;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The spec's sample gives exactly the findings of examples/yangqu-2022.expected.md. */
class SampleTest {
    private static final String SAMPLE = "fixtures/yangqu-2022.yaml";

    @Test
    void sampleGivesExactlyItsTwentyFourExpectedFindingsInJson() throws Exception {
        Run run = Run.xuncha("check", "--format", "json", SAMPLE);
        assertThat(run.err()).isEmpty();
        assertThat(run.status()).isEqualTo(1);
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertThat(report.get("version").asInt()).isEqualTo(1);
        assertThat(report.get("year").asInt()).isEqualTo(2022);
        assertThat(report.get("as_of").asText()).isEqualTo("2022-10-24");
        assertThat(report.get("rules").asInt()).isEqualTo(31);
        assertThat(report.get("units").asInt()).isEqualTo(23);
        assertThat(report.get("counts").get("violation").asInt()).isEqualTo(20);
        assertThat(report.get("counts").get("warning").asInt()).isEqualTo(4);

        List<String> actual = new ArrayList<>();
        for (JsonNode f : report.get("findings")) {
            assertThat(f.get("title").asText()).isNotBlank();
            assertThat(f.get("message").asText()).isNotBlank().doesNotContain("{");
            assertThat(f.get("unit_name").asText()).isNotBlank();
            actual.add(String.join("\t", f.get("rule").asText(), f.get("unit").asText(), f.get("level").asText(),
                    f.get("person").isNull() ? "" : f.get("person").asText()));
        }
        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected());
    }

    @Test
    void everyFindingCarriesItsEvidence() throws Exception {
        JsonNode findings = new ObjectMapper().readTree(Run.xuncha("check", "--format", "json", SAMPLE).out())
                .get("findings");
        for (JsonNode f : findings) {
            JsonNode evidence = f.get("evidence");
            assertThat(evidence.get("facts")).as(f.get("rule").asText()).isNotEmpty();
            assertThat(evidence.get("facts").get(0).asText()).isEqualTo(f.get("unit").asText());
            assertThat(evidence.get("thresholds").isObject()).isTrue();
        }
        JsonNode dayu = null;
        for (JsonNode f : findings) {
            if (f.get("rule").asText().equals("REPORT-02") && f.get("unit").asText().equals("dy-party")) {
                dayu = f.get("evidence");
            }
        }
        assertThat(dayu).isNotNull();
        assertThat(dayu.get("facts").toString()).isEqualTo("[\"dy-party\",\"dy-pc-2022-05\"]");
        assertThat(dayu.get("expected").asInt()).isEqualTo(2);
        assertThat(dayu.get("actual").asInt()).isEqualTo(1);
        assertThat(dayu.get("missing").asInt()).isEqualTo(1);
        assertThat(dayu.get("thresholds").toString()).isEqualTo("{\"township_league_reports_per_year\":2}");
    }

    @Test
    void explainPrintsTheEvidenceUnderEachFinding() {
        Run run = Run.xuncha("check", "--explain", SAMPLE);
        assertThat(run.out()).contains("依据：中共大盂镇委员会、2022年5月12日乡镇党委会\n")
                .contains("要求 2，实际 1，还差 1\n")
                .contains("阈值：乡镇党委每年专题听取共青团工作汇报次数 2\n")
                .contains("整改期限：2022年12月31日（年底前补足）\n")
                .contains("阈值：入党一般应为团员的最高年龄 28 周岁")
                .contains("整改期限：2022年7月19日（已逾期 97 天）\n");
    }

    @Test
    void findingsAreOrderedByUnitThenRuleThenPerson() throws Exception {
        JsonNode findings = new ObjectMapper().readTree(Run.xuncha("check", "--format", "json", SAMPLE).out())
                .get("findings");
        List<String> keys = new ArrayList<>();
        for (JsonNode f : findings) {
            keys.add(f.get("unit").asText() + "\u0000" + f.get("rule").asText() + "\u0000"
                    + (f.get("person").isNull() ? "" : f.get("person").asText()));
        }
        assertThat(keys).isSorted();
    }

    @Test
    void textReportGroupsByUnitAndClosesWithTheTally() {
        Run run = Run.xuncha("check", SAMPLE);
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).contains("中共大盂镇委员会 (dy-party)")
                .contains("提醒  REPORT-02")
                .contains("还差 1 次")
                .endsWith("巡察 23 个单位，运行 31 条规则，发现问题 24 个（违规 20，提醒 4）\n");
    }

    @Test
    void englishReportSaysTheSameInEnglish() {
        Run run = Run.xuncha("check", "--lang", "en", SAMPLE);
        assertThat(run.out()).contains("1 more needed")
                .endsWith("Checked 23 units with 31 rules: 24 findings (20 violations, 4 warnings)\n");
    }

    @Test
    void failOnDecidesTheExitStatus() {
        assertThat(Run.xuncha("check", "--fail-on", "never", SAMPLE).status()).isZero();
        assertThat(Run.xuncha("check", "--fail-on", "warning", SAMPLE).status()).isEqualTo(1);
    }

    static List<String> expected() throws Exception {
        return Files.readAllLines(Path.of("fixtures/yangqu-2022.expected.tsv")).stream()
                .filter(l -> !l.startsWith("#") && !l.isBlank())
                .map(l -> l.split("\t", -1).length == 3 ? l + "\t" : l)
                .toList();
    }
}
