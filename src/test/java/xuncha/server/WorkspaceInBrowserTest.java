package xuncha.server;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main flows in a real browser (Debian's Chromium through chromedriver, headless, 1366×768), on
 * SQLite and PostgreSQL: an inspector records a round from uploaded files; a clerk sees only its unit
 * and claims a problem with an evidence file; the inspector accepts it and the dashboard's rate
 * changes. Screenshots of the pages go to target/screenshots. Skipped where Chromium or its driver is
 * missing, except under {@code XUNCHA_REQUIRE_BROWSER} (.ci/run sets it): then it fails.
 */
class WorkspaceInBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    Path dir;

    static List<String> kinds() {
        return List.of("sqlite", "postgresql");
    }

    private WebDriver browser() throws Exception {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
            if (System.getenv("XUNCHA_REQUIRE_BROWSER") != null) {
                throw new IllegalStateException("Chromium and chromedriver are required (XUNCHA_REQUIRE_BROWSER)");
            }
            Assumptions.abort("no Chromium or chromedriver on this machine");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1366,768", "--lang=zh-CN",
                "--user-data-dir=" + Files.createTempDirectory(dir, "profile"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        return driver;
    }

    private static void signIn(WebDriver b, Served s, String who) {
        b.get(s.uri("/login").toString());
        b.findElement(By.name("name")).sendKeys(Served.USERS.get(who)[0]);
        b.findElement(By.name("password")).sendKeys(Served.USERS.get(who)[1]);
        submit(b, b.findElement(By.cssSelector("form button[type=submit]")));
    }

    private static void signOut(WebDriver b) {
        submit(b, b.findElement(By.cssSelector("form.logout button")));
    }

    /** Clicks a form's button and waits for the page it leads to. */
    private static void submit(WebDriver b, WebElement button) {
        button.click();
        new org.openqa.selenium.support.ui.WebDriverWait(b, Duration.ofSeconds(20))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(button));
    }

    private static void shot(WebDriver b, String name) throws Exception {
        ((org.openqa.selenium.JavascriptExecutor) b).executeScript("window.scrollTo(0, 0)");
        Path out = Path.of("target", "screenshots");
        Files.createDirectories(out);
        File png = ((TakesScreenshot) b).getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), out.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static String rate(WebDriver b) {
        return b.findElements(By.cssSelector(".tile b")).get(2).getText();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void anInspectorAndAClerkWorkARoundThroughInTheBrowser(String kind) throws Exception {
        String db = kind.equals("sqlite") ? dir.resolve("x.db").toString() : xuncha.ledger.PostgresHarness.newDatabase();
        WebDriver b = browser();
        try (Served served = new Served(dir, db)) {
            signIn(b, served, "inspector");
            assertThat(b.findElement(By.tagName("h1")).getText()).isEqualTo("整改总览");
            String before = rate(b);

            b.findElement(By.linkText("巡察轮次")).click();
            b.findElement(By.name("name")).sendKeys("2022年第二轮");
            b.findElement(By.name("files")).sendKeys(Path.of("fixtures/yangqu-2022.yaml").toAbsolutePath().toString());
            submit(b, b.findElement(By.cssSelector("form[action='/rounds'] button")));
            assertThat(b.findElement(By.tagName("h1")).getText()).isEqualTo("整改总览");
            b.findElement(By.linkText("巡察轮次")).click();
            assertThat(b.findElement(By.tagName("main")).getText()).contains("2022年第二轮");
            signOut(b);

            signIn(b, served, "clerk");
            assertThat(b.findElement(By.tagName("h1")).getText()).isEqualTo("单位问题清单");
            String units = b.findElement(By.tagName("main")).getText();
            assertThat(units).contains(Served.SCHOOL).doesNotContain(Served.FINANCE);
            b.findElement(By.partialLinkText("阳曲县第二中学")).click();
            if (kind.equals("sqlite")) {
                shot(b, "workspace-unit");
            }
            String fp = served.problemAt(Served.SCHOOL);
            // A self-audit of a file with a typing mistake: located, with its line, in Chinese.
            b.findElement(By.linkText("自查")).click();
            Path broken = dir.resolve("二中自查.yaml");
            Files.writeString(broken, Files.readString(Path.of("fixtures/yangqu-2022.yaml"))
                    .replace("name: 许刚, birth_date: 1985-03-03", "name：许刚, birth_date: 1985-03-03"));
            b.findElement(By.name("files")).sendKeys(broken.toString());
            submit(b, b.findElement(By.cssSelector("form[action='/audit'] button")));
            assertThat(b.findElement(By.cssSelector("ol.mistakes")).getText()).contains("二中自查.yaml:");
            if (kind.equals("sqlite")) {
                shot(b, "workspace-audit");
            }
            b.findElement(By.linkText("单位问题清单")).click();
            b.findElement(By.partialLinkText("阳曲县第二中学")).click();
            b.findElement(By.cssSelector("a[href='/claims/" + fp + "']")).click();
            b.findElement(By.name("measures")).sendKeys("召开学校少工委成立大会，选举产生少工委委员");
            b.findElement(By.name("responsible")).sendKeys("李敏");
            b.findElement(By.name("status")).sendKeys("已完成");
            Path evidence = dir.resolve("少工委成立会议记录.pdf");
            Files.writeString(evidence, "%PDF-1.4 会议记录");
            b.findElement(By.name("evidence")).sendKeys(evidence.toString());
            if (kind.equals("sqlite")) {
                shot(b, "workspace-claim");
            }
            submit(b, b.findElement(By.cssSelector("form[enctype] button")));
            WebElement row = b.findElement(By.id("p-" + fp));
            assertThat(row.getText()).contains("已报整改", "召开学校少工委成立大会");
            signOut(b);

            signIn(b, served, "inspector");
            b.findElement(By.linkText("审核整改")).click();
            WebElement card = b.findElement(By.id("r-" + fp));
            assertThat(card.getText()).contains("少工委成立会议记录.pdf");
            card.findElement(By.name("note")).sendKeys("整改到位");
            submit(b, card.findElement(By.cssSelector("button[value=accept]")));
            b.findElement(By.linkText("总览")).click();
            assertThat(rate(b)).isNotEqualTo(before);
            if (kind.equals("sqlite")) {
                shot(b, "workspace-dashboard");
            }
        } finally {
            b.quit();
        }
    }
}
