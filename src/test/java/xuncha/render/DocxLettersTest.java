package xuncha.render;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xuncha.Run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The feedback letters as Word documents, read back with POI as a county office would open them. */
class DocxLettersTest {
    private static final String SAMPLE = "fixtures/yangqu-2022.yaml";

    @TempDir
    Path dir;

    private static List<String> paragraphs(Path docx) throws IOException {
        try (InputStream in = Files.newInputStream(docx); XWPFDocument doc = new XWPFDocument(in)) {
            return doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
        }
    }

    @Test
    void oneLetterPerUnitNamedByTheUnitWithTheProblemsNumberedAndTheirDeadlines() throws IOException {
        Path letters = dir.resolve("反馈函");
        Run run = Run.xuncha("check", "--format", "letters", "--output", letters.toString(), SAMPLE);
        assertThat(run.status()).isEqualTo(1);
        try (var files = Files.list(letters)) {
            assertThat(files.map(f -> f.getFileName().toString())).hasSize(14).contains("中共大盂镇委员会.docx")
                    .allSatisfy(f -> assertThat(f).endsWith(".docx").doesNotContain("dy-party"));
        }
        List<String> dayu = paragraphs(letters.resolve("中共大盂镇委员会.docx"));
        assertThat(dayu.get(0)).isEqualTo("巡察反馈意见");
        assertThat(dayu.get(1)).isEqualTo("中共大盂镇委员会：");
        assertThat(dayu).contains("根据2022年度党建带团建工作检查（截至2022年10月24日），现将发现的2个问题反馈如下：",
                "违反要求：发展 28 周岁以下团员入党经过团组织推优", "整改期限：2022年12月23日",
                "县委巡察工作领导小组办公室", "2022年10月24日");
        assertThat(dayu).anySatisfy(p -> assertThat(p).startsWith("1. 中共大盂镇委员会于2022年7月1日发展团员华阳入党"));
        assertThat(dayu).anySatisfy(p -> assertThat(p).startsWith("2. 中共大盂镇委员会2022年截至10月24日"));
        assertThat(String.join("\n", dayu)).doesNotContain("**", "#", "dy-party", "RECRUIT-02");
    }

    @Test
    void allLettersInOneDocumentSignedByTheRoundAndTheSameRunGivesTheSameBytes() throws IOException {
        Path one = dir.resolve("全部.docx");
        Run.xuncha("check", "--format", "letters", "--sender", "县委第一巡察组", "--output", one.toString(), SAMPLE);
        List<String> all = paragraphs(one);
        assertThat(all.stream().filter("巡察反馈意见"::equals)).hasSize(14);
        assertThat(all.stream().filter("县委第一巡察组"::equals)).hasSize(14);
        byte[] first = Files.readAllBytes(one);
        Run.xuncha("check", "--format", "letters", "--sender", "县委第一巡察组", "--output", one.toString(), SAMPLE);
        assertThat(Files.readAllBytes(one)).isEqualTo(first);
    }

    @Test
    void lettersAreNotWrittenToATerminal() {
        Run run = Run.xuncha("check", "--format", "letters", SAMPLE);
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("--format letters");
    }
}
