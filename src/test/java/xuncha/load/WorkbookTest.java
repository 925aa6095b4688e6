package xuncha.load;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xuncha.Run;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The facts workbook (台账): what {@code convert} writes, {@code check} reads to the same findings as
 * the YAML it came from, and back; every mistake in it is located at its cell.
 */
class WorkbookTest {
    @TempDir
    Path dir;

    /** check's output for {@code facts}, and that it refused nothing. */
    private static Run check(String... facts) {
        String[] args = new String[facts.length + 1];
        args[0] = "check";
        System.arraycopy(facts, 0, args, 1, facts.length);
        Run run = Run.xuncha(args);
        assertThat(run.err()).isEmpty();
        return run;
    }

    private void roundTrip(String... facts) {
        Path workbook = dir.resolve("台账.xlsx");
        assertThat(Run.xuncha(concat(new String[] {"convert", "--output", workbook.toString()}, facts)).status()).isZero();
        Run original = check(facts);
        Run fromWorkbook = check(workbook.toString());
        assertThat(fromWorkbook.out()).isEqualTo(original.out());
        assertThat(fromWorkbook.status()).isEqualTo(original.status());
        Path back = dir.resolve("back.yaml");
        assertThat(Run.xuncha("convert", "--output", back.toString(), workbook.toString()).status()).isZero();
        assertThat(check(back.toString()).out()).isEqualTo(original.out());
        // The YAML written from the workbook, written again, is the same file: nothing drifts.
        Path again = dir.resolve("again.yaml");
        Run.xuncha("convert", "--output", again.toString(), back.toString());
        try {
            assertThat(Files.readString(again)).isEqualTo(Files.readString(back));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void theSampleThroughAWorkbookGivesTheSameFindings() {
        roundTrip("fixtures/yangqu-2022.yaml");
    }

    @Test
    void twoCountiesThroughAWorkbookGiveTheSameFindings() {
        roundTrip("fixtures/two-counties");
    }

    @Test
    void threeGeneratedCountiesThroughAWorkbookGiveTheSameFindings() {
        Path gen = dir.resolve("gen");
        assertThat(Run.xuncha("gen", "--counties", "3", "--out", gen.toString()).status()).isZero();
        roundTrip(gen.toString());
    }

    /** A converted workbook with {@code edit} made to it, as a clerk would in Excel. */
    private Path edited(Consumer<XSSFWorkbook> edit) throws IOException {
        Path workbook = dir.resolve("台账.xlsx");
        Run.xuncha("convert", "--output", workbook.toString(), "fixtures/yangqu-2022.yaml");
        Path out = dir.resolve("改过.xlsx");
        try (InputStream in = Files.newInputStream(workbook); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            edit.accept(wb);
            try (OutputStream o = Files.newOutputStream(out)) {
                wb.write(o);
            }
        }
        return out;
    }

    private static Cell cell(XSSFWorkbook wb, String sheet, int row, int column) {
        Sheet s = wb.getSheet(sheet);
        Row r = s.getRow(row) == null ? s.createRow(row) : s.getRow(row);
        return r.getCell(column) == null ? r.createCell(column) : r.getCell(column);
    }

    @Test
    void aWrongDateAnUnknownValueAndADanglingReferenceAreLocatedAtTheirCells() throws IOException {
        Path bad = edited(wb -> {
            cell(wb, "单位", 4, 2).setCellValue("乡村");
            cell(wb, "人员及职务", 1, 2).setCellValue("1990/5/12");
            cell(wb, "会议", 1, 1).setCellValue("yq-partty");
        });
        Run run = Run.xuncha("check", bad.toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains(
                bad + ":单位!C5: error: “乡村”不是单位中“类型”的有效取值",
                bad + ":人员及职务!C2: error: “出生日期”的日期应写作 YYYY-MM-DD：“1990/5/12”请写成 1990-05-12",
                bad + ":会议!B2: error: 找不到单位“yq-partty”")
                .endsWith("共 3 个错误\n").doesNotContain("Exception");
    }

    /** A required cell left empty is named by its heading, at its cell: of a record and of a nested row. */
    @Test
    void anEmptyRequiredCellIsLocatedAtItselfAndNamedByItsHeading() throws IOException {
        Path bad = edited(wb -> {
            cell(wb, "人员及职务", 1, 1).setBlank();
            cell(wb, "人员及职务", 1, 6).setBlank();
        });
        Run run = Run.xuncha("check", bad.toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains(bad + ":人员及职务!B2: error: 人员的必填字段“姓名”没有填写值",
                bad + ":人员及职务!G2: error: 人员p-secretary的职务的必填字段“职务”没有填写值").doesNotContain("“name”", "“role”");
    }

    @Test
    void aSheetOrAColumnXunchaDoesNotKnowIsNamedWithTheNearest() throws IOException {
        Path bad = edited(wb -> {
            wb.setSheetName(wb.getSheetIndex("会议"), "会意");
            cell(wb, "单位", 0, 3).setCellValue("上级编号");
            wb.createSheet("说明二");
        });
        Run run = Run.xuncha("check", bad.toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains(bad + ":会意: error: 工作簿中的工作表“会意”不是事实台账的工作表；是否应为“会议”？",
                bad + ":单位!D1: error: “上级编号”不是工作表“单位”的列；是否应为“上级单位编号”？")
                .doesNotContain("说明二");
    }

    @Test
    void aFileThatIsNotAWorkbookIsSaidSo() throws IOException {
        Path fake = dir.resolve("台账.xlsx");
        Files.writeString(fake, "编号,名称\nyq-party,阳曲县委\n");
        Run run = Run.xuncha("check", fake.toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).startsWith(fake + ": error: 这不是 .xlsx 工作簿：请用 Excel 或 WPS 打开，另存为");
    }

    /** A hostile workbook: a sheet that inflates ten-thousandfold is refused, said in words, before it is read. */
    @Test
    void aWorkbookThatInflatesFarBeyondItsSizeIsRefused() throws IOException {
        Path workbook = dir.resolve("台账.xlsx");
        Run.xuncha("convert", "--output", workbook.toString(), "fixtures/yangqu-2022.yaml");
        Path bomb = dir.resolve("炸弹.xlsx");
        try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(workbook.toFile());
             java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(bomb))) {
            for (java.util.zip.ZipEntry e : java.util.Collections.list(in.entries())) {
                out.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                byte[] content = in.getInputStream(e).readAllBytes();
                if (e.getName().equals("xl/worksheets/sheet3.xml")) {
                    String xml = new String(content, java.nio.charset.StandardCharsets.UTF_8);
                    int at = xml.indexOf("<sheetData");
                    content = (xml.substring(0, at) + " ".repeat(20_000_000) + xml.substring(at))
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                }
                out.write(content);
                out.closeEntry();
            }
        }
        Run run = Run.xuncha("check", bomb.toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).isEqualTo(bomb + ": error: 这个工作簿解压后比文件本身大得多（某一部分膨胀一百倍以上），"
                + "为安全起见不予读取：请用 Excel 或 WPS 重新另存\n共 1 个错误\n");
    }

    @Test
    void theTemplateHasTheSheetsDropDownsAndExamplesAndIsNeverWrittenOverAFilledOne() throws IOException {
        Path template = dir.resolve("台账.xlsx");
        Run made = Run.xuncha("template", "--output", template.toString());
        assertThat(made.status()).isZero();
        try (InputStream in = Files.newInputStream(template); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertThat(wb.getSheetName(0)).isEqualTo("说明");
            assertThat(wb.getSheet("说明").getRow(0).getCell(0).getStringCellValue()).contains("台账填写说明");
            assertThat(wb.getSheet("单位").getRow(0).getCell(2).getStringCellValue()).isEqualTo("类型");
            assertThat(wb.getSheet("单位").getDataValidations()).anySatisfy(v ->
                    assertThat(v.getValidationConstraint().getExplicitListValues()).contains("村", "乡镇党委", "县委"));
            assertThat(wb.getSheet("人员及职务").getDataValidations()).anySatisfy(v ->
                    assertThat(v.getValidationConstraint().getExplicitListValues()).contains("是", "否"));
            assertThat(cell(wb, "人员及职务", 1, 2).getLocalDateTimeCellValue().toLocalDate()).hasToString("1990-05-12");
        }
        Run checked = Run.xuncha("check", template.toString());
        assertThat(checked.err()).isEmpty();
        Run again = Run.xuncha("template", "--output", template.toString());
        assertThat(again.status()).isEqualTo(2);
        assertThat(again.err()).contains("已存在");
    }

    /** Any text in any cell of a valid workbook: checked, or refused located; never a crash. */
    @Property(tries = 25)
    void anyCellAnyTextIsCheckedOrRefusedLocated(@ForAll @IntRange(min = 0, max = 9) int sheet,
                                                 @ForAll @IntRange(min = 0, max = 12) int row,
                                                 @ForAll @IntRange(min = 0, max = 14) int column,
                                                 @ForAll @StringLength(max = 30) String text) throws IOException {
        Path workbook = Files.createTempFile("fuzz", ".xlsx");
        try {
            Run.xuncha("convert", "--output", workbook.toString(), "fixtures/yangqu-2022.yaml");
            try (InputStream in = Files.newInputStream(workbook); XSSFWorkbook wb = new XSSFWorkbook(in)) {
                Sheet s = wb.getSheetAt(sheet);
                Row r = s.getRow(row) == null ? s.createRow(row) : s.getRow(row);
                (r.getCell(column) == null ? r.createCell(column) : r.getCell(column)).setCellValue(text);
                try (OutputStream o = Files.newOutputStream(workbook)) {
                    wb.write(o);
                }
            }
            Run run = Run.xuncha("check", workbook.toString());
            assertThat(run.status()).isBetween(0, 2);
            assertThat(run.err()).doesNotContain("Exception").doesNotContain("内部错误");
            if (run.status() == 2) {
                assertThat(run.err().lines().filter(l -> !l.startsWith("共 ")))
                        .allSatisfy(l -> assertThat(l).startsWith(workbook.toString()));
            }
        } finally {
            Files.deleteIfExists(workbook);
        }
    }
}
