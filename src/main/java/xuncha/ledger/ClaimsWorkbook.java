package xuncha.ledger;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import xuncha.facts.Location;
import xuncha.load.WorkbookCells;
import xuncha.problems.Diagnostics;
import xuncha.problems.Messages;
import xuncha.yaml.Dates;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The units' filled 问题清单: the findings sheet of the workbook {@code check --format xlsx} writes, with
 * its four fill-in columns (整改措施, 责任人, 整改完成时限, 整改情况). Each row with any of them filled is a
 * claim, matched to its problem by the fingerprint column. Columns are found by their headings, in
 * Chinese or English, so that a unit may reorder or hide the others.
 */
public final class ClaimsWorkbook {
    /** The largest workbook read. */
    static final long MAX_BYTES = 32L << 20;
    /** The most claims one workbook carries. */
    static final int MAX_ROWS = 200_000;

    private static final String FINGERPRINT = "xlsx.col.fingerprint";
    private static final List<String> FILL = List.of("xlsx.fill.measures", "xlsx.fill.responsible",
            "xlsx.fill.deadline", "xlsx.fill.status");

    private ClaimsWorkbook() {
    }

    /** The claims of the workbook {@code path} (shown as {@code shown}); every mistake in it, located, throws. */
    public static List<LedgerStore.ClaimInput> read(Path path, String shown) {
        Diagnostics problems = new Diagnostics();
        List<LedgerStore.ClaimInput> claims = new ArrayList<>();
        try {
            if (!Files.isRegularFile(path)) {
                problems.say(Location.ofFile(shown), Files.exists(path) ? "file.not_regular" : "file.no_such");
                problems.throwIfAny();
            }
            if (Files.size(path) > MAX_BYTES) {
                problems.say(Location.ofFile(shown), "file.too_big", Files.size(path), MAX_BYTES >> 20);
                problems.throwIfAny();
            }
            boolean found = false;
            try (OPCPackage pkg = OPCPackage.open(path.toFile(), PackageAccess.READ)) {
                XSSFReader reader = new XSSFReader(pkg);
                SharedStrings strings = reader.getSharedStringsTable();
                XSSFReader.SheetIterator sheets = reader.getSheetIterator();
                while (sheets.hasNext()) {
                    try (InputStream in = sheets.next()) {
                        String name = sheets.getSheetName();
                        if (!name.equals(Messages.word(true, "word.sheet_findings"))
                                && !name.equals(Messages.word(false, "word.sheet_findings"))) {
                            continue;
                        }
                        found = true;
                        Rows rows = new Rows(shown, name, problems, claims);
                        XMLReader xml = XMLHelper.newXMLReader();
                        xml.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), strings, rows,
                                new WorkbookCells(), false));
                        xml.parse(new InputSource(in));
                        rows.end();
                    }
                }
            }
            if (!found) {
                problems.say(Location.ofFile(shown), "ledger.import_no_sheet", Messages.word(true, "word.sheet_findings"));
            }
        } catch (xuncha.problems.InputException e) {
            throw e;
        } catch (Exception e) {
            WorkbookCells.cannotRead(e, shown, problems);
        }
        problems.throwIfAny();
        return claims;
    }

    /** The sheet's rows: the first names the columns, each later one filled in is a claim. */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final String shown;
        private final String sheet;
        private final Diagnostics problems;
        private final List<LedgerStore.ClaimInput> claims;
        private final Map<String, Integer> columns = new HashMap<>();
        private final TreeMap<Integer, String> row = new TreeMap<>();
        private int rowNumber = -1;
        private boolean headed;

        Rows(String shown, String sheet, Diagnostics problems, List<LedgerStore.ClaimInput> claims) {
            this.shown = shown;
            this.sheet = sheet;
            this.problems = problems;
            this.claims = claims;
        }

        @Override
        public void startRow(int rowNum) {
            row.clear();
            rowNumber = rowNum;
        }

        @Override
        public void cell(String ref, String value, XSSFComment comment) {
            if (ref != null && value != null) {
                row.put(new org.apache.poi.ss.util.CellReference(ref).getCol() + 0, value.strip());
            }
        }

        @Override
        public void endRow(int rowNum) {
            if (!headed) {
                head();
                headed = true;
                return;
            }
            if (problems.count() >= Diagnostics.SHOWN || claims.size() >= MAX_ROWS) {
                return;
            }
            List<String> fill = FILL.stream().map(k -> text(columns.get(k))).toList();
            if (fill.stream().allMatch(String::isEmpty)) {
                return;
            }
            Location at = Location.ofCell(shown, sheet, rowNum + 1, 0);
            String fingerprint = text(columns.get(FINGERPRINT));
            boolean ok = true;
            if (fingerprint.isEmpty()) {
                problems.say(cell(FINGERPRINT), "ledger.import_no_fingerprint", heading(FINGERPRINT));
                ok = false;
            }
            for (String required : List.of(FILL.get(0), FILL.get(1))) {
                if (text(columns.get(required)).isEmpty()) {
                    problems.say(cell(required), "ledger.import_required", heading(required));
                    ok = false;
                }
            }
            Optional<LocalDate> done = Optional.empty();
            String day = fill.get(2);
            if (!day.isEmpty()) {
                done = Dates.parse(day).or(() -> Dates.corrected(day).flatMap(Dates::parse));
                if (done.isEmpty()) {
                    problems.say(cell(FILL.get(2)), "ledger.import_date", heading(FILL.get(2)), Diagnostics.quote(day));
                    ok = false;
                }
            }
            if (ok) {
                claims.add(new LedgerStore.ClaimInput(fingerprint, fill.get(0), fill.get(1), done, fill.get(3), at,
                        List.of()));
            }
        }

        private String text(Integer column) {
            return column == null ? "" : row.getOrDefault(column, "");
        }

        private Location cell(String key) {
            return Location.ofCell(shown, sheet, rowNumber + 1, columns.get(key) + 1);
        }

        private static String heading(String key) {
            return Messages.word(true, key);
        }

        /** The heading row: where the fingerprint and the fill-in columns are. */
        private void head() {
            row.forEach((column, text) -> {
                for (String key : concat()) {
                    if (text.equals(Messages.word(true, key)) || text.equals(Messages.word(false, key))) {
                        columns.putIfAbsent(key, column);
                    }
                }
            });
            for (String key : concat()) {
                if (!columns.containsKey(key)) {
                    problems.say(Location.ofCell(shown, sheet, rowNumber + 1, 0), "ledger.import_no_column",
                            Messages.word(true, key));
                }
            }
            if (!columns.keySet().containsAll(concat())) {
                problems.throwIfAny();
            }
        }

        private static List<String> concat() {
            List<String> all = new ArrayList<>(FILL);
            all.add(0, FINGERPRINT);
            return all;
        }

        void end() {
            if (!headed) {
                problems.say(Location.ofCell(shown, sheet, 1, 0), "ledger.import_empty_sheet");
            }
        }
    }
}
