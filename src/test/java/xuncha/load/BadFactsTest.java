package xuncha.load;

import xuncha.yaml.YamlReader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xuncha.Run;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Every kind of bad facts of cli.md: exit 2, a located message naming the problem, no stack trace. */
class BadFactsTest {
    private static final String HEAD = """
            year: 2022
            as_of: 2022-10-24
            units:
              - {id: c-party, name: 县委, type: county_party_committee}
              - {id: t-party, name: 镇党委, type: township_party_committee, parent: c-party}
            """;

    @TempDir
    Path dir;

    /** Checks {@code yaml} with messages in English, as most tests here read them. */
    private Run check(String name, String yaml) throws Exception {
        return checkIn("en", name, yaml);
    }

    private Run checkIn(String lang, String name, String yaml) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, yaml);
        return Run.xuncha("check", "--lang", lang, file.toString());
    }

    private void assertRefused(Run run, String located) {
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains(located).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(run.err().lines().reduce((a, b) -> b).orElse("")).matches("\\d+ errors?|共 \\d+ 个错误");
    }

    private String at(String name, int line, int col) {
        return dir.resolve(name) + ":" + line + ":" + col + ": error: ";
    }

    @Test
    void yamlSyntaxErrorIsLocated() throws Exception {
        // Where the bracket was opened, in words, not where the parser gave up, in its own.
        Run run = checkIn("zh", "f.yaml", HEAD + "people:\n  - {id: p1, name: [\n");
        assertRefused(run, at("f.yaml", 7, 20) + "这里的括号（“[”或“{”）没有闭合或多了一个");
        assertThat(run.err()).doesNotContain("flow").doesNotContain("expected");
    }

    @Test
    void unknownFieldSuggestsTheRightOne() throws Exception {
        Run run = check("f.yaml", HEAD + "meetings:\n  - {id: m1, unit: t-party, kind: party_committee, date: 2022-01-05, tpoics: [other]}\n");
        assertRefused(run, at("f.yaml", 7, 70) + "unknown field 'tpoics' in meeting; did you mean 'topics'?");
    }

    @Test
    void missingRequiredFieldIsNamed() throws Exception {
        Run run = check("f.yaml", HEAD + "people:\n  - {id: p1}\n");
        assertRefused(run, at("f.yaml", 7, 5) + "missing required field 'name' in person");
    }

    @Test
    void wrongTypeSaysWhatWasExpected() throws Exception {
        Run run = check("f.yaml", HEAD + "  - {id: s1, name: 小学, type: school, parent: t-party, young_pioneers: many}\n");
        assertRefused(run, at("f.yaml", 6, 71) + "'young_pioneers' in unit must be a number, found 'many'");
    }

    @Test
    void valueOutsideItsEnumListsTheAllowedValues() throws Exception {
        Run run = check("f.yaml", HEAD + "  - {id: v1, name: 村, type: vilage, parent: t-party}\n");
        assertRefused(run, at("f.yaml", 6, 29) + "'vilage' is not a valid type in unit (allowed: county_party_committee (县委), county_league_committee (团县委),");
        assertThat(run.err()).contains("did you mean 'village'?");
    }

    @Test
    void malformedAndImpossibleDatesAreRefused() throws Exception {
        Run run = checkIn("zh", "f.yaml", HEAD + "people:\n  - {id: p1, name: 甲, birth_date: 1990-2-30}\n  - {id: p2, name: 乙, birth_date: 1990-02-30}\n");
        assertRefused(run, at("f.yaml", 7, 35) + "“birth_date”应是日期，写作 YYYY-MM-DD（如 2024-03-05），这里写的是“1990-2-30”");
        assertThat(run.err()).contains(at("f.yaml", 8, 35) + "“birth_date”不是一个真实的日期：“1990-02-30”");
    }

    /** A day written another common way gets the corrected value, in the clerk's language and in English. */
    @Test
    void aDateWrittenAnotherWayGetsTheCorrectedValue() throws Exception {
        Run run = checkIn("zh", "f.yaml", HEAD + "people:\n  - {id: p1, name: 甲, birth_date: 1990/3/5}\n"
                + "  - {id: p2, name: 乙, birth_date: 1990年3月5日}\n  - {id: p3, name: 丙, birth_date: 1990.3.5}\n");
        assertRefused(run, at("f.yaml", 7, 35) + "“birth_date”的日期应写作 YYYY-MM-DD：“1990/3/5”请写成 1990-03-05");
        assertThat(run.err()).contains(at("f.yaml", 8, 35) + "“birth_date”的日期应写作 YYYY-MM-DD：“1990年3月5日”请写成 1990-03-05")
                .contains(at("f.yaml", 9, 35) + "“birth_date”的日期应写作 YYYY-MM-DD：“1990.3.5”请写成 1990-03-05");
        Run en = Run.xuncha("check", "--lang", "en", dir.resolve("f.yaml").toString());
        assertThat(en.err()).contains(at("f.yaml", 7, 35) + "'birth_date' must be a date written YYYY-MM-DD, found"
                + " '1990/3/5': write 1990-03-05");
    }

    @Test
    void duplicateIdNamesBothPlaces() throws Exception {
        Run run = check("f.yaml", HEAD + "people:\n  - {id: t-party, name: 甲}\n");
        assertRefused(run, at("f.yaml", 7, 10) + "duplicate id 't-party': already used by the unit at " + dir.resolve("f.yaml") + ":5:10");
    }

    @Test
    void unknownReferenceSuggestsTheNearestId() throws Exception {
        Run run = check("f.yaml", HEAD + "  - {id: t-league, name: 镇团委, type: township_league_committee, parent: t-party}\n"
                + "people:\n  - {id: p-li, name: 李, roles: [{unit: t-leage, role: secretary}]}\n");
        assertRefused(run, at("f.yaml", 8, 40) + "unit 't-leage' not found (referenced by role secretary of person 李 (p-li)); did you mean 't-league' (镇团委)?");
    }

    @Test
    void referenceOfTheWrongKindIsRefused() throws Exception {
        Run run = check("f.yaml", HEAD + "meetings:\n  - {id: m1, unit: t-party, kind: standing_committee, date: 2022-01-05}\n");
        assertRefused(run, at("f.yaml", 7, 20) + "unit 镇党委 (t-party) is a township_party_committee, but meeting 'm1' of kind standing_committee must be a county_party_committee");
    }

    @Test
    void negativeAmountsAndCountsAreRefused() throws Exception {
        Run run = check("f.yaml", HEAD + "  - {id: s1, name: 小学, type: school, parent: t-party, young_pioneers: -3}\n");
        assertRefused(run, at("f.yaml", 6, 71) + "'young_pioneers' in unit must not be negative, found -3");
    }

    @Test
    void parentChainThatLoopsIsRefused() throws Exception {
        Run run = check("f.yaml", HEAD + "  - {id: a, name: 甲, type: village, parent: b}\n  - {id: b, name: 乙, type: village, parent: a}\n");
        assertRefused(run, at("f.yaml", 6, 10) + "the parent chain of unit 'a' loops (a → b → a)");
    }

    @Test
    void yearAndAsOfMissingOrDisagreeingAreRefused() throws Exception {
        Files.writeString(dir.resolve("a.yaml"), HEAD);
        Files.writeString(dir.resolve("b.yaml"), "year: 2023\nas_of: 2022-10-25\n");
        Run run = Run.xuncha("check", "--lang", "en", dir.toString());
        assertRefused(run, dir + "/b.yaml:1:7: error: year 2023 disagrees with year 2022 given at " + dir + "/a.yaml:1:7");
        assertThat(run.err()).contains(dir + "/b.yaml:2:8: error: as_of 2022-10-25 disagrees with as_of 2022-10-24");

        Run none = check("c.yaml", "units: []\n");
        assertRefused(none, dir.resolve("c.yaml") + ": error: no file gives 'year'");
    }

    @Test
    void missingFileAndFolderWithoutYamlAreRefused() throws Exception {
        Files.createDirectories(dir.resolve("empty"));
        Run run = Run.xuncha("check", "--lang", "en", dir.resolve("nope.yaml").toString(), dir.resolve("empty").toString());
        assertRefused(run, dir.resolve("nope.yaml") + ": error: no such file or folder");
        assertThat(run.err()).contains(dir.resolve("empty") + ": error: the folder holds no .yaml or .yml files");
    }

    @Test
    void fileInAnotherEncodingSuggestsGb18030() throws Exception {
        Path file = dir.resolve("gbk.yaml");
        Files.write(file, (HEAD + "people:\n  - {id: p1, name: 张三}\n").getBytes(Charset.forName("GB18030")));
        Run run = Run.xuncha("check", "--lang", "en", file.toString());
        assertRefused(run, file + ":4:");
        assertThat(run.err()).contains("is not valid UTF-8").contains("--encoding gb18030");
    }

    @Test
    void gb18030FileReadsWithTheEncodingOption() throws Exception {
        Path file = dir.resolve("gbk.yaml");
        Files.write(file, (HEAD + "people:\n  - {id: p1, name: 张三}\n").getBytes(Charset.forName("GB18030")));
        Run run = Run.xuncha("check", "--encoding", "gb18030", "--fail-on", "never", file.toString());
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("县委 (c-party)");
    }

    @Test
    void aliasBombIsRefusedQuickly() throws Exception {
        StringBuilder yaml = new StringBuilder(HEAD).append("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 30; i++) {
            yaml.append("a").append(i).append(": &a").append(i).append(" [");
            yaml.append(("*a" + (i - 1) + ", ").repeat(9)).append("*a").append(i - 1).append("]\n");
        }
        Run run = check("bomb.yaml", yaml.toString());
        assertRefused(run, at("bomb.yaml", 10, 30) + "the aliases up to this one (*a3) repeat more data than a file of"
                + " this size may");
    }

    @Test
    void veryDeepNestingIsRefused() throws Exception {
        Run run = check("deep.yaml", HEAD + "people: " + "[".repeat(5000) + "]".repeat(5000) + "\n");
        assertRefused(run, at("deep.yaml", 6, 40) + "the data is nested more than 32 levels deep");
    }

    @Test
    void hugeFileIsRefusedBeforeItIsRead() throws Exception {
        Path file = dir.resolve("huge.yaml");
        try (var out = Files.newBufferedWriter(file)) {
            out.write(HEAD + "# ");
            String line = "x".repeat(1023) + "\n";
            for (long written = 0; written <= YamlReader.MAX_FILE_BYTES; written += 1024) {
                out.write(line);
            }
        }
        Run run = Run.xuncha("check", "--lang", "en", file.toString());
        assertRefused(run, file + ": error: file is ");
        assertThat(run.err()).contains("split it into several files");
    }

    @Test
    void everyProblemIsReportedNotOnlyTheFirst() throws Exception {
        Run run = check("f.yaml", HEAD + "people:\n  - {id: p1, nmae: 甲}\n  - {id: P2, name: 乙}\n");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("unknown field 'nmae'").contains("missing required field 'name'")
                .contains("'P2' in person is not a valid id").endsWith("3 errors\n");
        Run zh = checkIn("zh", "f.yaml", HEAD + "people:\n  - {id: p1, nmae: 甲}\n  - {id: P2, name: 乙}\n");
        assertThat(zh.err()).contains("人员中没有字段“nmae”；是否应为“name”？").contains("人员缺少必填字段“name”")
                .contains("人员中的“P2”不是有效的编号").endsWith("共 3 个错误\n");
    }

    @Test
    void moreThanAHundredProblemsShowAHundredThenCountTheRest() throws Exception {
        StringBuilder yaml = new StringBuilder(HEAD).append("people:\n");
        for (int i = 0; i < 120; i++) {
            yaml.append("  - {id: p").append(i).append(", name: 甲, extra: 1}\n");
        }
        Run run = check("many.yaml", yaml.toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err().lines().filter(l -> l.contains(": error: ")).count()).isEqualTo(100);
        assertThat(run.err()).contains("... and 20 more").endsWith("120 errors\n");
    }
}
