package xuncha.facts;

/**
 * Where something is written: the file as the user named it, 1-based line and column; in a
 * workbook, the sheet, and the row and column of the cell ({@code 台账.xlsx:人员及职务!C12}).
 */
public record Location(String file, int line, int column, String sheet) {

    public Location {
        sheet = sheet == null ? "" : sheet;
    }

    public Location(String file, int line, int column) {
        this(file, line, column, "");
    }

    public static Location ofFile(String file) {
        return new Location(file, 0, 0);
    }

    /** The cell at 1-based {@code row} and {@code column} of {@code sheet} in the workbook {@code file}. */
    public static Location ofCell(String file, String sheet, int row, int column) {
        return new Location(file, row, column, sheet);
    }

    /** Where character {@code offset} of {@code text}, the content of {@code file}, stands. */
    public static Location ofOffset(String file, String text, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Location(file, line, offset - lineStart + 1);
    }

    /** A column's letters as a spreadsheet names it: 1 is A, 27 is AA. */
    public static String columnLetters(int column) {
        StringBuilder s = new StringBuilder();
        for (int c = column; c > 0; c = (c - 1) / 26) {
            s.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return s.toString();
    }

    @Override
    public String toString() {
        if (!sheet.isEmpty()) {
            return line > 0 ? file + ":" + sheet + "!" + columnLetters(column) + line : file + ":" + sheet;
        }
        return line > 0 ? file + ":" + line + ":" + column : file;
    }
}
