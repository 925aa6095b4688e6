package xuncha.load;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;
import xuncha.facts.Location;
import xuncha.problems.Diagnostics;
import xuncha.problems.Suggest;
import xuncha.yaml.YamlReader;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Reads a facts workbook ({@link WorkbookFormat}) row by row with POI's streaming reader (a sheet is
 * never held whole), and turns each record into the same YAML node a facts file would hold, every
 * value marked with its cell: the records are then read and judged exactly as YAML's are, and every
 * problem is located as {@code 台账.xlsx:人员及职务!C12}.
 */
final class WorkbookReader {
    /** A workbook larger than this is not opened (a province's is a few MB). */
    static final long MAX_BYTES = 64L << 20;
    private static final Resolver RESOLVER = new Resolver();

    private WorkbookReader() {
    }

    static boolean isWorkbook(Path file) {
        return file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx");
    }

    /**
     * Reads {@code path}: the year and the day go to {@code top} as a mapping, each record to
     * {@code items} with the top-level key it belongs under. Whether the workbook could be read.
     */
    static boolean read(Path path, String shown, Diagnostics problems, BiConsumer<Path, byte[]> bytes,
                        Consumer<Node> top, BiConsumer<String, Node> items) {
        try {
            if (!Files.isRegularFile(path)) {
                problems.say(Location.ofFile(shown), Files.exists(path) ? "file.not_regular" : "file.no_such");
                return false;
            }
            long size = Files.size(path);
            if (size > MAX_BYTES) {
                problems.say(Location.ofFile(shown), "file.too_big", size, MAX_BYTES >> 20);
                return false;
            }
            bytes.accept(path, Files.readAllBytes(path));
            try (OPCPackage pkg = OPCPackage.open(path.toFile(), PackageAccess.READ)) {
                XSSFReader reader = new XSSFReader(pkg);
                SharedStrings strings = reader.getSharedStringsTable();
                StylesTable styles = reader.getStylesTable();
                XSSFReader.SheetIterator sheets = reader.getSheetIterator();
                while (sheets.hasNext()) {
                    try (InputStream in = sheets.next()) {
                        String name = sheets.getSheetName();
                        Optional<WorkbookFormat.Sheet> sheet = WorkbookFormat.sheet(name);
                        if (sheet.isEmpty()) {
                            if (!WorkbookFormat.isNotes(name)) {
                                problems.say(Location.ofCell(shown, name, 0, 0), "workbook.unknown_sheet", name,
                                        Suggest.term(name, WorkbookFormat.names()));
                            }
                            continue;
                        }
                        Rows rows = new Rows(sheet.get(), name, shown, problems, top, items);
                        XMLReader xml = XMLHelper.newXMLReader();
                        xml.setContentHandler(new XSSFSheetXMLHandler(styles, strings, rows, new WorkbookCells(), false));
                        xml.parse(new InputSource(in));
                        rows.flush();
                    }
                }
            }
            return true;
        } catch (Exception e) {
            WorkbookCells.cannotRead(e, shown, problems);
        }
        return false;
    }

    /** A cell's text and where it is (0-based row and column). */
    private record Cell(String text, int row, int column) {
    }

    /** The rows of one sheet, turned into records as they are read. */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final WorkbookFormat.Sheet sheet;
        private final String name;
        private final String shown;
        private final Diagnostics problems;
        private final Consumer<Node> top;
        private final BiConsumer<String, Node> items;
        private Map<Integer, WorkbookFormat.Column> columns;
        private final Map<Integer, String> headings = new java.util.HashMap<>();
        /** The column of the record's id, which continuation rows repeat or leave blank; -1 when none. */
        private int idColumn = -1;
        private final TreeMap<Integer, Cell> row = new TreeMap<>();
        /** The record whose nested items the next rows may add to: its own cells, its nested rows. */
        private Map<Integer, Cell> open;
        private final List<Map<Integer, Cell>> nested = new ArrayList<>();

        /** The required fields of the sheet's records and of their nested rows (FactsFormat's table). */
        private final Set<String> requiredTop;
        private final Set<String> requiredNested;

