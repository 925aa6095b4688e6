package xuncha.cli;

import xuncha.problems.Messages;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.BiConsumer;

/**
 * One line on standard error, rewritten in place while a long check goes: files read, then
 * counties checked, and the rate. Shown only when standard error is a terminal (the launcher says
 * so in {@code XUNCHA_PROGRESS}, as Java 17 cannot tell), so logs and pipes never see it.
 */
final class ProgressLine {
    /** Rewrites at most this often, so a fast run does not spend its time printing. */
    private static final long EVERY_NANOS = 200_000_000L;

    private final PrintWriter err;
    private final boolean zh;
    private long last;
    private boolean shown;

    ProgressLine(PrintWriter err, boolean zh) {
        this.err = err;
        this.zh = zh;
    }

    /** A progress line, or none when standard error is not a terminal. */
    static ProgressLine forTerminal(PrintWriter err, boolean zh) {
        return forTerminal(err, zh, System.getenv());
    }

    static ProgressLine forTerminal(PrintWriter err, boolean zh, java.util.Map<String, String> env) {
        return "1".equals(env.get("XUNCHA_PROGRESS")) ? new ProgressLine(err, zh) : null;
    }

    /** Reports files read; the rate counts from now. */
    BiConsumer<Integer, Integer> files() {
        long start = System.nanoTime();
        return (done, total) -> show(done, total, start, Messages.word(zh, "word.files_read"), Messages.word(zh, "word.files_per_second"));
    }

    /** Reports counties checked; the rate counts from now. */
    BiConsumer<Integer, Integer> counties() {
        long start = System.nanoTime();
        return (done, total) -> show(done, total, start, Messages.word(zh, "word.counties_checked"), Messages.word(zh, "word.counties_per_second"));
    }

    private synchronized void show(int done, int total, long start, String what, String unit) {
        long now = System.nanoTime();
        if (done < total && now - last < EVERY_NANOS) {
            return;
        }
        last = now;
        double seconds = Math.max(1e-3, (now - start) / 1e9);
        err.printf(Locale.ROOT, "\r\033[K%s %d/%d, %.1f %s", what, done, total, done / seconds, unit);
        err.flush();
        shown = true;
    }

    /** This line as a check's listener: each phase's rate counts from its first report. */
    xuncha.check.CheckListener listener() {
        return new xuncha.check.CheckListener() {
            private BiConsumer<Integer, Integer> files;
            private BiConsumer<Integer, Integer> counties;

            @Override
            public synchronized void files(int done, int total) {
                if (files == null) {
                    files = ProgressLine.this.files();
                }
                files.accept(done, total);
            }

            @Override
            public synchronized void counties(int done, int total) {
                if (counties == null) {
                    counties = ProgressLine.this.counties();
                }
                counties.accept(done, total);
            }

            @Override
            public void phaseOver() {
                clear();
            }
        };
    }

    /** Clears the line, so that what follows starts clean. */
    synchronized void clear() {
        if (shown) {
            err.print("\r\033[K");
            err.flush();
        }
    }
}
