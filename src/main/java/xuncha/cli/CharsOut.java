package xuncha.cli;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A renderer's UTF-8 bytes onto the command's writer, a chunk at a time: a report to the terminal is
 * never held whole. A character split between two writes waits for its last bytes.
 */
final class CharsOut extends OutputStream {
    private static final int CHUNK = 1 << 16;
    private final PrintWriter out;
    private byte[] pending = new byte[CHUNK + 8];
    private int size;

    CharsOut(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void write(int b) {
        write(new byte[]{(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        if (size + len > pending.length) {
            pending = Arrays.copyOf(pending, Math.max(pending.length * 2, size + len));
        }
        System.arraycopy(b, off, pending, size, len);
        size += len;
        if (size >= CHUNK) {
            drain(false);
        }
    }

    /** Prints what is whole; at the end, everything. */
    private void drain(boolean all) {
        int whole = all ? size : wholeCharacters();
        out.print(new String(pending, 0, whole, StandardCharsets.UTF_8));
        System.arraycopy(pending, whole, pending, 0, size - whole);
        size -= whole;
    }

    /** The length of the longest prefix that ends at a character's end. */
    private int wholeCharacters() {
        int i = size;
        int back = 0;
        while (i > 0 && back < 4 && (pending[i - 1] & 0xC0) == 0x80) {
            i--;
            back++;
        }
        if (i == 0) {
            return size;
        }
        int lead = pending[i - 1] & 0xFF;
        int length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        return back + 1 >= length ? size : i - 1;
    }

    @Override
    public void flush() {
        drain(true);
        out.flush();
    }
}
