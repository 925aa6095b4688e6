package xuncha.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xuncha.Run;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The workbook, read back as a county office would open it. */
class XlsxRendererTest {
    private static final String SAMPLE = "fixtures/yangqu-2022.yaml";

    @TempDir
    Path dir;

    private static List<String> row(Sheet sheet, int r) {
        List<String> out = new ArrayList<>();
        Row row = sheet.getRow(r);
        for (int c = 0; c < row.getLastCellNum(); c++) {
            var cell = row.getCell(c);
            out.add(cell == null ? "" : switch (cell.getCellType()) {
                case NUMERIC -> String.valueOf((long) cell.getNumericCellValue());
                default -> cell.getStringCellValue();
            });
        }
        return out;
    }

    private XSSFWorkbook open(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    @Test
    void oneRowPerFindingWithColumnsForTheUnitToFillInAndASummaryByUnit() throws Exception {
        Path xlsx = dir.resolve("sample.xlsx");
        Run run = Run.xuncha("check", "--format", "xlsx", "--output", xlsx.toString(), SAMPLE);
        assertThat(run.err()).isEmpty();
        assertThat(run.status()).isEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(Run.xuncha("check", "--format", "json", SAMPLE).out());
        try (XSSFWorkbook wb = open(xlsx)) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(3);
            assertThat(row(wb.getSheet("来源"), 0)).containsExactly("规则包版本", "1.1.0");
            Sheet findings = wb.getSheet("问题清单");
            assertThat(row(findings, 0)).containsExactly("序号", "县", "乡镇（街道）", "单位编号", "单位", "规则", "要求",
                    "等级", "状态", "问题", "人员", "依据", "整改期限", "豁免", "指纹", "整改措施", "责任人", "整改完成时限",
                    "整改情况");
            assertThat(findings.getLastRowNum()).isEqualTo(json.get("findings").size());
            java.util.Map<String, JsonNode> byFingerprint = new java.util.HashMap<>();
            json.get("findings").forEach(f -> byFingerprint.put(f.get("fingerprint").asText(), f));
            for (int i = 1; i <= findings.getLastRowNum(); i++) {
                List<String> r = row(findings, i);
                JsonNode f = byFingerprint.remove(r.get(14));
                assertThat(f).as("row %d", i).isNotNull();
                assertThat(r.get(0)).isEqualTo(String.valueOf(i));
                assertThat(r.subList(1, 6)).containsExactly("中共阳曲县委员会", r.get(2), f.get("unit").asText(),
                        f.get("unit_name").asText(), f.get("rule").asText());
                assertThat(r.get(9)).isEqualTo(f.get("message").asText());
                assertThat(r.subList(15, 19)).containsOnly("");
            }
            assertThat(byFingerprint).isEmpty();
            // The organisation's order: the county committee first, a township's units after it.
            assertThat(row(findings, 1).get(3)).isEqualTo("yq-party");
            List<String> recruit = java.util.stream.IntStream.rangeClosed(1, findings.getLastRowNum())
                    .mapToObj(i -> row(findings, i)).filter(r -> r.get(5).equals("RECRUIT-01")).findFirst().orElseThrow();
            assertThat(recruit.subList(1, 13)).containsExactly("中共阳曲县委员会", "中共东黄水镇委员会", "dhs-party",
                    "中共东黄水镇委员会", "RECRUIT-01", "28 周岁以下青年入党一般从团员中发展", "提醒", "新发现",
                    "中共东黄水镇委员会于2022年5月20日发展金月入党，时年 24 周岁，不是共青团员", "金月",
                    "依据：中共东黄水镇委员会、金月入党（2022年5月20日）、金月\n阈值：入党一般应为团员的最高年龄 28 周岁",
                    "2022年12月23日");
            // The deadline says when it is past: INSPECT-02's own, 97 days before the as-of day.
            assertThat(java.util.stream.IntStream.rangeClosed(1, findings.getLastRowNum()).mapToObj(i -> row(findings, i))
                    .filter(r -> r.get(5).equals("INSPECT-02")).findFirst().orElseThrow().get(12))
                    .isEqualTo("2022年7月19日（已逾期 97 天）");
            // Printed, each sheet says whose report it is and of which day.
            assertThat(findings.getHeader().getCenter()).contains("中共阳曲县委员会").contains("2022年10月24日");
            assertThat(wb.getSheet("本轮对比")).as("no baseline, no round sheet").isNull();
            assertThat(findings.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);

            Sheet summary = wb.getSheet("按单位汇总");
            assertThat(row(summary, 0)).containsExactly("县", "乡镇（街道）", "单位编号", "单位", "违规", "提醒", "已豁免");
            long withFindings = java.util.stream.StreamSupport.stream(json.get("findings").spliterator(), false)
                    .map(f -> f.get("unit").asText()).distinct().count();
            assertThat(summary.getLastRowNum()).isEqualTo(withFindings + 1);
            int units = json.get("units").asInt();
            assertThat(row(summary, summary.getLastRowNum())).containsExactly("合计", "", "", units + " 个单位",
                    json.get("counts").get("violation").asText(), json.get("counts").get("warning").asText(), "0");
            assertThat(row(summary, 1).subList(0, 4)).containsExactly("中共阳曲县委员会", "", "yq-party", "中共阳曲县委员会");
        }
    }

