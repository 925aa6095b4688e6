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
}
