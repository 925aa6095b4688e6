package xuncha;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The release as an office gets it: target/xuncha-<version>.zip unpacked in a temp folder and run
 * by its own launcher on a PATH that holds a Java runtime and the shell's tools, and no Maven.
 */
class ReleaseIT {
    @Test
    void theUnpackedReleaseChecksTheSampleWithOnlyAJavaRuntime() throws Exception {
        Path zip;
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            zip = files.filter(f -> f.getFileName().toString().matches("xuncha-.+\\.zip")).findFirst().orElseThrow();
        }
        Path dir = Files.createTempDirectory("xuncha-release");
        try {
            Path home = unzip(zip, dir);
            assertThat(home.resolve("xuncha.jar")).isRegularFile();
            assertThat(home.resolve("rules/thresholds.yaml")).isRegularFile();
            assertThat(home.resolve("fixtures/yangqu-2022.yaml")).isRegularFile();
            assertThat(Files.readString(home.resolve("xuncha.cmd"), StandardCharsets.UTF_8))
                    .contains("\r\n").contains("-jar \"%~dp0xuncha.jar\" %*").contains("chcp 65001");

            // A PATH with java and what sh needs, and nothing else: no mvn.
            Path bin = Files.createDirectory(dir.resolve("bin"));
            Files.createSymbolicLink(bin.resolve("java"), Path.of(System.getProperty("java.home"), "bin", "java"));
            for (String tool : List.of("sh", "dirname")) {
                Files.createSymbolicLink(bin.resolve(tool), Path.of("/usr/bin", tool).toRealPath());
            }
            assertThat(bin.resolve("mvn")).doesNotExist();

            ProcessBuilder pb = new ProcessBuilder(bin.resolve("sh").toString(), "xuncha", "check",
                    "fixtures/yangqu-2022.yaml").directory(home.toFile())
                    .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
            pb.environment().clear();
            pb.environment().put("PATH", bin.toString());
            pb.environment().put("HOME", dir.toString());
            Process p = pb.start();
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            String out = Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8);
            assertThat(Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8)).isEmpty();
            assertThat(p.exitValue()).isEqualTo(1);
            assertThat(out).endsWith("巡察 23 个单位，运行 31 条规则，发现问题 24 个（违规 20，提醒 4）\n");
        } finally {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /** Unpacks {@code zip} into {@code dir}, with the launcher's execute bit; returns the release's folder. */
    private static Path unzip(Path zip, Path dir) throws Exception {
        Path home = null;
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (ZipEntry e : Collections.list(file.entries())) {
                Path target = dir.resolve(e.getName()).normalize();
                assertThat(target.startsWith(dir)).as(e.getName()).isTrue();
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                Files.copy(file.getInputStream(e), target);
                if (target.getFileName().toString().equals("xuncha")) {
                    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
                    home = target.getParent();
                }
            }
        }
        assertThat(home).isNotNull();
        return home;
    }
}