    @Test
    void againstABaselineTheSummaryCountsStatesAndARectifiedSheetListsWhatWasFixed() throws Exception {
        Path first = dir.resolve("first.json");
        Run.xuncha("check", "--format", "json", "--output", first.toString(), SAMPLE);
        String fixed = Files.readString(Path.of(SAMPLE)).replace("venue: \"\", annual_funds: 0",
                "venue: 东黄水镇青年之家, annual_funds: 0");
        Path second = dir.resolve("second.yaml");
        Files.writeString(second, fixed);
        Path xlsx = dir.resolve("second.xlsx");
        Run run = Run.xuncha("check", "--format", "xlsx", "--lang", "en", "--output", xlsx.toString(),
                "--baseline", first.toString(), second.toString());
        assertThat(run.err()).isEmpty();
        try (XSSFWorkbook wb = open(xlsx)) {
            // The round comes first: its counts and rate, then what is new or back, then what was rectified.
            Sheet round = wb.getSheetAt(0);
            assertThat(round.getSheetName()).isEqualTo("This round");
            assertThat(row(round, 0)).containsExactly("New", "Persisting", "Overdue", "Regressed", "Rectified",
                    "Rectification rate");
            assertThat(row(round, 1)).containsExactly("0", "23", "1", "0", "1", "4%");
            assertThat(row(round, 3)).containsExactly("New and regressed findings (0)");
            assertThat(row(round, 6)).containsExactly("Rectified since the last round (1)");
            assertThat(row(round, 8)).containsExactly("中共阳曲县委员会", "中共东黄水镇委员会", "共青团东黄水镇委员会", "GRASS-02",
                    "violation", "共青团东黄水镇委员会没有活动阵地（如青年之家）");
            assertThat(wb.getSheetAt(1).getSheetName()).isEqualTo("Findings");
            assertThat(row(wb.getSheetAt(1), 1).get(8)).startsWith("persisting (since 2022-10-24");
            Sheet summary = wb.getSheet("By unit");
            assertThat(row(summary, 0)).containsExactly("County", "Township", "Unit id", "Unit", "Violations", "Warnings",
                    "Waived", "New", "Persisting", "Regressed", "Rectified");
            List<String> total = row(summary, summary.getLastRowNum());
            assertThat(total.subList(7, 11)).containsExactly("0", "23", "0", "1");
            Sheet rectified = wb.getSheet("Rectified");
            assertThat(rectified.getLastRowNum()).isEqualTo(1);
            assertThat(row(rectified, 1).subList(3, 6)).containsExactly("dhs-league", "共青团东黄水镇委员会", "GRASS-02");
        }
    }

    @Test
    void severalCountiesHaveTheirSubtotalsAndEveryRowItsCounty() throws Exception {
        Path province = dir.resolve("province");
        Run.xuncha("gen", "--counties", "2", "--out", province.toString());
        Path xlsx = dir.resolve("p.xlsx");
        Run.xuncha("check", "--format", "xlsx", "--output", xlsx.toString(), province.toString());
        try (XSSFWorkbook wb = open(xlsx)) {
            Sheet summary = wb.getSheet("按单位汇总");
            List<List<String>> rows = java.util.stream.IntStream.rangeClosed(1, summary.getLastRowNum())
                    .mapToObj(i -> row(summary, i)).toList();
            List<List<String>> subtotals = rows.stream().filter(r -> r.get(3).equals("小计")).toList();
            assertThat(subtotals).hasSize(2);
            assertThat(subtotals.get(0).get(0)).isNotEqualTo(subtotals.get(1).get(0));
            assertThat(rows.stream().filter(r -> !r.get(3).equals("小计") && !r.get(0).equals("合计")))
                    .allSatisfy(r -> assertThat(r.get(0)).isIn(subtotals.get(0).get(0), subtotals.get(1).get(0)));
            // Only units with findings are listed: far fewer rows than units.
            assertThat(rows.size()).isLessThan(Integer.parseInt(rows.get(rows.size() - 1).get(3).replace(" 个单位", "")));
            Sheet findings = wb.getSheet("问题清单");
            assertThat(row(findings, 1).get(1)).isEqualTo(subtotals.get(0).get(0));
        }
    }

    @Test
    void everyUnitWhenAsked() throws Exception {
        Path xlsx = dir.resolve("all.xlsx");
        Run.xuncha("check", "--format", "xlsx", "--every-unit", "--output", xlsx.toString(), SAMPLE);
        try (XSSFWorkbook wb = open(xlsx)) {
            // The 23 units and the total.
            assertThat(wb.getSheet("按单位汇总").getLastRowNum()).isEqualTo(24);
        }
    }

    @Test
    void aWorkbookIsNeverWrittenToTheTerminal() {
        Run run = Run.xuncha("check", "--lang", "en", "--format", "xlsx", SAMPLE);
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("xuncha check: --format xlsx writes a workbook, not text: name the file with"
                + " --output FILE.xlsx (or use --output-dir)\n");
    }
}
