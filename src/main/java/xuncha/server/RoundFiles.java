package xuncha.server;

import xuncha.render.Renderer;
import xuncha.render.Renderers;
import xuncha.report.Report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A round's report in every format, written once when the round is recorded through the workspace,
 * for its page to offer: the same renderers as {@code check --output-dir}; the letters as one zip.
 */
final class RoundFiles {
    static final List<String> NAMES = List.of("report.html", "report.xlsx", "report.json", "report.txt", "report.sarif",
            "report.junit.xml", "letters.zip");

    private RoundFiles() {
    }

    static void write(Path folder, Report report) throws IOException {
        Files.createDirectories(folder);
        for (String name : Renderers.names()) {
            Renderer r = Renderers.byName(name).orElseThrow();
            if (name.equals("letters-md")) {
                continue;
            }
            if (r.isFolder()) {
                Map<String, byte[]> files = r.files(report);
                write(folder.resolve("letters.zip"), out -> {
                    try (ZipOutputStream zip = new ZipOutputStream(out)) {
                        for (Map.Entry<String, byte[]> f : new java.util.TreeMap<>(files).entrySet()) {
                            zip.putNextEntry(new ZipEntry(f.getKey()));
                            zip.write(f.getValue());
                            zip.closeEntry();
                        }
                    }
                });
                continue;
            }
            write(folder.resolve("report." + r.extension()), out -> r.render(report, out));
        }
    }

    private interface Content {
        void to(OutputStream out) throws IOException;
    }

    private static void write(Path target, Content content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        content.to(bytes);
        Path temp = Files.createTempFile(target.getParent(), ".", ".tmp");
        try {
            Files.write(temp, bytes.toByteArray());
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    static String type(String file) {
        return file.endsWith(".html") ? "text/html; charset=utf-8"
                : file.endsWith(".xlsx") ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                : file.endsWith(".json") || file.endsWith(".sarif") ? "application/json"
                : file.endsWith(".xml") ? "application/xml"
                : file.endsWith(".zip") ? "application/zip"
                : "text/plain; charset=utf-8";
    }
}
