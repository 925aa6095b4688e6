package xuncha.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xuncha.Run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code check --output-dir}: the reports of one run, in several formats, side by side. */
class OutputDirTest {
    private static final String SAMPLE = "fixtures/yangqu-2022.yaml";

    @TempDir
    Path dir;

    private static String[] names(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toArray(String[]::new);
        }
    }

    @Test
    void withoutFormatsEveryFormatIsWrittenAndListed() throws Exception {
        Path out = dir.resolve("round-1");
        Run run = Run.xuncha("check", "--output-dir", out.toString(), SAMPLE);
        assertThat(run.err()).isEmpty();
        assertThat(run.status()).isEqualTo(1);
        assertThat(names(out)).containsExactly("letters", "letters-md", "report.html", "report.json", "report.junit.xml",
                "report.sarif", "report.txt", "report.xlsx");
        assertThat(names(out.resolve("letters"))).hasSize(14).contains("中共大盂镇委员会.docx");
        assertThat(names(out.resolve("letters-md"))).hasSize(14).contains("dy-party.md");
        assertThat(run.out()).contains(out.resolve("report.json") + "（").contains(out.resolve("letters") + "/（14 份反馈函）");
        assertThat(new ObjectMapper().readTree(out.resolve("report.json").toFile()).get("findings")).hasSize(24);
        assertThat(Files.readString(out.resolve("report.txt")))
                .isEqualTo(Run.xuncha("check", SAMPLE).out());
    }

    @Test
    void theFormatsNamedAndNoOthers() throws Exception {
        Run run = Run.xuncha("check", "--format", "json,html", "--format", "sarif", "--output-dir", dir.toString(),
                SAMPLE);
        assertThat(run.status()).isEqualTo(1);
        assertThat(names(dir)).containsExactly("report.html", "report.json", "report.sarif");
    }

    @Test
    void severalFormatsNeedAFolder() {
        Run run = Run.xuncha("check", "--lang", "en", "--format", "json,html", SAMPLE);
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("xuncha check: several formats (json, html) need --output-dir DIR\n");
    }

    @Test
    void outputAndOutputDirExcludeEachOther() {
        Run run = Run.xuncha("check", "--lang", "en", "--output", dir.resolve("a.txt").toString(), "--output-dir", dir.toString(),
                SAMPLE);
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).startsWith("xuncha check: --output and --output-dir cannot be used together");
    }

    @Test
    void anUnknownFormatIsNamedBeforeAnythingIsWritten() throws Exception {
        Run run = Run.xuncha("check", "--lang", "en", "--format", "json,pdf", "--output-dir", dir.toString(), SAMPLE);
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).startsWith("xuncha check: unknown --format 'pdf' (allowed: text, json, html");
        assertThat(names(dir)).isEmpty();
    }
}
