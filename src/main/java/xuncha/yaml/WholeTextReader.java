package xuncha.yaml;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.scanner.Constant;

/**
 * SnakeYAML's reader over text already in memory, every operation in constant time. SnakeYAML's
 * own reader keeps a window that it copies whole each time the scanner looks 1,024 characters
 * further, which makes a long scalar or line cost the square of its length (a 10 MB id took 22 s);
 * here the file's text is one array, read in place: its chars when it has no character beyond the
 * Basic Multilingual Plane (nearly always: 2 bytes a character), else its code points.
 */
public final class WholeTextReader extends StreamReader {
    private static final int[] NO_SNIPPET = new int[0];
    private final char[] narrow;
    private final int[] wide;
    private final int length;
    private int pointer;
    private int line;
    private int column;
    private int documentIndex;

    /**
     * @param text the file's characters (from 0 to {@code length}), each checked printable by the caller
     * @param surrogates whether the text holds characters beyond the Basic Multilingual Plane
     */
    public WholeTextReader(char[] text, int length, boolean surrogates) {
        super("");
        if (surrogates) {
            this.wide = java.nio.CharBuffer.wrap(text, 0, length).codePoints().toArray();
            this.narrow = null;
            this.length = wide.length;
        } else {
            this.narrow = text;
            this.wide = null;
            this.length = length;
        }
    }

    private int at(int i) {
        return narrow != null ? narrow[i] : wide[i];
    }

    /** Marks carry no copy of the text: xuncha's messages give the line and column, not a snippet. */
    @Override
    public Mark getMark() {
        return new Mark("'string'", pointer, line, column, NO_SNIPPET, 0);
    }

    @Override
    public void forward() {
        forward(1);
    }

    @Override
    public void forward(int n) {
        for (int i = 0; i < n && pointer < length; i++) {
            int c = at(pointer++);
            documentIndex++;
            if (Constant.LINEBR.has(c) || c == '\r' && (pointer >= length || at(pointer) != '\n')) {
                line++;
                column = 0;
            } else if (c != 0xFEFF) {
                column++;
            }
        }
    }

    @Override
    public int peek() {
        return pointer < length ? at(pointer) : '\0';
    }

    @Override
    public int peek(int index) {
        return pointer + index < length ? at(pointer + index) : '\0';
    }

    @Override
    public String prefix(int n) {
        int count = Math.max(0, Math.min(n, length - pointer));
        return narrow != null ? new String(narrow, pointer, count) : new String(wide, pointer, count);
    }

    @Override
    public String prefixForward(int n) {
        String prefix = prefix(n);
        pointer += n;
        documentIndex += n;
        column += n;
        return prefix;
    }

    @Override
    public int getColumn() {
        return column;
    }

    @Override
    public int getDocumentIndex() {
        return documentIndex;
    }

    @Override
    public void resetDocumentIndex() {
        documentIndex = 0;
    }

    @Override
    public int getIndex() {
        return pointer;
    }

    @Override
    public int getLine() {
        return line;
    }
}
