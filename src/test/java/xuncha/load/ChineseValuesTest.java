package xuncha.load;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xuncha.Run;
import xuncha.facts.AssessmentKind;
import xuncha.facts.Labelled;
import xuncha.facts.MeetingKind;
import xuncha.facts.RoleKind;
import xuncha.facts.SchoolLevel;
import xuncha.facts.Source;
import xuncha.facts.Topic;
import xuncha.facts.UnitType;
import xuncha.yaml.Spellings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** What facts.md names in Chinese is accepted as written, and {@code xuncha fmt} writes it canonically. */
class ChineseValuesTest {
    private static final Map<String, Class<? extends Labelled>> BY_KEY = Map.of("type", UnitType.class,
            "role", RoleKind.class, "kind", MeetingKind.class, "source", Source.class, "level", SchoolLevel.class);
    private static final Pattern FIELD = Pattern.compile("\\b(type|role|kind|source|level): ([a-z_]+)");
    private static final Pattern LIST = Pattern.compile("\\b(topics|includes_league_work): \\[([a-z_, ]*)]");
    private static final Pattern FLAG = Pattern.compile(": (true|false)\\b");

    @TempDir
    Path dir;

    /** The sample with every enum value and boolean written in Chinese, as a clerk might. */
    private Path sampleInChinese() throws IOException {
        String text = Files.readString(Path.of("fixtures/yangqu-2022.yaml"));
        text = replace(text, FIELD, m -> chinese(BY_KEY.get(m.group(1)), m.group(2)));
        text = replace(text, LIST, m -> {
            Class<? extends Labelled> type = m.group(1).equals("topics") ? Topic.class : AssessmentKind.class;
            return String.join(", ", Arrays.stream(m.group(2).split(", ")).filter(s -> !s.isBlank())
                    .map(v -> chinese(type, v)).toList());
        }, 2);
        text = replace(text, FLAG, m -> m.group(1).equals("true") ? "是" : "否");
        Path file = dir.resolve("阳曲.yaml");
        Files.writeString(file, text);
        return file;
    }

    private static String chinese(Class<? extends Labelled> type, String spelling) {
        return Arrays.stream(type.getEnumConstants()).filter(v -> v.yaml().equals(spelling)).findFirst()
                .map(Labelled::zh).orElseThrow(() -> new AssertionError(spelling));
    }

    private static String replace(String text, Pattern p, java.util.function.Function<Matcher, String> by) {
        return replace(text, p, by, -1);
    }