        Rows(WorkbookFormat.Sheet sheet, String name, String shown, Diagnostics problems, Consumer<Node> top,
             BiConsumer<String, Node> items) {
            String kind = recordKind(FactsFormat.FILE, sheet.key());
            this.requiredTop = required(kind);
            this.requiredNested = required(recordKind(kind, sheet.nested()));
            this.sheet = sheet;
            this.name = name;
            this.shown = shown;
            this.problems = problems;
            this.top = top;
            this.items = items;
        }

        /** The kind of record the field {@code field} of a {@code kind} holds ("" when it holds none). */
        private static String recordKind(String kind, String field) {
            if (kind.isEmpty() || field.isEmpty()) {
                return "";
            }
            return FactsFormat.fields(kind).stream().filter(f -> f.name().equals(field) && f.records() != null)
                    .map(FactsFormat.Field::records).findFirst().orElse("");
        }

        private static Set<String> required(String kind) {
            return kind.isEmpty() ? Set.of() : FactsFormat.fields(kind).stream().filter(FactsFormat.Field::required)
                    .map(FactsFormat.Field::name).collect(java.util.stream.Collectors.toSet());
        }

        @Override
        public void startRow(int rowNum) {
            row.clear();
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            if (value == null || value.isBlank()) {
                return;
            }
            CellReference ref = new CellReference(reference);
            row.put((int) ref.getCol(), new Cell(value.strip(), ref.getRow(), ref.getCol()));
        }

        @Override
        public void endRow(int rowNum) {
            if (row.isEmpty()) {
                return;
            }
            if (columns == null) {
                headings();
                return;
            }
            Map<Integer, Cell> cells = new TreeMap<>(row);
            cells.keySet().removeIf(c -> !columns.containsKey(c));
            if (cells.isEmpty()) {
                return;
            }
            if (sheet.key().isEmpty()) {
                top.accept(mapping(cells, WorkbookFormat.Kind.VALUE));
                return;
            }
            if (sheet.nested().isEmpty()) {
                items.accept(sheet.key(), record(cells, List.of()));
                return;
            }
            Map<Integer, Cell> own = only(cells, false);
            Map<Integer, Cell> inner = only(cells, true);
            if (open != null && continues(own)) {
                if (!inner.isEmpty()) {
                    nested.add(inner);
                }
                return;
            }
            flush();
            open = own;
            if (!inner.isEmpty()) {
                nested.add(inner);
            }
        }

        /** Whether a row adds to the open record: its id is blank or the open record's, its other cells blank. */
        private boolean continues(Map<Integer, Cell> own) {
            Cell id = own.get(idColumn);
            Cell openId = open.get(idColumn);
            boolean sameId = id == null || openId != null && openId.text().equals(id.text());
            // The open record's own cells may be written again on its following rows, as they are.
            return sameId && own.entrySet().stream().allMatch(e -> e.getKey() == idColumn
                    || id != null && open.containsKey(e.getKey()) && open.get(e.getKey()).text().equals(e.getValue().text()));
        }


        void flush() {
            if (open != null) {
                items.accept(sheet.key(), record(open, nested));
            }
            open = null;
            nested.clear();
        }

        private Map<Integer, Cell> only(Map<Integer, Cell> cells, boolean inner) {
            Map<Integer, Cell> out = new TreeMap<>();
            cells.forEach((c, cell) -> {
                if ((columns.get(c).kind() == WorkbookFormat.Kind.NESTED) == inner) {
                    out.put(c, cell);
                }
            });
            return out;
        }

        private void headings() {
            columns = new LinkedHashMap<>();
            for (Cell h : row.values()) {
                Optional<WorkbookFormat.Column> column = WorkbookFormat.column(sheet, h.text());
                if (column.isPresent()) {
                    columns.put(h.column(), column.get());
                    headings.put(h.column(), h.text());
                    if (column.get().field().equals("id") && idColumn < 0) {
                        idColumn = h.column();
                    }
                } else {
                    problems.say(Location.ofCell(shown, name, h.row() + 1, h.column() + 1), "workbook.unknown_column",
                            h.text(), name, Suggest.term(h.text(), sheet.columns().stream()
                                    .map(WorkbookFormat.Column::header).toList()));
                }
            }
        }

