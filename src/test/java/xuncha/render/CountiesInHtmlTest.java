package xuncha.render;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xuncha.Run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A report of several counties opens with a table per county and a county filter, and is grouped by county in the order of the organisation. */
class CountiesInHtmlTest {
    @TempDir
    Path dir;

    @Test
    void severalCountiesGetATablePerCountyAFilterAndSectionsInTheOrderOfTheOrganisation() throws IOException {
        Path html = dir.resolve("r.html");
        Path province = dir.resolve("province");
        Run.xuncha("gen", "--counties", "2", "--out", province.toString());
        Run.xuncha("check", "--format", "html", "--output", html.toString(), province.toString());
        String page = Files.readString(html);
        assertThat(page).contains("<caption>各县问题汇总</caption>", "<p>县： <label><input type=\"checkbox\" data-county");
        int table = page.indexOf("各县问题汇总");
        int firstSection = page.indexOf("<section");
        assertThat(table).isPositive().isLessThan(firstSection);
        // Each county's heading comes before its units, its party committee's section first.
        int countyHeading = page.indexOf("<h2 class=\"county\"");
        assertThat(countyHeading).isPositive().isLessThan(firstSection);
        assertThat(page.indexOf("<h2 class=\"county\"", countyHeading + 1)).isGreaterThan(firstSection);
        assertThat(page.indexOf("<section", countyHeading)).isEqualTo(page.indexOf("<section class=\"unit\" data-county=\"c001-party\"><h3>中共阳曲县委员会"));
        // A county without findings still has its row: the table is of the fact base's counties.
        Path two = dir.resolve("two.html");
        Run.xuncha("check", "--format", "html", "--output", two.toString(), "fixtures/two-counties");
        assertThat(Files.readString(two)).contains("<caption>各县问题汇总</caption>").containsPattern("<td>0</td><td>0</td><td>0</td>");
    }

    @Test
    void oneCountyHasNeitherTheTableNorTheFilterAndNamesUnitsWithoutIds() throws IOException {
        Path html = dir.resolve("r.html");
        Run.xuncha("check", "--format", "html", "--output", html.toString(), "fixtures/yangqu-2022.yaml");
        String page = Files.readString(html);
        assertThat(page).doesNotContain("各县问题汇总").doesNotContain("data-county=\"yq-party\"><label")
                .contains("<h3>共青团大盂镇委员会 <small>（中共大盂镇委员会、中共阳曲县委员会）</small></h3>")
                .doesNotContain("<small>(dy-league)</small>");
    }
}
