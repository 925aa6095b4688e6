package xuncha.render;

import xuncha.report.Report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/** One output format. Renderers only write: they never compute what the report says. */
public interface Renderer {
    /** The name given to {@code --format}. */
    String name();

    String extension();

    /** True for formats that are not text (a workbook): they are written to a file, never to a terminal. */
    default boolean binary() {
        return false;
    }

    /** The report as one stream: standard output, or the one file {@code --output} names. */
    void render(Report report, OutputStream out) throws IOException;

    /**
     * Whether the format is a folder of files, one per something (letters: one per unit), rather
     * than one file. With {@code --output-dir} the folder is named after the format, with
     * {@code --output} it is the folder given; it is replaced whole.
     */
    default boolean isFolder() {
        return false;
    }

    /** A folder format's files, by file name. */
    default Map<String, byte[]> files(Report report) throws IOException {
        throw new UnsupportedOperationException(name() + " is written as one file");
    }

    /**
     * How the command line shapes a report beyond its format: who signs the letters ({@code --sender},
     * "" for the default), whether the workbook's summary lists every unit ({@code --every-unit}).
     */
    record Options(String sender, boolean everyUnit) {
    }

    /** This format with {@code options} applied; the formats they do not concern are as they are. */
    default Renderer with(Options options) {
        return this;
    }

    /** What the files of {@link #files} are, for the line that says how many were written. */
    default String pieces() {
        return "files";
    }
}
