package xuncha;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The built jar, run as a user runs it, outside the source tree: the built-in pack checks the sample. */
class JarIT {
    @Test
    void builtJarChecksTheSampleFromAnotherFolderWithItsBuiltInRules() throws Exception {
        Path jar = Path.of("target/xuncha.jar").toAbsolutePath();
        Path sample = Path.of("fixtures/yangqu-2022.yaml").toAbsolutePath();
        Path elsewhere = Files.createTempDirectory("xuncha-it");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "check", sample.toString())
                .directory(elsewhere.toFile())
                .redirectError(elsewhere.resolve("err.txt").toFile())
                .redirectOutput(elsewhere.resolve("out.txt").toFile())
                .start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String out = Files.readString(elsewhere.resolve("out.txt"), StandardCharsets.UTF_8);
        String err = Files.readString(elsewhere.resolve("err.txt"), StandardCharsets.UTF_8);
        assertThat(err).isEmpty();
        assertThat(p.exitValue()).isEqualTo(1);
        assertThat(out).endsWith("巡察 23 个单位，运行 31 条规则，发现问题 24 个（违规 20，提醒 4）" + System.lineSeparator());
        new File(elsewhere.toFile(), "out.txt").delete();
        new File(elsewhere.toFile(), "err.txt").delete();
        Files.delete(elsewhere);
    }

    /**
     * Every format from the shaded jar, on generated county folders: what the shading could break
     * (POI, its logging routed to SLF4J, the SARIF model, Drools' services) shows here, not in a user's hands.
     */
    @Test
    void builtJarGeneratesCountiesAndWritesEveryFormatWithNothingOnStandardError() throws Exception {
        Path jar = Path.of("target/xuncha.jar").toAbsolutePath();
        Path dir = Files.createTempDirectory("xuncha-it-all");
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        assertThat(run(dir, javaBin, "-jar", jar.toString(), "gen", "--counties", "3", "--out", "province")).isZero();
        assertThat(run(dir, javaBin, "-jar", jar.toString(), "check", "--fail-on", "never", "--output-dir", "out",
                "province")).isZero();
        assertThat(Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8)).isEmpty();
        for (String f : new String[] {"report.txt", "report.json", "report.html", "report.xlsx", "report.sarif",
                "report.junit.xml"}) {
            assertThat(Files.size(dir.resolve("out").resolve(f))).as(f).isPositive();
        }
        assertThat(dir.resolve("out/letters")).isDirectory();
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static int run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile())
                .redirectError(dir.resolve("err.txt").toFile())
                .redirectOutput(dir.resolve("out.txt").toFile())
                .start();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
        return p.exitValue();
    }
}
