package xuncha.render;

import xuncha.problems.Messages;

import xuncha.report.Places;
import xuncha.report.Report;
import xuncha.report.Texts;
import xuncha.report.Fingerprint;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import xuncha.findings.Level;

import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The workbook county offices pass around: a findings sheet (one row per finding, with columns left
 * for the unit to fill in its rectification), a summary sheet by unit, and, when checked against a
 * baseline, the findings rectified since.
 */
final class XlsxRenderer implements Renderer {
    /** Whether the summary sheet lists every unit, not only those with findings. */
    private final boolean everyUnit;

    XlsxRenderer() {
        this(false);
    }

    /** @param everyUnit list every unit in the summary sheet, those without findings too */
    XlsxRenderer(boolean everyUnit) {
        this.everyUnit = everyUnit;
    }

    @Override
    public Renderer with(Options options) {
        return new XlsxRenderer(options.everyUnit());
    }

    /** The columns a unit fills in; shaded, and kept last so that sorting and filtering leave them whole. */
    private static final List<String> FILL_IN = List.of("xlsx.fill.measures", "xlsx.fill.responsible",
            "xlsx.fill.deadline", "xlsx.fill.status");

    @Override
    public String name() {
        return "xlsx";
    }

    @Override
    public String extension() {
        return "xlsx";
    }

    @Override
    public boolean binary() {
        return true;
    }

