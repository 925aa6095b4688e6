package xuncha.convert;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import xuncha.facts.FactBase;
import xuncha.facts.Labelled;
import xuncha.load.FactsFormat;
import xuncha.load.WorkbookFormat;
import xuncha.yaml.Spellings;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A fact base as a facts workbook (台账, {@link WorkbookFormat}): the sheets with Chinese headings,
 * values in Chinese (村, 书记, 是), dates as dates, drop-down lists of the allowed values, and a sheet
 * of instructions first. What {@code xuncha convert} writes for .xlsx and {@code xuncha template}
 * writes with example rows. Streams rows ({@link SXSSFWorkbook}): a province fits in little memory.
 */
public final class WorkbookWriter {
    /** Rows below the data that keep the drop-down lists, for the rows a clerk adds. */
    private static final int ROOM = 500;

    private WorkbookWriter() {
    }

    public static void write(FactBase facts, List<String> instructions, OutputStream out) throws IOException {
        Map<String, Object> tree = FactsTree.of(facts);
        // Shared strings, as Excel writes them: a workbook edited by other tools keeps what they write.
        try (SXSSFWorkbook wb = new SXSSFWorkbook(null, 200, false, true)) {
            Styles styles = new Styles(wb);
            Sheet notes = wb.createSheet("说明");
            for (int i = 0; i < instructions.size(); i++) {
                notes.createRow(i).createCell(0).setCellValue(instructions.get(i));
            }
            notes.setColumnWidth(0, 120 * 256);
            for (WorkbookFormat.Sheet sheet : WorkbookFormat.SHEETS) {
                sheet(wb.createSheet(sheet.name()), sheet, rows(sheet, tree), styles);
            }
            wb.write(out);
            wb.dispose();
        }
    }

