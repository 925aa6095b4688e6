package xuncha.render;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xuncha.Run;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Against a baseline, the HTML report opens with the round: the counts, the rate, what is new or back, what was rectified. */
class RoundsInHtmlTest {
    private static final String SAMPLE = "fixtures/yangqu-2022.yaml";

    @TempDir
    Path dir;

    @Test
    void theRoundComesFirstWithItsCountsAndWhatChanged() throws Exception {
        Path first = dir.resolve("first.json");
        Run.xuncha("check", "--format", "json", "--output", first.toString(), SAMPLE);
        String next = Files.readString(Path.of(SAMPLE))
                .replace("venue: \"\", annual_funds: 0", "venue: 东黄水镇青年之家, annual_funds: 0")
                .replace("recommended_by_league: true", "recommended_by_league: false");
        Path second = dir.resolve("second.yaml");
        Files.writeString(second, next);
        Path html = dir.resolve("r.html");
        Run run = Run.xuncha("check", "--format", "html", "--output", html.toString(), "--baseline", first.toString(),
                second.toString());
        assertThat(run.err()).isEmpty();
        String page = Files.readString(html);
        int rounds = page.indexOf("<div class=\"rounds\">");
        assertThat(rounds).isPositive().isLessThan(page.indexOf("<section"));
        assertThat(page).containsPattern("本轮对比：新发现 \\d+，仍存在 23，逾期未整改 \\d+，反弹 0，已整改 1，整改率 4%")
                .contains("<h2>本轮新发现和反弹的问题</h2>", "<h2>上轮以来已整改的问题</h2>",
                        "</span>共青团东黄水镇委员会没有活动阵地");
        assertThat(Run.xuncha("check", "--format", "html", SAMPLE).out()).doesNotContain("class=\"rounds\"");
    }
}
