package xuncha.render;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xuncha.Run;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlRendererTest {
    @TempDir
    Path dir;

    @Test
    void sampleReportIsOneSelfContainedPageWithEveryFindingAndItsEvidence() throws Exception {
        Path out = dir.resolve("report.html");
        Run run = Run.xuncha("check", "--format", "html", "--output", out.toString(), "fixtures/yangqu-2022.yaml");
        assertThat(run.status()).isEqualTo(1);
        String html = Files.readString(out);
        assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n")
                .contains("<html lang=\"zh-CN\">")
                .contains("巡察 23 个单位，运行 31 条规则，发现问题 24 个（违规 20，提醒 4）")
                .contains("依据：中共大盂镇委员会、2022年5月12日乡镇党委会")
                .doesNotContainPattern("(src|href)=\"?https?:")
                .doesNotContain("<link");
        assertThat(html.split("class=\"finding ", -1)).hasSize(25);
        assertThat(html.split("<section class=\"unit\"", -1)).hasSize(15);
        assertThat(html).contains("data-group=\"REPORT\"").contains("value=\"violation\"");
    }

    @Test
    void textFromTheFactsIsEscaped() throws Exception {
        Path facts = dir.resolve("f.yaml");
        Files.writeString(facts, """
                year: 2022
                as_of: 2022-10-24
                units:
                  - {id: c, name: "<script>alert('县')</script>", type: county_party_committee}
                """);
        Run run = Run.xuncha("check", "--format", "html", facts.toString());
        assertThat(run.out()).contains("&lt;script&gt;alert(&#39;县&#39;)&lt;/script&gt;")
                .doesNotContain("<script>alert");
    }
}
