package xuncha.ledger;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import xuncha.Run;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** What the ledger tests share: a new ledger of either kind, a round recorded, a workbook filled in. */
final class Ledgers {
    static final String SAMPLE = "fixtures/yangqu-2022.yaml";

    private Ledgers() {
    }

    /** Both kinds of database every ledger test runs against. */
    static Stream<String> kinds() {
        return Stream.of("sqlite", "postgresql");
    }

    /** A new, empty ledger of this kind. */
    static String fresh(String kind, Path dir) {
        return kind.equals("sqlite") ? dir.resolve("台账.db").toString() : Postgres.server().newDatabase();
    }

    static Run check(String db, String round, Path facts, Path out) {
        return Run.xuncha("check", facts.toString(), "--db", db, "--round", round, "--by", "巡察办", "--format", "json",
                "--output", out.toString(), "--fail-on", "never");
    }

    /** The round's workbook as a unit fills it in: for each fingerprint, the four fill-in cells. */
    static Path filled(Path workbook, Path out, Map<String, String[]> rows) throws IOException {
        try (InputStream in = Files.newInputStream(workbook); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet sheet = wb.getSheet("问题清单");
            Row head = sheet.getRow(0);
            int fp = -1;
            int measures = -1;
            for (Cell c : head) {
                if (c.getStringCellValue().equals("指纹")) {
                    fp = c.getColumnIndex();
                }
                if (c.getStringCellValue().equals("整改措施")) {
                    measures = c.getColumnIndex();
                }
            }
            assertThat(fp).isNotNegative();
            assertThat(measures).isNotNegative();
            int filled = 0;
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                String[] values = rows.get(row.getCell(fp).getStringCellValue());
                if (values != null) {
                    for (int i = 0; i < values.length; i++) {
                        Cell c = row.getCell(measures + i) == null ? row.createCell(measures + i) : row.getCell(measures + i);
                        c.setCellValue(values[i]);
                    }
                    filled++;
                }
            }
            assertThat(filled).isEqualTo(rows.size());
            try (OutputStream o = Files.newOutputStream(out)) {
                wb.write(o);
            }
        }
        return out;
    }
}
