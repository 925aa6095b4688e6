package xuncha.ledger;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import xuncha.ledger.LedgerView.Problem;
import xuncha.ledger.LedgerView.State;
import xuncha.ledger.LedgerView.Tally;
import xuncha.problems.Messages;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code ledger --format xlsx}: the 三单 offices keep — 问题清单 (what was found), 责任清单 (who answers for
 * it and by when), 整改清单 (what was done and how it was reviewed) — and a summary of the rates.
 */
public final class LedgerXlsx {
    private LedgerXlsx() {
    }

    private record Column(String key, int width, Function<Problem, String> value) {
    }

    public static void write(LedgerView view, String lang, OutputStream out) throws IOException {
        SXSSFWorkbook wb = new SXSSFWorkbook(200);
        try {
            CellStyle head = style(wb, true);
            CellStyle text = style(wb, false);
            String state = "ledger.xlsx.state";
            Column number = new Column("ledger.xlsx.number", 6, p -> "");
            Column county = new Column("ledger.xlsx.county", 14, Problem::county);
            Column township = new Column("ledger.xlsx.township", 14, Problem::township);
            Column unit = new Column("ledger.xlsx.unit", 22, Problem::unitName);
            Column stateColumn = new Column(state, 10, p -> Messages.text(lang, p.state().key()));
            Column fingerprint = new Column("ledger.xlsx.fingerprint", 18, Problem::fingerprint);
            sheet(wb, Messages.text(lang, "ledger.xlsx.problems"), view, lang, head, text, List.of(number, county,
                    township, unit,
                    new Column("ledger.xlsx.rule", 10, Problem::rule),
                    new Column("ledger.xlsx.requirement", 30, Problem::title),
                    new Column("ledger.xlsx.problem", 50, Problem::message),
                    new Column("ledger.xlsx.level", 8, p -> p.level().label(lang)),
                    new Column("ledger.xlsx.first_round", 16, p -> Messages.text(lang, "ledger.xlsx.round_on", p.firstRound(), p.firstSeen())),
                    stateColumn, fingerprint));
            sheet(wb, Messages.text(lang, "ledger.xlsx.responsibility"), view, lang, head, text, List.of(number, county,
                    township, unit,
                    new Column("ledger.xlsx.problem", 50, Problem::message),
                    new Column("ledger.xlsx.responsible", 12, p -> p.claim().map(LedgerView.Claim::responsible).orElse("")),
                    new Column("ledger.xlsx.deadline", 12, p -> p.deadline().map(Object::toString).orElse("")),
                    new Column("ledger.xlsx.overdue", 8, p -> p.overdue() ? Messages.text(lang, "ledger.xlsx.yes") : ""),
                    stateColumn, fingerprint));
            sheet(wb, Messages.text(lang, "ledger.xlsx.rectification"), view, lang, head, text, List.of(number, county,
                    township, unit,
                    new Column("ledger.xlsx.problem", 40, Problem::message),
                    new Column("ledger.xlsx.measures", 40, p -> p.claim().map(LedgerView.Claim::measures).orElse("")),
                    new Column("ledger.xlsx.done_on", 12, p -> p.claim().flatMap(LedgerView.Claim::doneOn)
                            .map(Object::toString).orElse("")),
                    new Column("ledger.xlsx.status", 20, p -> p.claim().map(LedgerView.Claim::text).orElse("")),
                    new Column("ledger.xlsx.evidence", 24, p -> p.claim().map(c -> c.evidence().stream()
                            .map(LedgerView.EvidenceFile::name).collect(Collectors.joining("\n"))).orElse("")),
                    new Column("ledger.xlsx.reviewer", 10, p -> p.review().map(LedgerView.Review::by).orElse("")),
                    new Column("ledger.xlsx.reviewed_on", 12, p -> p.review().map(r -> r.on().toString()).orElse("")),
                    new Column("ledger.xlsx.review_note", 24, p -> p.review().map(LedgerView.Review::note).orElse("")),
                    stateColumn, fingerprint));
            summary(wb.createSheet(Messages.text(lang, "ledger.xlsx.summary")), view, lang, head, text);
            wb.sheetIterator().forEachRemaining(s -> {
                s.getHeader().setCenter(Messages.text(lang, "ledger.xlsx.title"));
                s.getPrintSetup().setLandscape(true);
                s.getPrintSetup().setPaperSize(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
                s.setRepeatingRows(new CellRangeAddress(0, 0, -1, -1));
                // As wide as the page, as long as it takes.
                s.setFitToPage(true);
                s.getPrintSetup().setFitWidth((short) 1);
                s.getPrintSetup().setFitHeight((short) 0);
            });
            wb.write(out);
        } finally {
            wb.close();
            wb.dispose();
        }
    }

    private static void sheet(SXSSFWorkbook wb, String name, LedgerView view, String lang, CellStyle head,
                              CellStyle text, List<Column> columns) {
        Sheet sheet = wb.createSheet(name);
        Row top = sheet.createRow(0);
        for (int c = 0; c < columns.size(); c++) {
            cell(top, c, Messages.text(lang, columns.get(c).key()), head);
            sheet.setColumnWidth(c, columns.get(c).width() * 256);
        }
        int r = 1;
        for (Problem p : view.problems()) {
            Row row = sheet.createRow(r);
            row.createCell(0).setCellValue(r);
            row.getCell(0).setCellStyle(text);
            for (int c = 1; c < columns.size(); c++) {
                cell(row, c, columns.get(c).value().apply(p), text);
            }
            r++;
        }
        sheet.createFreezePane(0, 1);
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, columns.size() - 1));
    }

    private static void summary(Sheet sheet, LedgerView view, String lang, CellStyle head, CellStyle text) {
        List<String> heads = new ArrayList<>(List.of(Messages.text(lang, "ledger.xlsx.scope"),
                Messages.text(lang, "ledger.xlsx.count")));
        for (State s : State.values()) {
            heads.add(Messages.text(lang, s.key()));
        }
        heads.add(Messages.text(lang, "ledger.xlsx.rate"));
        Row top = sheet.createRow(0);
        for (int c = 0; c < heads.size(); c++) {
            cell(top, c, heads.get(c), head);
            sheet.setColumnWidth(c, (c == 0 ? 30 : Math.max(10, heads.get(c).length() * 2 + 2)) * 256);
        }
        List<Tally> rows = new ArrayList<>();
        rows.add(new Tally("", Messages.text(lang, "ledger.xlsx.all"), view.total().counts(), view.total().problems()));
        view.byCounty().forEach(t -> rows.add(new Tally(t.key(), Messages.text(lang, "ledger.xlsx.of_county",
                t.name().isEmpty() ? "—" : t.name()), t.counts(), t.problems())));
        view.byUnit().forEach(t -> rows.add(new Tally(t.key(), Messages.text(lang, "ledger.xlsx.unit_named", t.name(), t.key()), t.counts(), t.problems())));
        int r = 1;
        for (Tally t : rows) {
            Row row = sheet.createRow(r++);
            cell(row, 0, t.name(), text);
            number(row, 1, t.problems(), text);
            int c = 2;
            for (State s : State.values()) {
                number(row, c++, t.counts().get(s), text);
            }
            cell(row, c, t.percent(), text);
        }
        sheet.createFreezePane(1, 1);
    }

    private static void cell(Row row, int c, String value, CellStyle style) {
        row.createCell(c).setCellValue(value);
        row.getCell(c).setCellStyle(style);
    }

    private static void number(Row row, int c, int value, CellStyle style) {
        row.createCell(c).setCellValue(value);
        row.getCell(c).setCellStyle(style);
    }

    private static CellStyle style(SXSSFWorkbook wb, boolean heading) {
        CellStyle s = wb.createCellStyle();
        s.setBorderTop(BorderStyle.THIN);
        s.setBorderBottom(BorderStyle.THIN);
        s.setBorderLeft(BorderStyle.THIN);
        s.setBorderRight(BorderStyle.THIN);
        s.setWrapText(true);
        s.setVerticalAlignment(VerticalAlignment.TOP);
        if (heading) {
            Font bold = wb.createFont();
            bold.setBold(true);
            s.setFont(bold);
            s.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        }
        return s;
    }
}
