package xuncha.report;

import java.io.IOException;
import java.io.OutputStream;

/** One output format. Renderers only write: they never compute what the report says. */
public interface Renderer {
    /** The name given to {@code --format}. */
    String name();

    String extension();

    /** True for formats that are not text (a workbook): they are written to a file, never to a terminal. */
    default boolean binary() {
        return false;
    }

    void render(Report report, OutputStream out) throws IOException;
}
