package xuncha;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reports, byte for byte, in every format: the sample in both languages (kept whole under
 * {@code src/test/resources/golden/}, so a change shows as a diff) and 12 generated counties (kept as
 * SHA-256 digests, 4.6 MB of reports). A refactoring must leave them as they are. A change meant to
 * alter a report rewrites them with {@code mvn test -Dtest=GoldenReportsTest -Dgolden.update=true},
 * and the diff goes into the commit for review. What names the pack and the facts by digest (the
 * provenance: SHA-256 of the pack and of the facts) is compared as "a digest", since any edit of a
 * rules file changes it; everything else byte for byte (a workbook entry by entry).
 */
class GoldenReportsTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    @TempDir
    Path out;

    @Test
    void theSampleInChinese() throws IOException {
        compareWhole("sample-zh", "--lang", "zh", "fixtures/yangqu-2022.yaml");
    }

    @Test
    void theSampleInEnglish() throws IOException {
        compareWhole("sample-en", "--lang", "en", "fixtures/yangqu-2022.yaml");
    }

    @Test
    void twelveGeneratedCounties() throws IOException {
        // The facts at a fixed relative path: nothing of the report may depend on where they were.
        Path facts = Path.of("target/golden-facts/g12");
        deleteTree(facts);
        Run gen = Run.xuncha("gen", "--counties", "12", "--seed", "1", "--out", facts.toString());
        assertThat(gen.status()).as(gen.err()).isZero();
        Path reports = out.resolve("g12");
        check(reports, "--jobs", "2", facts.toString());
        Map<String, String> digests = digests(reports);
        Path golden = GOLDEN.resolve("generated-12.sha256");
        String written = render(digests);
        if (UPDATE) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, written);
        }
        assertThat(written).isEqualTo(Files.readString(golden));
    }

    private void compareWhole(String name, String... args) throws IOException {
        Path reports = out.resolve(name);
        check(reports, args);
        Path golden = GOLDEN.resolve(name);
        if (UPDATE) {
            deleteTree(golden);
            copyTree(reports, golden);
        }
        Map<String, String> now = digests(reports);
        Map<String, String> kept = digests(golden);
        assertThat(now.keySet()).isEqualTo(kept.keySet());
        for (String file : now.keySet()) {
            assertThat(normalized(file, Files.readAllBytes(reports.resolve(file)))).as(file)
                    .isEqualTo(normalized(file, Files.readAllBytes(golden.resolve(file))));
        }
    }

    private static void check(Path reports, String... args) {
        String[] all = Stream.concat(Stream.of("check", "--fail-on", "never", "--output-dir", reports.toString()),
                Stream.of(args)).toArray(String[]::new);
        Run run = Run.xuncha(all);
        assertThat(run.status()).as(run.err()).isZero();
    }

    private static Map<String, String> digests(Path dir) throws IOException {
        Map<String, String> digests = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String name = dir.relativize(f).toString().replace('\\', '/');
                digests.put(name, sha256(normalized(name, Files.readAllBytes(f)).getBytes(StandardCharsets.UTF_8)));
            }
        }
        return digests;
    }

    /** The report with its digests as "a digest"; a workbook as its entries, each so. */
    private static String normalized(String file, byte[] bytes) throws IOException {
        if (!file.endsWith(".xlsx") && !file.endsWith(".docx")) {
            return DIGEST.matcher(new String(bytes, StandardCharsets.UTF_8)).replaceAll("<sha256>");
        }
        StringBuilder out = new StringBuilder();
        Path copy = Files.createTempFile("golden", ".xlsx");
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(Files.write(copy, bytes).toFile())) {
            Map<String, String> entries = new TreeMap<>();
            for (java.util.zip.ZipEntry e : java.util.Collections.list(zip.entries())) {
                entries.put(e.getName(), DIGEST.matcher(new String(zip.getInputStream(e).readAllBytes(),
                        StandardCharsets.UTF_8)).replaceAll("<sha256>"));
            }
            entries.forEach((name, text) -> out.append("== ").append(name).append('\n').append(text).append('\n'));
        } finally {
            Files.delete(copy);
        }
        return out.toString();
    }

    private static final java.util.regex.Pattern DIGEST = java.util.regex.Pattern.compile("\\b[0-9a-f]{64}\\b");

    private static String render(Map<String, String> digests) {
        StringBuilder b = new StringBuilder();
        digests.forEach((file, digest) -> b.append(digest).append("  ").append(file).append('\n'));
        return b.toString();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(f);
            }
        }
    }
}
