package xuncha.ledger;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xuncha.Run;
import xuncha.fuzz.Fuzz;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every mistake with a ledger is said in Chinese, where it is, with exit status 2 and nothing
 * recorded: a database that is not one, a round named twice or out of order, a workbook that is not
 * the 问题清单 or is filled in wrong, a review of nothing. A fuzzed workbook is read or refused, never more.
 */
class LedgerMistakesTest {
    @TempDir
    Path dir;

    private String recorded() {
        String db = dir.resolve("台账.db").toString();
        assertThat(Ledgers.check(db, "第一轮", Path.of(Ledgers.SAMPLE), dir.resolve("r1.json")).status()).isZero();
        return db;
    }

    @Test
    void aDatabaseThatIsNotALedgerIsSaidSo() throws Exception {
        Path notDb = dir.resolve("facts.db");
        Files.writeString(notDb, "year: 2022\n".repeat(200));
        Run r = Run.xuncha("ledger", "--db", notDb.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).startsWith(notDb + ": error: ").contains("不是 xuncha 的台账数据库").doesNotContain("Exception");
        assertThat(Files.readString(notDb)).startsWith("year: 2022");
        Run folder = Run.xuncha("ledger", "--db", dir.toString());
        assertThat(folder.err()).contains("这是一个文件夹");
        Run nowhere = Run.xuncha("ledger", "--db", dir.resolve("无此文件夹/台账.db").toString());
        assertThat(nowhere.err()).contains("不存在");
        Run kind = Run.xuncha("ledger", "--db", "jdbc:mysql://localhost/x");
        assertThat(kind.status()).isEqualTo(2);
        assertThat(kind.err()).contains("jdbc:postgresql://");
        Run down = Run.xuncha("ledger", "--db", "jdbc:postgresql://127.0.0.1:1/x?user=a&password=secret");
        assertThat(down.status()).isEqualTo(2);
        assertThat(down.err()).contains("password=***").doesNotContain("secret").doesNotContain("\tat ");
    }

    @Test
    void roundsAreNamedOnceAndRecordedInOrder() throws Exception {
        String db = recorded();
        Run again = Ledgers.check(db, "第一轮", Path.of(Ledgers.SAMPLE), dir.resolve("again.json"));
        assertThat(again.status()).isEqualTo(2);
        assertThat(again.err()).contains("已有名为「第一轮」的轮次");
        assertThat(Files.exists(dir.resolve("again.json"))).isFalse();
        Path earlier = dir.resolve("earlier.yaml");
        Files.writeString(earlier, Files.readString(Path.of(Ledgers.SAMPLE)).replace("as_of: 2022-10-24", "as_of: 2022-06-30"));
        Run before = Ledgers.check(db, "第二轮", earlier, dir.resolve("r2.json"));
        assertThat(before.status()).as(before.err()).isEqualTo(2);
        assertThat(before.err()).contains("早于上一轮「第一轮」");
        assertThat(LedgerStoryTest.ledger(db).get("rounds")).hasSize(1);
        assertThat(Run.xuncha("check", Ledgers.SAMPLE, "--db", db).err()).contains("--db 和 --round 须一起使用");
        assertThat(Run.xuncha("check", Ledgers.SAMPLE, "--db", db, "--round", "x", "--baseline", "r1.json").err())
                .contains("只能选一个");
    }

    @Test
    void reviewsAndClaimsOfWhatIsNotThereAreRefused() throws Exception {
        String db = recorded();
        Run unknown = Run.xuncha("ledger", "review", "--db", db, "0000000000000000", "--accept", "--by", "张华");
        assertThat(unknown.status()).isEqualTo(2);
        assertThat(unknown.err()).contains("没有指纹为 0000000000000000 的问题");
        String fp = LedgerStoryTest.states(db).keySet().iterator().next();
        Run noClaim = Run.xuncha("ledger", "review", "--db", db, fp, "--return", "--by", "张华");
        assertThat(noClaim.err()).contains("尚无整改报告");
        assertThat(Run.xuncha("ledger", "review", "--db", db, fp, "--by", "张华").err()).contains("--accept（销号）和 --return（退回）");
        assertThat(Run.xuncha("ledger", "claim", "--db", db, fp, "--measures", "x", "--responsible", "y", "--done-on",
                "2022-13-40").err()).contains("--done-on 应是日期");
        Path exe = dir.resolve("整改.exe");
        Files.writeString(exe, "MZ");
        Run kind = Run.xuncha("ledger", "claim", "--db", db, fp, "--measures", "x", "--responsible", "y", "--evidence",
                exe.toString());
        assertThat(kind.status()).isEqualTo(2);
        assertThat(kind.err()).contains("整改.exe 的类型不在允许之列");
        Path pdf = dir.resolve("会议记录.pdf");
        Files.write(pdf, new byte[]{'%', 'P', 'D', 'F'});
        assertThat(Run.xuncha("ledger", "claim", "--db", db, fp, "--measures", "建立少工委", "--responsible", "李敏",
                "--evidence", pdf.toString()).status()).isZero();
        assertThat(Run.xuncha("ledger", "review", "--db", db, fp, "--accept", "--by", "张华").status()).isZero();
        assertThat(Run.xuncha("ledger", "claim", "--db", db, fp, "--measures", "x", "--responsible", "y").err())
                .contains("已销号");
        assertThat(Run.xuncha("ledger", "review", "--db", db, fp, "--accept", "--by", "张华").err()).contains("已由 张华");
        JsonEvidence.check(LedgerStoryTest.ledger(db), fp, dir.resolve("台账.db.evidence"));
    }

