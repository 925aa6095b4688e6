package xuncha.engine;

import xuncha.facts.Location;
import xuncha.problems.Diagnostics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The files of a rules folder: its DRL files (sorted by name) and {@code thresholds.yaml}. The
 * folder is read at run time, so an edit takes effect at the next run; the jar carries a copy of
 * the default pack for use outside the source tree.
 *
 * @param shown how the folder is named in messages
 */
public record RuleSources(String shown, List<DrlFile> drl, Path thresholds, String thresholdsShown) {

    /** The folder itself. */
    public Path folder() {
        return thresholds.getParent();
    }

    public static final String THRESHOLDS = "thresholds.yaml";
    private static final String BUILT_IN = "xuncha/rules/";
    /** How messages name the pack inside the jar. */
    static final String BUILT_IN_SHOWN = "(built-in rules)";

    /** One DRL file and how messages name it. */
    public record DrlFile(String name, String shown, String text) {
    }

    /** The rules folder {@code dir}, named {@code shown} in messages. */
    public static RuleSources folder(Path dir, String shown) {
        Diagnostics problems = new Diagnostics();
        if (!Files.isDirectory(dir)) {
            problems.say(Location.ofFile(shown), "rules.no_folder");
            problems.throwIfAny();
        }
        String prefix = shown.endsWith("/") ? shown : shown + "/";
        List<DrlFile> drl = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            Path real = dir.toRealPath();
            for (Path file : files.filter(p -> p.getFileName().toString().endsWith(".drl")).sorted().toList()) {
                String name = file.getFileName().toString();
                if (readable(file, real, prefix + name, problems)) {
                    drl.add(new DrlFile(name, prefix + name, Files.readString(file, StandardCharsets.UTF_8)));
                }
            }
        } catch (IOException | UncheckedIOException e) {
            problems.say(Location.ofFile(shown), "rules.cannot_read_folder", e.getMessage());
        }
        if (drl.isEmpty() && !problems.any()) {
            problems.say(Location.ofFile(shown), "rules.no_drl");
        }
        Path thresholds = dir.resolve(THRESHOLDS);
        if (!Files.exists(thresholds, LinkOption.NOFOLLOW_LINKS)) {
            problems.say(Location.ofFile(prefix + THRESHOLDS), "rules.no_thresholds", THRESHOLDS);
        } else {
            try {
                readable(thresholds, dir.toRealPath(), prefix + THRESHOLDS, problems);
            } catch (IOException e) {
                problems.say(Location.ofFile(shown), "rules.cannot_read_folder", e.getMessage());
            }
        }
        problems.throwIfAny();
        return new RuleSources(shown, List.copyOf(drl), thresholds, prefix + THRESHOLDS);
    }

    /** The largest rules file read: the shipped pack's largest is a few KB. */
    static final long MAX_FILE_BYTES = 1L << 20;

    /**
     * Whether a rules-folder entry is a regular file of the folder: a FIFO (which would block the
     * read), a device, a folder named {@code *.drl} or a link that leads out of the folder is refused.
     */
    private static boolean readable(Path file, Path realDir, String shown, Diagnostics problems) throws IOException {
        if (Files.isSymbolicLink(file)) {
            Path target;
            try {
                target = file.toRealPath();
            } catch (IOException e) {
                problems.say(Location.ofFile(shown), "rules.dangling_link");
                return false;
            }
            if (!target.startsWith(realDir)) {
                problems.say(Location.ofFile(shown), "rules.link_outside", target);
                return false;
            }
        }
        if (!Files.isRegularFile(file)) {
            problems.say(Location.ofFile(shown), "rules.not_regular",
                    new xuncha.problems.Messages.Term(Files.isDirectory(file) ? "rules.kind.folder" : "rules.kind.special"));
            return false;
        }
        if (Files.size(file) > MAX_FILE_BYTES) {
            problems.say(Location.ofFile(shown), "rules.too_large",
                    Files.size(file), MAX_FILE_BYTES >> 20);
            return false;
        }
        return true;
    }

    /** The default pack inside the jar (or on the class path when run from the build tree). */
    public static RuleSources builtIn() {
        URL url = RuleSources.class.getClassLoader().getResource(BUILT_IN + THRESHOLDS);
        if (url == null) {
            throw missing();
        }
        try {
            URI uri = url.toURI();
            Path thresholds = "jar".equals(uri.getScheme()) ? jarFileSystem(uri).provider().getPath(uri)
                    : Path.of(uri);
            return folder(thresholds.getParent(), BUILT_IN_SHOWN);
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot open the built-in rule pack: " + e.getMessage(), e);
        }
    }

    /**
     * The default pack's thresholds file, its bytes read as a resource: to compare another pack's
     * with, without opening the jar as a file system (its index of every entry) for one file.
     */
    static byte[] builtInThresholds() {
        try (java.io.InputStream in = RuleSources.class.getClassLoader().getResourceAsStream(BUILT_IN + THRESHOLDS)) {
            if (in == null) {
                throw missing();
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static IllegalStateException missing() {
        return new IllegalStateException("the built-in rule pack is missing from the class path");
    }

    private static FileSystem jarFileSystem(URI uri) throws IOException {
        try {
            return FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
            return FileSystems.getFileSystem(uri);
        }
    }
}
