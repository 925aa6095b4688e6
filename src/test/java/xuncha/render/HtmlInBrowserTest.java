package xuncha.render;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xuncha.Run;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTML report in a real browser: Debian's headless Chromium loads the sample's page, runs its
 * script and gives back the DOM. CI installs Chromium (.ci/run); where it is absent the test is skipped.
 */
class HtmlInBrowserTest {
    @TempDir
    Path dir;

    private static String chromium() {
        for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        return null;
    }

    private String dom(Path html, String fragment) throws Exception {
        String browser = chromium();
        Assumptions.assumeTrue(browser != null, "no Chromium on this machine");
        Path out = dir.resolve("dom.html");
        Process p = new ProcessBuilder(browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + dir.resolve("profile"), "--dump-dom", html.toUri() + fragment)
                .redirectOutput(out.toFile()).redirectError(dir.resolve("err.txt").toFile()).start();
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).isTrue();
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void sampleReportRendersEveryFindingAndItsFiltersWorkInChromium() throws Exception {
        Path html = dir.resolve("report.html");
        Run.xuncha("check", "--format", "html", "--output", html.toString(), "fixtures/yangqu-2022.yaml");
        String all = dom(html, "");
        assertThat(all).contains("巡察 23 个单位，运行 31 条规则，发现问题 24 个（违规 20，提醒 4）");
        assertThat(count(all, "class=\"finding (violation|warning)\"")).isEqualTo(24);

        String warnings = dom(html, "#level=warning");
        assertThat(count(warnings, "class=\"finding warning\"")).isEqualTo(4);
        assertThat(count(warnings, "class=\"finding violation hidden\"")).isEqualTo(20);
    }
}
