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
        assertThat(dayu).startsWith("# 巡察反馈意见\n\n**中共大盂镇委员会**（dy-party）：")
                .contains("现将发现的2个问题反馈如下")
                .contains("1. **违规** 中共大盂镇委员会于2022年7月1日发展团员华阳入党")
                .contains("2. **提醒** 中共大盂镇委员会2022年截至10月24日")
                .contains("   - 违反要求：乡镇党委每年至少 2 次专题听取共青团工作汇报（REPORT-02）")
                .contains("   - 整改期限：2022年12月23日")
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
        int start = out.indexOf("To **中共大盂镇委员会** (dy-party):");
        assertThat(start).isPositive();
        int end = out.indexOf("\n---\n", start);
        String dayu = out.substring(start, end < 0 ? out.length() : end);
        assertThat(dayu).contains("found 1 problem:").contains("(RECRUIT-02)\n").doesNotContain("REPORT-02");
        assertThat(out).startsWith("# Inspection feedback\n\n");
    }

    @Test
    void everyFindingHasItsRectificationDeadlineInJson() throws Exception {
        JsonNode findings = new ObjectMapper().readTree(Run.xuncha("check", "--format", "json", SAMPLE).out())
                .get("findings");
        findings.forEach(f -> assertThat(f.get("deadline").asText()).isEqualTo("2022-12-23"));
    }
}