    /** The sheet's rows, each a mapping of column to value; a record with nested items takes a row per item. */
    @SuppressWarnings("unchecked")
    private static List<Map<WorkbookFormat.Column, Object>> rows(WorkbookFormat.Sheet sheet, Map<String, Object> tree) {
        List<Map<WorkbookFormat.Column, Object>> rows = new ArrayList<>();
        if (sheet.key().isEmpty()) {
            Map<WorkbookFormat.Column, Object> row = new LinkedHashMap<>();
            sheet.columns().forEach(c -> row.put(c, tree.get(c.field())));
            rows.add(row);
            return rows;
        }
        for (Object item : (List<Object>) tree.getOrDefault(sheet.key(), List.of())) {
            Map<String, Object> record = (Map<String, Object>) item;
            List<Map<String, Object>> inner = sheet.nested().isEmpty() ? List.of()
                    : (List<Map<String, Object>>) record.getOrDefault(sheet.nested(), List.of());
            for (int i = 0; i < Math.max(1, inner.size()); i++) {
                Map<WorkbookFormat.Column, Object> row = new LinkedHashMap<>();
                for (WorkbookFormat.Column c : sheet.columns()) {
                    Object v = switch (c.kind()) {
                        case NESTED -> inner.isEmpty() ? null : inner.get(i).get(c.leaf());
                        case PART -> ((Map<String, Object>) record.getOrDefault(c.holder(), Map.of())).get(c.leaf());
                        default -> i == 0 || c.field().equals("id") ? record.get(c.field()) : null;
                    };
                    row.put(c, v);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static void sheet(Sheet sheet, WorkbookFormat.Sheet format, List<Map<WorkbookFormat.Column, Object>> rows,
                              Styles styles) {
        Row head = sheet.createRow(0);
        List<WorkbookFormat.Column> columns = format.columns();
        for (int c = 0; c < columns.size(); c++) {
            Cell cell = head.createCell(c);
            cell.setCellValue(columns.get(c).header());
            cell.setCellStyle(styles.head);
            sheet.setColumnWidth(c, Math.max(10, columns.get(c).header().length() * 2 + 4) * 256);
        }
        sheet.createFreezePane(0, 1);
        int r = 1;
        for (Map<WorkbookFormat.Column, Object> values : rows) {
            Row row = sheet.createRow(r++);
            int c = 0;
            for (WorkbookFormat.Column column : columns) {
                value(row.createCell(c++), values.get(column), values(format, column), styles);
            }
        }
        int last = r + ROOM;
        for (int c = 0; c < columns.size(); c++) {
            final int col = c;
            choices(format, columns.get(c)).ifPresent(values -> sheet.addValidationData(list(sheet.getDataValidationHelper(),
                    values, new CellRangeAddressList(1, last, col, col))));
        }
    }

    /** The values a column may take, as written in the workbook (Chinese), when it has a closed list. */
    private static Optional<List<String>> choices(WorkbookFormat.Sheet format, WorkbookFormat.Column column) {
        FactsFormat.Field field = field(format, column);
        if (field == null) {
            return Optional.empty();
        }
        if (field.shape() == FactsFormat.Shape.BOOLEAN) {
            return Optional.of(Spellings.YES_NO);
        }
        if (field.shape() == FactsFormat.Shape.CHOICE) {
            return Optional.of(Arrays.stream(field.values().getEnumConstants())
                    .filter(Spellings::writable).map(Labelled::zh).toList());
        }
        return Optional.empty();
    }

    private static Class<? extends Labelled> values(WorkbookFormat.Sheet format, WorkbookFormat.Column column) {
        FactsFormat.Field field = field(format, column);
        return field == null ? null : field.values();
    }

    /** The facts format's field a column writes. */
    private static FactsFormat.Field field(WorkbookFormat.Sheet format, WorkbookFormat.Column column) {
        String kind = format.key().isEmpty() ? FactsFormat.FILE : records(FactsFormat.FILE, format.key());
        if (column.kind() == WorkbookFormat.Kind.NESTED) {
            kind = records(kind, format.nested());
        }
        String name = column.kind() == WorkbookFormat.Kind.VALUE || column.kind() == WorkbookFormat.Kind.LIST
                ? column.field() : column.kind() == WorkbookFormat.Kind.PART ? column.holder() : column.leaf();
        String k = kind;
        return FactsFormat.fields(k).stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
    }

    private static String records(String kind, String field) {
        return FactsFormat.fields(kind).stream().filter(f -> f.name().equals(field)).findFirst()
                .map(FactsFormat.Field::records).orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static void value(Cell cell, Object v, Class<? extends Labelled> values, Styles styles) {
        if (v == null) {
            return;
        }
        if (v instanceof LocalDate d) {
            cell.setCellValue(Date.from(d.atStartOfDay(ZoneOffset.UTC).toInstant()));
            cell.setCellStyle(styles.date);
        } else if (v instanceof Boolean b) {
            cell.setCellValue(Spellings.yesNo(b));
        } else if (v instanceof Integer i) {
            cell.setCellValue(i);
        } else if (v instanceof BigDecimal d) {
            if (d.precision() <= 15) {
                cell.setCellValue(d.doubleValue());
            } else {
                cell.setCellValue(d.toPlainString());
            }
        } else if (v instanceof List<?> list) {
            cell.setCellValue(String.join("、", list.stream().map(x -> chinese(String.valueOf(x), values)).toList()));
        } else {
            cell.setCellValue(chinese(String.valueOf(v), values));
        }
    }

    /** An enum value by its Chinese name, as a clerk writes it; any other text as it is. */
    private static String chinese(String spelled, Class<? extends Labelled> values) {
        if (values == null) {
            return spelled;
        }
        return Spellings.read(spelled, Arrays.asList(values.getEnumConstants())).map(Labelled::zh).orElse(spelled);
    }

    private static final class Styles {
        final CellStyle head;
        final CellStyle date;

        Styles(SXSSFWorkbook wb) {
            head = wb.createCellStyle();
            Font bold = wb.createFont();
            bold.setBold(true);
            head.setFont(bold);
            date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
        }
    }

    static DataValidation list(DataValidationHelper helper, List<String> values, CellRangeAddressList where) {
        DataValidation v = helper.createValidation(helper.createExplicitListConstraint(values.toArray(String[]::new)), where);
        v.setShowErrorBox(true);
        v.setSuppressDropDownArrow(true);
        return v;
    }
}
