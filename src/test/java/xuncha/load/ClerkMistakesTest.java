package xuncha.load;

import org.junit.jupiter.api.Test;
import xuncha.Run;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A township clerk's hand-written file (src/test/resources/clerk/typing-mistakes.yaml) with the
 * typing mistakes people really make: each is reported on its own line and column, in Chinese by
 * default and English with --lang en, with the fix, and nothing of the YAML parser's words.
 */
class ClerkMistakesTest {
    private static final String FILE = "src/test/resources/clerk/typing-mistakes.yaml";

    private static String at(int line, int column) {
        return FILE + ":" + line + ":" + column + ": error: ";
    }

    @Test
    void eachTypingMistakeIsSaidWhereItIsWithTheFixInChinese() {
        Run run = Run.xuncha("check", FILE);
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains(
                at(2, 6) + "“as_of”后面用了全角冒号“：”：请改为英文冒号加空格“as_of: ”",
                at(9, 9) + "“name”的冒号后面缺少空格：请写成“name: 柳河镇团委”",
                at(11, 6) + "“parent”比上一行的“type”多缩进了（上一行已写了值）：请从第 5 列开始，与同级的项对齐",
                at(12, 3) + "列表符号用了全角的“－”：请改为英文减号加空格“- ”",
                at(17, 1) + "这里用了制表符（Tab）缩进：请改用空格缩进（每级两个空格）",
                at(18, 1) + "这里用了全角空格缩进：请改用半角空格缩进（每级两个空格）",
                at(23, 4) + "“parent”没有和上面的行对齐（它从第 4 列开始）：请与同级的项从同一列开始",
                at(25, 8) + "“id”后面用了全角冒号“：”：请改为英文冒号加空格“id: ”",
                at(25, 97) + "括号里用了全角逗号“，”：请改为英文逗号“,”")
                .endsWith("共 9 个错误\n");
        assertThat(run.err()).doesNotContainPattern("(?i)scanning|mapping values|expected|block end|simple key");
    }

    @Test
    void inEnglishWithLangEn() {
        Run run = Run.xuncha("check", "--lang", "en", FILE);
        assertThat(run.err()).contains(
                at(2, 6) + "the full-width colon '：' after 'as_of' is not YAML's: write an ordinary colon and a space,"
                        + " 'as_of: '",
                at(17, 1) + "a tab is used to indent: indent with spaces (two per level)")
                .endsWith("9 errors\n");
    }

    /** What looks like a mistake but is text: a colon in a quoted value, ",word:x" in a plain one. */
    @Test
    void textThatOnlyLooksLikeSyntaxIsLeftAlone(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = dir.resolve("ok.yaml");
        java.nio.file.Files.writeString(file, """
                year: 2022
                as_of: 2022-10-24
                units:
                  - {id: c-party, name: "县委{a:b}", type: county_party_committee}
                  - id: t-party
                    name: 镇党委,time:3pm
                    type: township_party_committee
                    parent: c-party
                """);
        Run run = Run.xuncha("check", "--fail-on", "never", file.toString());
        assertThat(run.err()).isEmpty();
        assertThat(run.status()).isZero();
    }

    /**
     * A file that parses but holds what clerks write by habit: the Chinese names of values (read as
     * written), dates in other forms and a unit's or person's name where its id belongs (each with
     * the corrected value), and an id declared twice, which is never proposed for a reference.
     */
    @Test
    void valuesWrittenByHabitAreReadOrCorrectedWhereTheyAre() {
        String file = "src/test/resources/clerk/value-mistakes.yaml";
        Run run = Run.xuncha("check", file);
        assertThat(run.status()).isEqualTo(2);
        String at = file + ":";
        assertThat(run.err()).contains(
                at + "15:13: error: “中共柳河镇委员会”是单位 lh-party 的名称，此处请写编号 lh-party（单位柳河镇团委（lh-league）的上级单位引用了它）",
                at + "26:17: error: “birth_date”的日期应写作 YYYY-MM-DD：“1990/3/5”请写成 1990-03-05",
                at + "29:9: error: 编号“p04”重复：已被人员使用（" + file + ":23:9）",
                at + "31:17: error: “birth_date”的日期应写作 YYYY-MM-DD：“1995年7月1日”请写成 1995-07-01",
                at + "33:22: error: 找不到人员“p14”（入党记录 a1引用了它）\n",
                at + "34:22: error: “李四”是人员 p04 的名称，此处请写编号 p04（入党记录 a2引用了它）")
                .endsWith("共 6 个错误\n");
        // 县委, 乡镇党委, 学校, 小学, 是 and 大队辅导员 are read as written: no message about them.
        assertThat(run.err()).doesNotContain(":7:", ":10:", ":18:", ":19:", ":20:", ":25:", ":28:");
    }

    @Test
    void aValidFileGivesNoneOfThem() {
        Run run = Run.xuncha("check", "--fail-on", "never", "fixtures/yangqu-2022.yaml");
        assertThat(run.status()).isZero();
        assertThat(run.err()).isEmpty();
    }
}
