package xuncha.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xuncha.Run;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class LettersRendererTest {
    private static final String SAMPLE = "fixtures/yangqu-2022.yaml";

    @TempDir
    Path dir;

    @Test
    void oneFeedbackLetterPerUnitWithFindingsNumberedWithRequirementAndDeadline() throws Exception {
        Path letters = dir.resolve("letters");
        Run run = Run.xuncha("check", "--format", "letters-md", "--output", letters.toString(), SAMPLE);
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        try (var files = Files.list(letters)) {
            assertThat(files).hasSize(14);
        }
        String dayu = Files.readString(letters.resolve("dy-party.md"));
        assertThat(dayu).startsWith("# 巡察反馈意见\n\n**中共大盂镇委员会**：")
                .contains("现将发现的2个问题反馈如下")
                .contains("1. **违规** 中共大盂镇委员会于2022年7月1日发展团员华阳入党")
                .contains("2. **提醒** 中共大盂镇委员会2022年截至10月24日")
                .contains("   - 违反要求：乡镇党委每年至少 2 次专题听取共青团工作汇报（REPORT-02）")
                .contains("   - 整改期限：2022年12月23日")
                .contains("   - 整改期限：2022年12月31日（年底前补足）")
                .doesNotContain("dy-party").doesNotContain("adm-2")
                .contains("整改情况报告：");
    }

    @Test
    void waivedFindingsAreNotFedBackAndEnglishLettersReadAsEnglish() throws Exception {
        Path w = dir.resolve("w.yaml");
        Files.writeString(w, "waivers:\n  - {rule: REPORT-02, unit: dy-party, reason: x, approved_by: y,"
                + " approved_on: 2022-09-01, expires: 2023-06-30}\n");
        Run run = Run.xuncha("check", "--format", "letters-md", "--lang", "en", "--waivers", w.toString(),
                "--unit", "dy-party", SAMPLE);
        String out = run.out();
        int start = out.indexOf("To **中共大盂镇委员会**:");
        assertThat(start).isPositive();
        int end = out.indexOf("\n---\n", start);
        String dayu = out.substring(start, end < 0 ? out.length() : end);
        assertThat(dayu).contains("found 1 problem:").contains("(RECRUIT-02)\n").doesNotContain("REPORT-02");
        assertThat(out).startsWith("# Inspection feedback\n\n");
    }

    /**
     * Each rule says how its deadline is computed: INSPECT-02 the problem's own (fed back 2022-05-20 +
     * 60 days, already past: overdue from the first round), a pro-rated count the end of the year
     * while it is open, every other rule the rectification period from the as-of day.
     */
    @Test
    void everyFindingHasTheDeadlineItsRuleSaysInJson() throws Exception {
        JsonNode findings = new ObjectMapper().readTree(Run.xuncha("check", "--format", "json", SAMPLE).out())
                .get("findings");
        assertThat(findings).hasSize(24);
        findings.forEach(f -> {
            String rule = f.get("rule").asText();
            String[] expected = switch (rule) {
                case "INSPECT-02" -> new String[] {"2022-07-19", "finding", "true"};
                case "REPORT-02" -> new String[] {"2022-12-31", "year_end", "false"};
                default -> new String[] {"2022-12-23", "rectification", "false"};
            };
            assertThat(new String[] {f.get("deadline").asText(), f.get("deadline_basis").asText(),
                    f.get("overdue").asText()}).as(rule).containsExactly(expected);
        });
    }

    @Test
    void aYearCountPastTheYearsEndGetsTheRectificationPeriod() throws Exception {
        Path late = dir.resolve("late.yaml");
        Files.writeString(late, Files.readString(Path.of(SAMPLE)).replace("as_of: 2022-10-24", "as_of: 2023-01-10"));
        JsonNode findings = new ObjectMapper().readTree(Run.xuncha("check", "--format", "json", late.toString()).out())
                .get("findings");
        assertThat(findings).filteredOn(f -> f.get("rule").asText().equals("REPORT-02")).isNotEmpty()
                .allSatisfy(f -> {
                    assertThat(f.get("deadline").asText()).isEqualTo("2023-03-11");
                    assertThat(f.get("deadline_basis").asText()).isEqualTo("rectification");
                });
    }
}