    /** The evidence file is listed with its hash, and stored under it. */
    static final class JsonEvidence {
        static void check(com.fasterxml.jackson.databind.JsonNode ledger, String fp, Path store) {
            for (var p : ledger.get("problems")) {
                if (p.get("fingerprint").asText().equals(fp)) {
                    var f = p.get("claim").get("evidence").get(0);
                    assertThat(f.get("name").asText()).isEqualTo("会议记录.pdf");
                    String sha = f.get("sha256").asText();
                    assertThat(store.resolve(sha.substring(0, 2)).resolve(sha)).exists().hasSize(4);
                    return;
                }
            }
            throw new AssertionError("no problem " + fp);
        }
    }

    @Test
    void aFilledWorkbookIsCheckedCellByCellBeforeAnythingIsRecorded() throws Exception {
        String db = recorded();
        assertThat(Run.xuncha("check", Ledgers.SAMPLE, "--format", "xlsx", "--output", dir.resolve("r.xlsx").toString(),
                "--fail-on", "never").status()).isZero();
        List<String> fps = LedgerStoryTest.states(db).keySet().stream().toList();
        Path filled = Ledgers.filled(dir.resolve("r.xlsx"), dir.resolve("填好的.xlsx"), java.util.Map.of(
                fps.get(0), new String[]{"已整改", "王强", "2022-11-31", "已完成"},
                fps.get(1), new String[]{"", "李敏", "2022-11-30", "已完成"},
                fps.get(2), new String[]{"已整改", "赵军", "2022-11-30", "已完成"}));
        Run r = Run.xuncha("ledger", "import", "--db", db, filled.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("填好的.xlsx:问题清单!R", "“整改完成时限”应是日期", "2022-11-31")
                .contains("“整改措施”没有填写");
        assertThat(LedgerStoryTest.ledger(db).get("counts").get("claimed").asInt()).isZero();
        Path notXlsx = dir.resolve("问题清单.xlsx");
        Files.writeString(notXlsx, "不是工作簿");
        assertThat(Run.xuncha("ledger", "import", "--db", db, notXlsx.toString()).err()).startsWith(notXlsx + ": error: ");
        Path other = dir.resolve("别的表.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream o = Files.newOutputStream(other)) {
            Sheet s = wb.createSheet("问题清单");
            Row head = s.createRow(0);
            head.createCell(0).setCellValue("指纹");
            wb.write(o);
        }
        assertThat(Run.xuncha("ledger", "import", "--db", db, other.toString()).err()).contains("缺少“整改措施”列");
    }

    @Provide
    Arbitrary<List<String>> cells() {
        Arbitrary<String> cell = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(40),
                Arbitraries.of("", "2022-11-30", "2022年12月5日", "2022-02-30", "王强", "=1+1", "\u0000", "𠀀"));
        return cell.list().ofSize(5);
    }

    @Property(tries = 80)
    void aFuzzedFilledWorkbookIsReadOrRefused(@ForAll("cells") List<String> row, @ForAll boolean headingsKept)
            throws Exception {
        Path tmp = Files.createTempFile("fuzz", ".xlsx");
        try {
            try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream o = Files.newOutputStream(tmp)) {
                Sheet s = wb.createSheet("问题清单");
                Row head = s.createRow(0);
                List<String> heads = List.of("指纹", "整改措施", "责任人", "整改完成时限", "整改情况");
                for (int i = 0; i < heads.size(); i++) {
                    head.createCell(i).setCellValue(headingsKept || i != 3 ? heads.get(i) : row.get(0));
                }
                for (int r = 1; r < 4; r++) {
                    Row data = s.createRow(r);
                    for (int i = 0; i < row.size(); i++) {
                        data.createCell(i).setCellValue(row.get((i + r) % row.size()));
                    }
                }
                wb.write(o);
            }
            Fuzz.readsOrRefuses(200, () -> (long) ClaimsWorkbook.read(tmp, "fuzz.xlsx").size());
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Property(tries = 40)
    void fuzzedBytesAreRefusedAsAWorkbook(@ForAll byte[] bytes) throws Exception {
        Path tmp = Files.createTempFile("fuzz", ".xlsx");
        try {
            Files.write(tmp, bytes);
            Fuzz.readsOrRefuses(bytes.length, () -> (long) ClaimsWorkbook.read(tmp, "fuzz.xlsx").size());
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