    /** Replaces group {@code group} of each match (the whole value after the colon when -1). */
    private static String replace(String text, Pattern p, java.util.function.Function<Matcher, String> by, int group) {
        Matcher m = p.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int g = group < 0 ? m.groupCount() : group;
            String whole = m.group();
            int start = m.start(g) - m.start();
            String replaced = whole.substring(0, Math.max(start, 0)) + by.apply(m) + whole.substring(m.end(g) - m.start());
            if (group < 0 && g == 1) {
                replaced = ": " + by.apply(m);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replaced));
        }
        m.appendTail(out);
        return out.toString();
    }

    @Test
    void theSampleWrittenInChineseGivesTheSameFindings() throws IOException {
        Path chinese = sampleInChinese();
        assertThat(Files.readString(chinese)).contains("type: 乡镇党委", "role: 少先队大队辅导员", ": 是", "kind: 县委常委会");
        Run original = Run.xuncha("check", "fixtures/yangqu-2022.yaml");
        Run written = Run.xuncha("check", chinese.toString());
        assertThat(written.err()).isEmpty();
        assertThat(written.status()).isEqualTo(original.status());
        assertThat(written.out()).isEqualTo(original.out());
    }

    @Test
    void fmtWritesTheChineseFileBackAsTheSample() throws IOException {
        Path chinese = sampleInChinese();
        Run check = Run.xuncha("fmt", "--check", chinese.toString());
        assertThat(check.status()).isEqualTo(1);
        assertThat(check.out()).contains("：“县委”→ county_party_committee", "待改写");
        assertThat(Files.readString(chinese)).contains("type: 乡镇党委");

        Run fmt = Run.xuncha("fmt", chinese.toString());
        assertThat(fmt.status()).isZero();
        assertThat(Files.readString(chinese)).isEqualTo(Files.readString(Path.of("fixtures/yangqu-2022.yaml")));
        assertThat(Run.xuncha("fmt", "--check", chinese.toString()).out()).startsWith("无需改写：1 个文件");
    }

    @Test
    void fmtKeepsCommentsQuotesElsewhereAndTheEncoding() throws IOException {
        String text = "# 柳河镇 2024 年自查\nyear: 2024\nas_of: 2024年11月15日  # 截止日\nunits:\n"
                + "  - id: yq-party\n    name: \"阳曲县委\"\n    type: \"县委\"   # 县委\n"
                + "  - {id: s1, name: 柳河小学, type: 中小学校, parent: yq-party, young_pioneer_committee: 是}\n";
        Path file = dir.resolve("gbk.yaml");
        Files.write(file, text.getBytes("GB18030"));
        Run fmt = Run.xuncha("fmt", "--encoding", "gb18030", file.toString());
        assertThat(fmt.status()).isZero();
        assertThat(new String(Files.readAllBytes(file), "GB18030")).isEqualTo(
                "# 柳河镇 2024 年自查\nyear: 2024\nas_of: 2024-11-15  # 截止日\nunits:\n"
                + "  - id: yq-party\n    name: \"阳曲县委\"\n    type: county_party_committee   # 县委\n"
                + "  - {id: s1, name: 柳河小学, type: school, parent: yq-party, young_pioneer_committee: true}\n");
    }

    @Test
    void fmtLeavesAFileItCannotReadAsItWas() throws IOException {
        Path file = dir.resolve("broken.yaml");
        String text = "year: 2024\nas_of：2024-11-15\nunits:\n  - {id: a, name: 甲, type: 县委}\n";
        Files.writeString(file, text);
        Run fmt = Run.xuncha("fmt", file.toString());
        assertThat(fmt.status()).isEqualTo(2);
        assertThat(fmt.err()).contains("broken.yaml:2:6:", "全角冒号");
        assertThat(Files.readString(file)).isEqualTo(text);
        assertThat(Run.xuncha("fmt", dir.resolve("nothing.yaml").toString()).status()).isEqualTo(2);
    }

    @Test
    void everyChineseNameReadsAsItsValueAndNoneStandsForTwo() {
        Map<Class<?>, Map<String, Labelled>> seen = new HashMap<>();
        for (Labelled value : Spellings.all()) {
            List<Labelled> ofType = Arrays.stream(value.getClass().getEnumConstants()).map(v -> (Labelled) v)
                    .filter(Spellings::writable).toList();
            for (String name : Spellings.chinese(value)) {
                Labelled before = seen.computeIfAbsent(value.getClass(), c -> new HashMap<>()).put(name, value);
                assertThat(before).as(name).isNull();
                assertThat(Spellings.read(name, ofType)).as(name).contains(value);
            }
        }
    }

    @Test
    void noneIsNotAValueAFileMayWrite() throws IOException {
        Path file = dir.resolve("none.yaml");
        Files.writeString(file, "year: 2024\nas_of: 2024-11-15\nunits:\n  - {id: c, name: 县委, type: county_party_committee}\n"
                + "  - {id: s, name: 小学, type: school, parent: c, level: none}\n");
        Run run = Run.xuncha("check", file.toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("none.yaml:5:", "“none”不是", "primary（小学）、secondary（中学）");
        Run en = Run.xuncha("check", "--lang", "en", file.toString());
        assertThat(en.err()).contains("'none' is not a valid level", "primary (小学), secondary (中学)");
    }
}
