package xuncha.load;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xuncha.Run;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A suggestion a clerk may follow without harm: a name written where an id belongs gets the id, a
 * "did you mean" names only an id of the kind the field needs and never one declared twice, and
 * people and units are shown by name with the id beside it.
 */
class SafeSuggestionsTest {
    private static final String HEAD = """
            year: 2024
            as_of: 2024-11-15
            units:
              - {id: yq-party, name: 阳曲县委, type: county_party_committee}
              - {id: lh-party, name: 中共柳河镇委员会, type: township_party_committee, parent: yq-party}
              - {id: lh-league, name: 柳河镇团委, type: township_league_committee, parent: lh-party}
            """;

    @TempDir
    Path dir;

    private Run check(String lang, String yaml) throws Exception {
        Path file = dir.resolve("f.yaml");
        Files.writeString(file, HEAD + yaml);
        return Run.xuncha("check", "--lang", lang, file.toString());
    }

    private String at(int line, int col) {
        return dir.resolve("f.yaml") + ":" + line + ":" + col + ": error: ";
    }

    @Test
    void aUnitsNameWhereItsIdBelongsGetsTheId() throws Exception {
        String yaml = "  - {id: lh-v1, name: 柳河村, type: village, parent: 中共柳河镇委员会}\n";
        Run zh = check("zh", yaml);
        assertThat(zh.status()).isEqualTo(2);
        assertThat(zh.err()).contains(at(7, 51) + "“中共柳河镇委员会”是单位 lh-party 的名称，此处请写编号 lh-party"
                + "（单位柳河村（lh-v1）的上级单位引用了它）");
        Run en = check("en", yaml);
        assertThat(en.err()).contains(at(7, 51) + "'中共柳河镇委员会' is the name of unit lh-party: write its id here, lh-party");
    }

    @Test
    void aPersonsNameWhereTheIdBelongsGetsTheIdAndAUnitOfThatNameIsNotProposed() throws Exception {
        String yaml = """
                people:
                  - {id: p05, name: 赵六}
                admissions:
                  - {id: a1, person: 赵六, unit: lh-party, date: 2024-05-01}
                  - {id: a2, person: 柳河镇团委, unit: lh-party, date: 2024-05-01}
                """;
        Run zh = check("zh", yaml);
        assertThat(zh.err()).contains(at(10, 22) + "“赵六”是人员 p05 的名称，此处请写编号 p05（入党记录 a1引用了它）");
        // 柳河镇团委 is a unit's name: an admission's person is not a unit, so no id is proposed for it.
        assertThat(zh.err()).contains(at(11, 22) + "“柳河镇团委”不是有效的编号（入党记录 a2引用了它）")
                .doesNotContain("lh-league（");
    }

    @Test
    void aNameTwoUnitsShareAsksWhichOneIsMeant() throws Exception {
        String yaml = """
                  - {id: v1, name: 新村, type: village, parent: lh-party}
                  - {id: v2, name: 新村, type: village, parent: lh-party}
                people:
                  - {id: p1, name: 甲, roles: [{unit: 新村, role: league_building_instructor, source: other}]}
                """;
        Run zh = check("zh", yaml);
        assertThat(zh.err()).contains("“新村”是多个单位的名称（v1、v2），此处请写所指那一个的编号");
    }

    @Test
    void anIdDeclaredTwiceIsNeverProposed() throws Exception {
        String yaml = """
                people:
                  - {id: p04, name: 李四}
                  - {id: p04, name: 王五}
                  - {id: p05, name: 赵六}
                admissions:
                  - {id: a1, person: p14, unit: lh-party, date: 2024-05-01}
                """;
        Run en = check("en", yaml);
        assertThat(en.err()).contains(at(12, 22) + "person 'p14' not found (referenced by admission 'a1')\n")
                .contains("duplicate id 'p04'");
    }

    @Test
    void aSuggestionIsOfTheKindTheFieldNeedsAndShowsItsName() throws Exception {
        String yaml = """
                people:
                  - {id: lh-leagu, name: 钱七}
                  - {id: p06, name: 孙八, roles: [{unit: lh-leage, role: secretary}]}
                """;
        Run zh = check("zh", yaml);
        // lh-leagu is closer to lh-leage, but it is a person: a role is held at a unit.
        assertThat(zh.err()).contains("找不到单位“lh-leage”（人员孙八（p06）的“书记”职务引用了它）；是否应为“lh-league”（柳河镇团委）？");
    }

    @Test
    void ofEquallyCloseIdsTheOneInTheSameFileIsProposed() throws Exception {
        Files.writeString(dir.resolve("a.yaml"), "units:\n  - {id: x-v1, name: 甲村, type: village, parent: lh-party}\n");
        Files.writeString(dir.resolve("b.yaml"), HEAD + "  - {id: y-v1, name: 乙村, type: village, parent: lh-party}\n"
                + "people:\n  - {id: p1, name: 甲, roles: [{unit: z-v1, role: league_building_instructor, source: other}]}\n");
        Run en = Run.xuncha("check", "--lang", "en", dir.toString());
        assertThat(en.err()).contains("did you mean 'y-v1' (乙村)?");
    }
}