        /** A record: its own cells as fields, its parts as mappings, its nested rows as a list. */
        private Node record(Map<Integer, Cell> own, List<Map<Integer, Cell>> inner) {
            MappingNode node = mapping(own, null);
            if (!sheet.nested().isEmpty()) {
                List<Node> list = new ArrayList<>();
                inner.forEach(cells -> list.add(mapping(cells, WorkbookFormat.Kind.NESTED)));
                if (!list.isEmpty()) {
                    Cell first = inner.get(0).values().iterator().next();
                    node.getValue().add(new NodeTuple(key(sheet.nested(), first), sequence(list, first)));
                }
            }
            return node;
        }

        /** The cells as a mapping of their fields; parts of a mapping field gathered under it. */
        private MappingNode mapping(Map<Integer, Cell> cells, WorkbookFormat.Kind kind) {
            List<NodeTuple> tuples = new ArrayList<>();
            Map<String, List<NodeTuple>> parts = new LinkedHashMap<>();
            Map<String, Cell> partAt = new LinkedHashMap<>();
            cells.forEach((c, cell) -> {
                WorkbookFormat.Column column = columns.get(c);
                switch (column.kind()) {
                    case PART -> {
                        parts.computeIfAbsent(column.holder(), k -> new ArrayList<>())
                                .add(new NodeTuple(key(column.leaf(), cell), scalar(cell.text(), cell)));
                        partAt.putIfAbsent(column.holder(), cell);
                    }
                    case LIST -> tuples.add(new NodeTuple(key(column.field(), cell), list(cell)));
                    case NESTED -> tuples.add(new NodeTuple(key(column.leaf(), cell), scalar(cell.text(), cell)));
                    default -> tuples.add(new NodeTuple(key(column.field(), cell), scalar(cell.text(), cell)));
                }
            });
            parts.forEach((holder, list) -> tuples.add(new NodeTuple(key(holder, partAt.get(holder)),
                    new MappingNode(Tag.MAP, list, DumperOptions.FlowStyle.BLOCK))));
            Cell first = cells.values().iterator().next();
            // A required field's column left empty on this row: the field is written with no value, at
            // its cell, so that the message names the cell and its heading (“姓名”没有填写值), not the row.
            boolean inner = kind == WorkbookFormat.Kind.NESTED;
            Set<String> required = inner ? requiredNested : requiredTop;
            columns.forEach((c, column) -> {
                boolean same = inner ? column.kind() == WorkbookFormat.Kind.NESTED
                        : column.kind() == WorkbookFormat.Kind.VALUE || column.kind() == WorkbookFormat.Kind.LIST;
                String field = inner ? column.leaf() : column.field();
                if (same && !cells.containsKey(c) && required.contains(field)) {
                    Cell empty = new Cell("", first.row(), c);
                    Mark m = mark(empty.row(), c);
                    tuples.add(new NodeTuple(key(field, empty), new ScalarNode(Tag.NULL, "", m, m,
                            DumperOptions.ScalarStyle.PLAIN)));
                }
            });
            Mark at = YamlReader.cell(name, "", first.row(), 0);
            return new MappingNode(Tag.MAP, true, tuples, at, at, DumperOptions.FlowStyle.BLOCK);
        }

        /** A list written in one cell: its values separated by 、, a comma or a semicolon, each located at the cell. */
        private SequenceNode list(Cell cell) {
            List<Node> values = new ArrayList<>();
            for (String v : cell.text().split("[、,，;；]")) {
                if (!v.isBlank()) {
                    values.add(scalar(v.strip(), cell));
                }
            }
            return sequence(values, cell);
        }

        private SequenceNode sequence(List<Node> values, Cell at) {
            Mark m = mark(at.row(), at.column());
            return new SequenceNode(Tag.SEQ, true, values, m, m, DumperOptions.FlowStyle.BLOCK);
        }

        private ScalarNode key(String field, Cell at) {
            Mark m = mark(at.row(), at.column());
            return new ScalarNode(Tag.STR, field, m, m, DumperOptions.ScalarStyle.PLAIN);
        }

        /** A value as YAML would read it written plainly: 30 a number, 2024-03-05 a date, 是 a text. */
        private ScalarNode scalar(String text, Cell at) {
            Mark m = mark(at.row(), at.column());
            return new ScalarNode(RESOLVER.resolve(NodeId.scalar, text, true), text, m, m,
                    DumperOptions.ScalarStyle.PLAIN);
        }

        private Mark mark(int row, int column) {
            return YamlReader.cell(name, headings.getOrDefault(column, ""), row, column);
        }
    }
}
