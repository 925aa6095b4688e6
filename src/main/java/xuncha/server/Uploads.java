package xuncha.server;

import xuncha.facts.Location;
import xuncha.problems.Diagnostic;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Facts files uploaded for a check: only YAML files and workbooks, a bounded number of bounded size,
 * each kept under its own base name in a new folder of the data folder (never the web root), the
 * folder removed when the check is done. Problems found in them name the files as the clerk named
 * them, not where the server put them.
 */
final class Uploads implements AutoCloseable {
    static final long MAX_FILE_BYTES = 20L << 20;
    static final int MAX_FILES = 50;
    static final Set<String> KINDS = Set.of("yaml", "yml", "xlsx");

    /** One file as it came. */
    record Upload(String name, InputStream content) {
    }

    /** A file that cannot be taken, said in the user's words. */
    static final class Refused extends RuntimeException {
        final String key;
        final transient Object[] args;

        Refused(String key, Object... args) {
            super(key, null, false, false);
            this.key = key;
            this.args = args;
        }
    }

    private final Path folder;
    private final List<Path> files = new ArrayList<>();

    private Uploads(Path folder) {
        this.folder = folder;
    }

    /** The files stored in a new folder under {@code data}; refuses another kind, too many or too large. */
    static Uploads store(Path data, List<Upload> uploads) throws IOException {
        if (uploads.isEmpty()) {
            throw new Refused("web.upload.none");
        }
        if (uploads.size() > MAX_FILES) {
            throw new Refused("web.upload.too_many", uploads.size(), MAX_FILES);
        }
        Files.createDirectories(data);
        Uploads u = new Uploads(Files.createTempDirectory(data, "upload-"));
        try {
            for (Upload up : uploads) {
                String name = baseName(up.name());
                int dot = name.lastIndexOf('.');
                String kind = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
                if (!KINDS.contains(kind) || name.startsWith(".")) {
                    throw new Refused("web.upload.kind", name);
                }
                Path target = u.folder.resolve(name);
                if (Files.exists(target)) {
                    throw new Refused("web.upload.twice", name);
                }
                long size = 0;
                try (InputStream in = up.content(); var out = Files.newOutputStream(target)) {
                    byte[] buf = new byte[65536];
                    for (int n; (n = in.read(buf)) > 0; ) {
                        size += n;
                        if (size > MAX_FILE_BYTES) {
                            throw new Refused("web.upload.too_large", name, MAX_FILE_BYTES >> 20);
                        }
                        out.write(buf, 0, n);
                    }
                }
                u.files.add(target);
            }
            return u;
        } catch (IOException | RuntimeException e) {
            u.close();
            throw e;
        }
    }

    /** The last part of a name a browser sent, whatever separators it used; never a path. */
    static String baseName(String sent) {
        String name = sent == null ? "" : sent.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).strip();
        StringBuilder clean = new StringBuilder();
        name.codePoints().filter(c -> c >= 0x20 && c != 0x7f && c != ':' && c != '*' && c != '?' && c != '"'
                && c != '<' && c != '>' && c != '|').forEach(clean::appendCodePoint);
        String out = clean.toString();
        if (out.isEmpty() || out.equals(".") || out.equals("..") || out.length() > 200) {
            throw new Refused("web.upload.name", sent == null ? "" : xuncha.problems.Diagnostics.quote(sent));
        }
        return out;
    }

    List<String> paths() {
        return files.stream().map(Path::toString).toList();
    }

    /** A problem as the clerk reads it: the file by the name it was uploaded under. */
    Diagnostic shown(Diagnostic d) {
        String prefix = folder.toString() + java.io.File.separator;
        Location at = d.at();
        String file = at.file().startsWith(prefix) ? at.file().substring(prefix.length()) : at.file();
        return new Diagnostic(new Location(file, at.line(), at.column(), at.sheet()), d.message(), d.key(), d.args());
    }

    /** The line a problem points at, for showing under it; empty for a workbook or no line. */
    String line(Diagnostic shown) {
        Location at = shown.at();
        if (!at.sheet().isEmpty() || at.line() <= 0) {
            return "";
        }
        Path file = folder.resolve(at.file());
        if (!file.normalize().startsWith(folder) || !Files.isRegularFile(file)) {
            return "";
        }
        try (Stream<String> lines = Files.lines(file)) {
            return lines.skip(at.line() - 1L).findFirst().map(l -> l.length() > 200 ? l.substring(0, 200) + "…" : l)
                    .orElse("");
        } catch (IOException | java.io.UncheckedIOException e) {
            return "";
        }
    }

    /**
     * A caret under the column a problem points at, for the line {@link #line} gives: as many spaces as the
     * characters before it take on screen (a Chinese character two), then ^; empty without a column.
     */
    static String caret(String line, int column) {
        if (line.isEmpty() || column <= 0 || column > line.length() + 1) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        line.substring(0, column - 1).codePoints().forEach(c -> out.append(wide(c) ? "  " : " "));
        return out.append('^').toString();
    }

    private static boolean wide(int c) {
        return c >= 0x1100 && (c <= 0x115f || c >= 0x2e80 && c <= 0xa4cf || c >= 0xac00 && c <= 0xd7a3
                || c >= 0xf900 && c <= 0xfaff || c >= 0xfe30 && c <= 0xfe4f || c >= 0xff00 && c <= 0xff60
                || c >= 0xffe0 && c <= 0xffe6 || c >= 0x20000 && c <= 0x3fffd);
    }

    @Override
    public void close() {
        try (Stream<Path> all = Files.walk(folder)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A folder left in the data folder is all that is lost.
        }
    }
}
