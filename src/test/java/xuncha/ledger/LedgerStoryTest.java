package xuncha.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import xuncha.Run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed's story on the sample, told through the commands, against SQLite and PostgreSQL alike:
 * round 1 finds the problems; the units' filled workbook claims three; the office accepts two and
 * returns one; round 2's facts fix two and not the third; round 3's facts bring one accepted problem back.
 */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class LedgerStoryTest {
    /** The ledger each kind of database ended the story with. */
    private static final Map<String, JsonNode> ENDED = new java.util.concurrent.ConcurrentHashMap<>();

    static final String NAVIGATOR_AGE = "67f47752519b614f";
    static final String NO_COMMITTEE = "379b385cb85ceb4c";
    static final String LATE_FIX = "d72189b61e5a9a4e";

    @TempDir
    Path dir;

    @ParameterizedTest
    @MethodSource("xuncha.ledger.Ledgers#kinds")
    @org.junit.jupiter.api.Order(1)
    void aRoundsClaimsAndReviewsGiveTheLedgerItsStates(String kind) throws Exception {
        ENDED.put(kind, story(kind, dir));
    }

    @org.junit.jupiter.api.Test
    @org.junit.jupiter.api.Order(2)
    void sqliteAndPostgresqlEndTheStoryWithTheSameLedger(@TempDir Path other) throws Exception {
        for (String kind : List.of("sqlite", "postgresql")) {
            if (!ENDED.containsKey(kind)) {
                ENDED.put(kind, story(kind, other.resolve(kind)));
            }
        }
        assertThat(comparable(ENDED.get("postgresql"))).isEqualTo(comparable(ENDED.get("sqlite")));
    }

    /** The ledger without what differs from run to run: when each row was written. */
    private static JsonNode comparable(JsonNode ledger) {
        JsonNode copy = ledger.deepCopy();
        copy.get("rounds").forEach(r -> ((com.fasterxml.jackson.databind.node.ObjectNode) r).remove("recorded_at"));
        copy.get("problems").forEach(p -> {
            if (p.get("claim").isObject()) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) p.get("claim")).remove(List.of("at", "source"));
            }
        });
        return copy;
    }

    private static JsonNode story(String kind, Path dir) throws Exception {
        Files.createDirectories(dir);
        String db = Ledgers.fresh(kind, dir);
        String sample = Files.readString(Path.of(Ledgers.SAMPLE));
        Path round1 = dir.resolve("r1.yaml");
        Files.writeString(round1, sample);
        Run r1 = Ledgers.check(db, "2022年第一轮", round1, dir.resolve("r1.json"));
        assertThat(r1.status()).as(r1.err()).isZero();
        JsonNode report1 = json(dir.resolve("r1.json"));
        assertThat(report1.get("findings")).hasSize(24);
        assertThat(report1.get("findings").findValuesAsText("state")).containsOnly("new");

        // The units fill in the workbook of round 1 for three problems.
        assertThat(Run.xuncha("check", round1.toString(), "--format", "xlsx", "--output", dir.resolve("r1.xlsx").toString(),
                "--fail-on", "never").status()).isZero();
        Map<String, String[]> rows = new LinkedHashMap<>();
        rows.put(NAVIGATOR_AGE, new String[]{"改选 35 岁以下的青企领航员", "王强", "2022-11-30", "已完成"});
        rows.put(NO_COMMITTEE, new String[]{"建立学校少工委", "李敏", "2022年12月5日", "已完成"});
        rows.put(LATE_FIX, new String[]{"经费已拨付到位", "赵军", "2022-08-05", "已完成"});
        Path filled = Ledgers.filled(dir.resolve("r1.xlsx"), dir.resolve("填好的问题清单.xlsx"), rows);
        Run imported = Run.xuncha("ledger", "import", "--db", db, filled.toString(), "--by", "阳曲县团委");
        assertThat(imported.status()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("已记录 3 条整改报告");
        assertThat(states(db)).containsEntry(NAVIGATOR_AGE, "claimed").containsEntry(LATE_FIX, "claimed");
        // The same workbook again records nothing twice.
        assertThat(Run.xuncha("ledger", "import", "--db", db, filled.toString()).out()).contains("已记录 0 条整改报告（3 条与已记录的相同");

        review(db, NAVIGATOR_AGE, "--accept");
        review(db, NO_COMMITTEE, "--accept");
        review(db, LATE_FIX, "--return");

        // Round 2: the navigator replaced, the committee set up; the late fix stays in the record.
        Path round2 = dir.resolve("r2.yaml");
        Files.writeString(round2, sample.replace("name: 许刚, birth_date: 1985-03-03", "name: 许刚, birth_date: 1992-03-03")
                .replace("young_pioneers: 1000, young_pioneer_committee: false", "young_pioneers: 1000, young_pioneer_committee: true"));
        Run r2 = Ledgers.check(db, "2022年第二轮", round2, dir.resolve("r2.json"));
        assertThat(r2.status()).as(r2.err()).isZero();
        JsonNode report2 = json(dir.resolve("r2.json"));
        assertThat(report2.get("findings").findValuesAsText("fingerprint")).doesNotContain(NAVIGATOR_AGE, NO_COMMITTEE).contains(LATE_FIX);
        assertThat(stateIn(report2, LATE_FIX)).isEqualTo("persisting");

        JsonNode ledger = ledger(db);
        Map<String, String> states = states(ledger);
        assertThat(states).containsEntry(NAVIGATOR_AGE, "accepted").containsEntry(NO_COMMITTEE, "accepted")
                .containsEntry(LATE_FIX, "returned");
        assertThat(ledger.get("counts").get("accepted").asInt()).isEqualTo(2);
        assertThat(ledger.get("counts").get("returned").asInt()).isEqualTo(1);
        assertThat(ledger.get("counts").get("reopened").asInt()).isZero();
        int all = ledger.get("problems").size();
        assertThat(ledger.get("rectification_rate").decimalValue().doubleValue())
                .isCloseTo(2.0 / all, org.assertj.core.data.Offset.offset(0.00005));
        JsonNode late = problem(ledger, LATE_FIX);
        assertThat(late.get("review").get("verdict").asText()).isEqualTo("return");
        assertThat(late.get("claim").get("responsible").asText()).isEqualTo("赵军");
        assertThat(late.get("first_round").asText()).isEqualTo("2022年第一轮");
        JsonNode committee = problem(ledger, NO_COMMITTEE);
        assertThat(committee.get("claim").get("done_on").asText()).isEqualTo("2022-12-05");
        assertThat(committee.get("unit_name").asText()).isEqualTo("阳曲县第二中学");
        for (String field : List.of("fingerprint", "rule", "unit", "unit_name", "state", "first_round", "first_seen",
                "deadline", "claim", "review")) {
            assertThat(ledger.get("problems").get(0).has(field)).as(field).isTrue();
        }

        // Round 3: the old navigator is back — the accepted problem is found again (整改不实).
        Path round3 = dir.resolve("r3.yaml");
        Files.writeString(round3, sample.replace("young_pioneers: 1000, young_pioneer_committee: false",
                "young_pioneers: 1000, young_pioneer_committee: true"));
        Run r3 = Ledgers.check(db, "2023年第一轮", round3, dir.resolve("r3.json"));
        assertThat(r3.status()).as(r3.err()).isZero();
        assertThat(stateIn(json(dir.resolve("r3.json")), NAVIGATOR_AGE)).isEqualTo("regressed");
        JsonNode after = ledger(db);
        assertThat(states(after)).containsEntry(NAVIGATOR_AGE, "reopened").containsEntry(NO_COMMITTEE, "accepted");
        assertThat(after.get("counts").get("reopened").asInt()).isEqualTo(1);
        assertThat(after.get("counts").get("accepted").asInt()).isEqualTo(1);
        assertThat(after.get("rounds")).hasSize(3);

        Run text = Run.xuncha("ledger", "--db", db);
        assertThat(text.status()).isZero();
        assertThat(text.out()).contains("整改不实", "已销号", "已退回", "阳曲县第二中学");

        // The 三单 as offices keep them, one row per problem in each, and the rates.
        Path book = dir.resolve("整改台账.xlsx");
        Run xlsx = Run.xuncha("ledger", "--db", db, "--format", "xlsx", "--output", book.toString());
        assertThat(xlsx.status()).as(xlsx.err()).isZero();
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(book.toFile())) {
            assertThat(List.of(wb.getSheetName(0), wb.getSheetName(1), wb.getSheetName(2), wb.getSheetName(3)))
                    .containsExactly("问题清单", "责任清单", "整改清单", "整改率");
            int problems = after.get("problems").size();
            for (int i = 0; i < 3; i++) {
                assertThat(wb.getSheetAt(i).getLastRowNum()).isEqualTo(problems);
            }
            String heading = new org.apache.poi.ss.usermodel.DataFormatter() {
            }.formatCellValue(wb.getSheetAt(2).getRow(0).getCell(5));
            assertThat(heading).isEqualTo("整改措施");
            var total = wb.getSheetAt(3).getRow(1);
            assertThat(total.getCell(0).getStringCellValue()).isEqualTo("全部");
            assertThat((int) total.getCell(1).getNumericCellValue()).isEqualTo(problems);
            assertThat(total.getCell(total.getLastCellNum() - 1).getStringCellValue())
                    .isEqualTo(String.format(java.util.Locale.ROOT, "%.2f%%", 100.0 / problems));
        }
        JsonNode school = new ObjectMapper().readTree(Run.xuncha("ledger", "--db", db, "--format", "json", "--unit",
                "sch-yq-junior").out());
        assertThat(school.get("problems").findValuesAsText("unit")).containsOnly("sch-yq-junior");
        assertThat(Run.xuncha("ledger", "--db", db, "--unit", "no-such").err()).contains("没有单位 no-such 的问题");
        return after;
    }

    private static void review(String db, String fingerprint, String verdict) {
        Run r = Run.xuncha("ledger", "review", "--db", db, fingerprint, verdict, "--by", "县委巡察办 张华", "--on",
                "2022-12-10", "--note", verdict.equals("--accept") ? "整改到位" : "经费拨付超期，请说明原因");
        assertThat(r.status()).as(r.err()).isZero();
    }

    static JsonNode ledger(String db) throws Exception {
        Run r = Run.xuncha("ledger", "--db", db, "--format", "json");
        assertThat(r.status()).as(r.err()).isZero();
        return new ObjectMapper().readTree(r.out());
    }

    static Map<String, String> states(String db) throws Exception {
        return states(ledger(db));
    }

    static Map<String, String> states(JsonNode ledger) {
        Map<String, String> out = new LinkedHashMap<>();
        ledger.get("problems").forEach(p -> out.put(p.get("fingerprint").asText(), p.get("state").asText()));
        return out;
    }

    private static JsonNode problem(JsonNode ledger, String fingerprint) {
        List<JsonNode> found = new ArrayList<>();
        ledger.get("problems").forEach(p -> {
            if (p.get("fingerprint").asText().equals(fingerprint)) {
                found.add(p);
            }
        });
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static String stateIn(JsonNode report, String fingerprint) {
        for (JsonNode f : report.get("findings")) {
            if (f.get("fingerprint").asText().equals(fingerprint)) {
                return f.get("state").asText();
            }
        }
        return "absent";
    }

    private static JsonNode json(Path file) throws Exception {
        return new ObjectMapper().readTree(file.toFile());
    }
}