    @Override
    public void render(Report report, OutputStream out) throws IOException {
        boolean zh = "zh".equals(report.lang());
        // Streaming: rows go to a temporary file past the last 200, so a province's sheet (tens of
        // thousands of rows) takes no more memory than the sample's.
        SXSSFWorkbook wb = new SXSSFWorkbook(200);
        try {
            // The workbook says when the facts were taken, not when it was written: the same run gives the same content.
            var properties = wb.getXSSFWorkbook().getProperties().getCoreProperties();
            properties.setCreated(Optional.of(Date.from(report.asOf().atStartOfDay(ZoneOffset.UTC).toInstant())));
            properties.setCreator("xuncha");
            String title = Wording.title(report, zh);
            properties.setTitle(title);
            Styles styles = new Styles(wb);
            if (report.rounds().tracked()) {
                round(wb.createSheet(Messages.word(zh, "word.sheet_round")), report, styles);
            }
            findings(wb.createSheet(Messages.word(zh, "word.sheet_findings")),
                    report.byUnitInHierarchy().values().stream().flatMap(List::stream).toList(), report, styles, true);
            summary(wb.createSheet(Messages.word(zh, "word.sheet_by_unit")), report, styles, everyUnit);
            if (report.rounds().tracked()) {
                findings(wb.createSheet(Messages.word(zh, "word.sheet_rectified")), report.rounds().rectified(), report, styles, false);
            }
            if (report.provenance().known()) {
                provenance(wb.createSheet(Messages.word(zh, "word.sheet_provenance")), report, styles);
            }
            // Printed, every sheet says whose report it is and of which day, landscape, as wide as the page.
            wb.sheetIterator().forEachRemaining(s -> {
                s.getHeader().setCenter(title);
                s.getPrintSetup().setLandscape(true);
                s.getPrintSetup().setPaperSize(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
                if (printedWidth(s) <= FIT_TO_PAGE_CHARS) {
                    s.setFitToPage(true);
                    s.getPrintSetup().setFitWidth((short) 1);
                    s.getPrintSetup().setFitHeight((short) 0);
                } else {
                    // Too wide to shrink onto one page and still be read: its heading row on every page instead.
                    s.setRepeatingRows(new CellRangeAddress(0, 0, -1, -1));
                }
            });
            wb.write(out);
        } finally {
            wb.close();
            wb.dispose();
        }
    }

    private record Column(String key, int width, Function<Report.Entry, String> value) {
    }

    private static List<Column> columns(Report report) {
        boolean zh = "zh".equals(report.lang());
        Places places = new Places(report);
        return List.of(
                new Column("xlsx.col.county", 16, e -> places.county(e.unit())),
                new Column("xlsx.col.township", 16, e -> places.township(e.unit())),
                new Column("xlsx.col.unit_id", 16, Report.Entry::unit),
                new Column("xlsx.col.unit", 22, Report.Entry::unitName),
                new Column("xlsx.col.rule", 11, Report.Entry::rule),
                new Column("xlsx.col.requirement", 36, Report.Entry::title),
                new Column("xlsx.col.level", 8, e -> e.level().label(report.lang())),
                new Column("xlsx.col.state", 10, e -> state(e, zh)),
                new Column("xlsx.col.finding", 60, Report.Entry::message),
                new Column("xlsx.col.person", 10, Report.Entry::personName),
                new Column("xlsx.col.evidence", 40, e -> String.join("\n", Wording.evidenceLines(e.evidence(), zh))),
                new Column("xlsx.col.rectify_by", 12,
                        e -> Wording.deadline(e.tracking(), report.asOf(), zh).orElse("")),
                new Column("xlsx.col.waiver", 24, e -> e.waiver().map(w -> (Messages.word(zh, "word.until")) + w.expires() + (Messages.word(zh, "word.colon"))
                        + w.reason() + (Messages.word(zh, "word.open")) + w.approvedBy() + (Messages.word(zh, "word.approved_close"))).orElse("")),
                new Column("xlsx.col.fingerprint", 18, Report.Entry::fingerprint));
    }

    private static String state(Report.Entry e, boolean zh) {
        String label = e.tracking().state().label(zh);
        if (e.tracking().state() == Report.State.PERSISTING) {
            label += (Messages.word(zh, "word.since_open")) + Texts.format(e.tracking().firstSeen(), zh ? "zh" : "en")
                    + (e.tracking().overdue()
                    ? (Messages.word(zh, "word.overdue_close")) : (Messages.word(zh, "word.close")));
        }
        return label;
    }

    private static void findings(Sheet sheet, List<Report.Entry> entries, Report report, Styles styles,
                                 boolean fillIn) {
        boolean zh = "zh".equals(report.lang());
        List<Column> columns = columns(report);
        List<String> fill = fillIn ? FILL_IN.stream().map(k -> Messages.word(zh, k)).toList() : List.of();
        Row head = sheet.createRow(0);
        int c = 0;
        cell(head, c, Messages.word(zh, "word.number"), styles.head);
        sheet.setColumnWidth(c++, 6 * 256);
        for (Column col : columns) {
            cell(head, c, Messages.word(zh, col.key()), styles.head);
            sheet.setColumnWidth(c++, col.width() * 256);
        }
        for (String f : fill) {
            cell(head, c, f, styles.fillHead);
            sheet.setColumnWidth(c++, 24 * 256);
        }
        int r = 1;
        for (Report.Entry e : entries) {
            Row row = sheet.createRow(r);
            row.createCell(0).setCellValue(r);
            row.getCell(0).setCellStyle(styles.text);
            int i = 1;
            for (Column col : columns) {
                cell(row, i++, col.value().apply(e), styles.text);
            }
            // Left blank, not an empty text: what a unit types in is then the cell's only value.
            for (int k = 0; k < fill.size(); k++) {
                row.createCell(i++).setCellStyle(styles.fill);
            }
            r++;
        }
        sheet.createFreezePane(0, 1);
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, columns.size() + fill.size()));
    }

    /** Which pack judged which facts: a name and a value a row, so that the workbook can be reproduced. */
    private static void provenance(Sheet sheet, Report report, Styles styles) {
        boolean zh = "zh".equals(report.lang());
        int r = 0;
        for (Map.Entry<String, String> row : Wording.provenance(report.provenance(), zh).entrySet()) {
            Row line = sheet.createRow(r++);
            Cell name = line.createCell(0);
            name.setCellValue(row.getKey());
            name.setCellStyle(styles.head);
            line.createCell(1).setCellValue(row.getValue());
        }
        sheet.setColumnWidth(0, 24 * 256);
        sheet.setColumnWidth(1, 70 * 256);
    }

    /** Sheets up to this many characters wide are shrunk to the width of a landscape A4 page when printed. */
    private static final int FIT_TO_PAGE_CHARS = 200;

    /** The width of a sheet's columns, in characters. */
    private static int printedWidth(Sheet sheet) {
        Row head = sheet.getRow(0);
        int last = head == null ? 0 : head.getLastCellNum();
        int width = 0;
        for (int c = 0; c < last; c++) {
            width += sheet.getColumnWidth(c) / 256;
        }
        return width;
    }

    /**
     * The round at a glance, the first sheet when there is a baseline: the counts and the rate, then
     * the new and back findings, then those rectified since the last round, each with its place.
     */
    private static void round(Sheet sheet, Report report, Styles styles) {
        boolean zh = "zh".equals(report.lang());
        Report.RoundCounts c = report.roundCounts();
        List<String> heads = java.util.stream.Stream.of("xlsx.sum.new", "xlsx.sum.persisting", "xlsx.sum.overdue",
                "xlsx.sum.regressed", "xlsx.sum.rectified", "xlsx.sum.rate").map(k -> Messages.word(zh, k)).toList();
        Row head = sheet.createRow(0);
        Row values = sheet.createRow(1);
        int[] counts = {c.fresh(), c.persisting(), c.overdue(), c.regressed(), c.rectified()};
        for (int i = 0; i < heads.size(); i++) {
            cell(head, i, heads.get(i), styles.head);
            if (i < counts.length) {
                values.createCell(i).setCellValue(counts[i]);
                values.getCell(i).setCellStyle(styles.text);
            } else {
                cell(values, i, Wording.rate(c), styles.text);
            }
        }
        Places places = new Places(report);
        int r = listed(sheet, 3, Messages.word(zh, "round.changes"), report.changes(), places, report, styles);
        listed(sheet, r + 1, Messages.word(zh, "round.rectified"), report.rounds().rectified(), places, report, styles);
        int[] widths = {16, 16, 22, 11, 8, 70};
        for (int i = 0; i < widths.length; i++) {
            sheet.setColumnWidth(i, widths[i] * 256);
        }
    }

    /** A heading and the findings under it, from row {@code r}; the row after them. */
    private static int listed(Sheet sheet, int r, String heading, List<Report.Entry> entries, Places places,
                              Report report, Styles styles) {
        boolean zh = "zh".equals(report.lang());
        cell(sheet.createRow(r++), 0, heading + (Messages.word(zh, "word.count_paren", entries.size())), styles.head);
        Row head = sheet.createRow(r++);
        List<String> keys = List.of("xlsx.col.county", "xlsx.col.township", "xlsx.col.unit", "xlsx.col.rule",
                "xlsx.col.level", "xlsx.col.finding");
        for (int i = 0; i < keys.size(); i++) {
            cell(head, i, Messages.word(zh, keys.get(i)), styles.head);
        }
        for (Report.Entry e : entries) {
            Row row = sheet.createRow(r++);
            String[] cells = {places.county(e.unit()), places.township(e.unit()), e.unitName(), e.rule(),
                    e.level().label(report.lang()), e.message()};
            for (int i = 0; i < cells.length; i++) {
                cell(row, i, cells[i], styles.text);
            }
        }
        return r;
    }

    /**
     * A row per unit with findings (or findings rectified), in the order of the organisation, with its
     * county and township; a subtotal after each county when there are several; the total last.
     */
    private static void summary(Sheet sheet, Report report, Styles styles, boolean everyUnit) {
        boolean zh = "zh".equals(report.lang());
        List<String> keys = new ArrayList<>(List.of("xlsx.col.county", "xlsx.col.township", "xlsx.col.unit_id",
                "xlsx.col.unit", "xlsx.sum.violations", "xlsx.sum.warnings", "xlsx.sum.waived"));
        if (report.rounds().tracked()) {
            keys.addAll(List.of("xlsx.sum.new", "xlsx.sum.persisting", "xlsx.sum.regressed", "xlsx.sum.rectified"));
        }
        List<String> heads = keys.stream().map(k -> Messages.word(zh, k)).toList();
        Row head = sheet.createRow(0);
        for (int i = 0; i < heads.size(); i++) {
            cell(head, i, heads.get(i), styles.head);
            sheet.setColumnWidth(i, (i == 3 ? 24 : i < 3 ? 16 : 9) * 256);
        }
        Places places = new Places(report);
        Map<String, List<Report.Entry>> byUnit = report.byUnit();
        Map<String, List<Report.Entry>> rectified = report.rounds().rectified().stream().collect(
                java.util.stream.Collectors.groupingBy(Report.Entry::unit));
        boolean severalCounties = report.counties().size() > 1;
        int first = 4;
        int[] totals = new int[heads.size()];
        int[] county = new int[heads.size()];
        String current = null;
        int r = 1;
        for (Report.UnitRef unit : report.hierarchy()) {
            List<Report.Entry> es = byUnit.getOrDefault(unit.id(), List.of());
            List<Report.Entry> fixed = rectified.getOrDefault(unit.id(), List.of());
            if (es.isEmpty() && fixed.isEmpty() && !everyUnit) {
                continue;
            }
            if (severalCounties && current != null && !current.equals(unit.county())) {
                r = subtotal(sheet, r, county, first, places, current, zh, styles);
                county = new int[heads.size()];
            }
            current = unit.county();
            int[] counts = counts(es, fixed, report.rounds().tracked());
            Row row = sheet.createRow(r++);
            cell(row, 0, places.county(unit.id()), styles.text);
            cell(row, 1, places.township(unit.id()), styles.text);
            cell(row, 2, unit.id(), styles.text);
            cell(row, 3, unit.name(), styles.text);
            for (int i = 0; i < counts.length; i++) {
                row.createCell(i + first).setCellValue(counts[i]);
                totals[i + first] += counts[i];
                county[i + first] += counts[i];
            }
        }
        if (severalCounties && current != null) {
            r = subtotal(sheet, r, county, first, places, current, zh, styles);
        }
        Row total = sheet.createRow(r);
        cell(total, 0, Messages.word(zh, "word.total"), styles.head);
        cell(total, 3, report.units() + (Messages.word(zh, "word.units_suffix")), styles.head);
        for (int i = first; i < heads.size(); i++) {
            total.createCell(i).setCellValue(totals[i]);
            total.getCell(i).setCellStyle(styles.head);
        }
        sheet.createFreezePane(0, 1);
    }

    /** A county's subtotal row; the next row's number. */
    private static int subtotal(Sheet sheet, int r, int[] county, int first, Places places, String countyId, boolean zh,
                                Styles styles) {
        Row row = sheet.createRow(r);
        cell(row, 0, places.county(countyId), styles.head);
        cell(row, 3, Messages.word(zh, "xlsx.subtotal"), styles.head);
        for (int i = first; i < county.length; i++) {
            row.createCell(i).setCellValue(county[i]);
            row.getCell(i).setCellStyle(styles.head);
        }
        return r + 1;
    }

    private static int[] counts(List<Report.Entry> es, List<Report.Entry> rectified, boolean tracked) {
        int[] c = new int[tracked ? 7 : 3];
        for (Report.Entry e : es) {
            if (e.waived()) {
                c[2]++;
            } else {
                c[e.level() == Level.VIOLATION ? 0 : 1]++;
            }
            if (tracked) {
                c[switch (e.tracking().state()) {
                    case PERSISTING -> 4;
                    case REGRESSED -> 5;
                    default -> 3;
                }]++;
            }
        }
        if (tracked) {
            c[6] = rectified.size();
        }
        return c;
    }

    private static void cell(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    private static final class Styles {
        final CellStyle head;
        final CellStyle fillHead;
        final CellStyle text;
        final CellStyle fill;

        Styles(SXSSFWorkbook wb) {
            Font bold = wb.createFont();
            bold.setBold(true);
            head = bordered(wb);
            head.setFont(bold);
            head.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            head.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            fillHead = bordered(wb);
            fillHead.setFont(bold);
            fillHead.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
            fillHead.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            text = bordered(wb);
            text.setWrapText(true);
            text.setVerticalAlignment(VerticalAlignment.TOP);
            fill = bordered(wb);
            fill.setWrapText(true);
            fill.setVerticalAlignment(VerticalAlignment.TOP);
            fill.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
            fill.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        }

        private static CellStyle bordered(SXSSFWorkbook wb) {
            CellStyle s = wb.createCellStyle();
            s.setBorderTop(BorderStyle.THIN);
            s.setBorderBottom(BorderStyle.THIN);
            s.setBorderLeft(BorderStyle.THIN);
            s.setBorderRight(BorderStyle.THIN);
            return s;
        }
    }
}
