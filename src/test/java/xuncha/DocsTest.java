package xuncha;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The clerk's guide stays true: its template checks, its rule table names every rule of the pack, the README links it. */
class DocsTest {
    private static final Path GUIDE = Path.of("docs/使用说明.md");

    @Test
    void theTemplateIsReadWithoutAMistake() {
        Run run = Run.xuncha("check", "docs/模板-乡镇.yaml");
        assertThat(run.err()).isEmpty();
        assertThat(run.status()).isIn(0, 1);
        assertThat(Run.xuncha("check", "--rule", "GRASS-01", "docs/模板-乡镇.yaml").status()).isZero();
    }

    @Test
    void theTemplateWorkbookIsMadeFromTheTemplateInTheDocs() throws IOException {
        assertThat(Files.readString(Path.of("src/main/resources/xuncha/template.yaml")))
                .isEqualTo(Files.readString(Path.of("docs/模板-乡镇.yaml")));
    }

    @Test
    void theGuideExplainsEveryRuleOfThePackAndNoOther() throws IOException {
        List<String> pack;
        try (Stream<Path> drl = Files.list(Path.of("rules"))) {
            pack = drl.filter(p -> p.toString().endsWith(".drl")).flatMap(DocsTest::ids).sorted().toList();
        }
        Matcher row = Pattern.compile("(?m)^\\| ([A-Z]+-\\d\\d) \\|").matcher(Files.readString(GUIDE));
        List<String> explained = new java.util.ArrayList<>();
        while (row.find()) {
            explained.add(row.group(1));
        }
        assertThat(explained).hasSize(31).containsExactlyInAnyOrderElementsOf(pack);
    }

    private static Stream<String> ids(Path drl) {
        try {
            Matcher m = Pattern.compile("@id\\(\"([A-Z]+-\\d\\d)\"\\)").matcher(Files.readString(drl));
            return m.results().map(r -> r.group(1)).toList().stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theReadmeLinksTheGuideAndShowsTheSchemaLine() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        assertThat(readme).contains("docs/使用说明.md").contains("# yaml-language-server: $schema=");
        assertThat(readme.lines().limit(6).toList()).contains(
                "./xuncha check fixtures/yangqu-2022.yaml     # check the sample (builds target/xuncha.jar on first use)");
    }
}
