package xuncha.engine;

import org.drools.ecj.EclipseJavaCompiler;
import org.drools.util.PortablePath;
import org.kie.memorycompiler.AbstractJavaCompiler;
import org.kie.memorycompiler.CompilationProblem;
import org.kie.memorycompiler.CompilationResult;
import org.kie.memorycompiler.JavaCompilerSettings;
import org.kie.memorycompiler.JavaConfiguration;
import org.kie.memorycompiler.resources.ResourceReader;
import org.kie.memorycompiler.resources.ResourceStore;
import xuncha.engine.safety.BytecodeCheck;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The Java compiler Drools uses for a pack's consequences, functions and accumulate arguments, with
 * the classes it makes kept on disk by the SHA-256 of what it was given: the same pack compiled
 * again (every run of {@code check} until the pack changes) takes its classes from there instead of
 * starting the Eclipse compiler, which was a quarter of a small check's CPU time (its own work, the
 * JIT compiling it, loading it). Issue 14.
 *
 * <p>What it does not change: the DRL is still parsed, checked ({@code PackCheck}) and built by
 * Drools at every run, and every class, from the compiler or from the cache, is read by
 * {@link BytecodeCheck} after the build. Classes read from the cache are also read by it before they
 * are handed to Drools (which loads them while it builds): a cache file that was tampered with, is
 * torn or unreadable is passed over and the sources are compiled, never trusted.
 *
 * <p>Where: {@code XUNCHA_CACHE} (a folder; {@code off} for none), else {@code $XDG_CACHE_HOME/xuncha},
 * {@code %LOCALAPPDATA%\xuncha\cache} on Windows, or {@code ~/.cache/xuncha}. A folder that cannot be
 * made or written is no error: the pack is compiled as without a cache. At most {@link #KEPT} packs
 * are kept, the least recently used removed.
 */
public final class CompiledClasses extends AbstractJavaCompiler {
    /** Packs kept in the cache folder. */
    static final int KEPT = 16;
    private static final String FORMAT = "xuncha-compiled-classes-1";
    private static final String SUFFIX = ".classes";

    private static volatile Path folder = defaultFolder();
    private static final AtomicInteger COMPILED = new AtomicInteger();
    private static final AtomicInteger REUSED = new AtomicInteger();
    private static volatile boolean installed;

    private final EclipseJavaCompiler ecj = new EclipseJavaCompiler();

    /** Made by Drools' compiler factory, by its class, in place of the Eclipse compiler ({@link #install}). */
    public CompiledClasses() {
    }

    /**
     * Has Drools make this compiler where it would make the Eclipse one. Drools names its compilers by
     * class and keeps the class it found; this sets that class. Whether it took: when Drools changes so
     * that it cannot be set, packs are compiled as before, without the cache.
     */
    static synchronized boolean install() {
        if (!installed) {
            try {
                Field impl = JavaConfiguration.CompilerType.class.getDeclaredField("implClass");
                impl.setAccessible(true);
                impl.set(JavaConfiguration.CompilerType.ECLIPSE, CompiledClasses.class);
                installed = true;
            } catch (ReflectiveOperationException | RuntimeException e) {
                return false;
            }
        }
        return true;
    }

    /** Where compiled classes are kept from now on in this process; null for nowhere. */
    public static void keepIn(Path dir) {
        folder = dir;
    }

    /** The folder in use, or null. */
    public static Path folder() {
        return folder;
    }

    /** How many times this process compiled sources, and took them from the cache: for tests. */
    static int[] counts() {
        return new int[] {COMPILED.get(), REUSED.get()};
    }

    static Path defaultFolder() {
        String given = System.getenv("XUNCHA_CACHE");
        if (given != null) {
            return given.isBlank() || given.equalsIgnoreCase("off") ? null : Path.of(given);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "xuncha");
        }
        String local = System.getenv("LOCALAPPDATA");
        if (local != null && !local.isBlank()) {
            return Path.of(local, "xuncha", "cache");
        }
        String home = System.getProperty("user.home");
        return home == null || home.isBlank() ? null : Path.of(home, ".cache", "xuncha");
    }

    @Override
    public void setSourceFolder(String sourceFolder) {
        ecj.setSourceFolder(sourceFolder);
    }

    @Override
    public void setJavaCompilerSettings(JavaCompilerSettings settings) {
        super.setJavaCompilerSettings(settings);
        ecj.setJavaCompilerSettings(settings);
    }

    @Override
    public JavaCompilerSettings createDefaultSettings() {
        return ecj.createDefaultSettings();
    }

    @Override
    public CompilationResult compile(String[] sources, ResourceReader reader, ResourceStore store, ClassLoader loader,
                                     JavaCompilerSettings settings) {
        Path dir = folder;
        String key = dir == null ? null : key(sources, reader, settings);
        if (key != null) {
            Map<String, byte[]> kept = read(dir.resolve(key + SUFFIX));
            if (kept != null && !kept.isEmpty() && allowed(kept)) {
                kept.forEach(store::write);
                REUSED.incrementAndGet();
                touch(dir.resolve(key + SUFFIX));
                return new CompilationResult(new CompilationProblem[0]);
            }
        }
        Recording recording = new Recording(store);
        CompilationResult result = ecj.compile(sources, reader, recording, loader, settings);
        COMPILED.incrementAndGet();
        if (key != null && result.getErrors().length == 0 && !recording.written.isEmpty()) {
            write(dir, key, recording.written);
        }
        return result;
    }

    /** Whether classes read from the cache pass the allow-list; bytes that are no class do not. */
    private static boolean allowed(Map<String, byte[]> classes) {
        try {
            return BytecodeCheck.check(classes).isEmpty();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * SHA-256 of everything the classes follow from: this format, the Java level, the build of xuncha
     * and Drools (the classes the sources compile against), and each source by name, in order.
     */
    private static String key(String[] sources, ResourceReader reader, JavaCompilerSettings settings) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            DataOutputStream out = new DataOutputStream(new java.security.DigestOutputStream(OutputStream.nullOutputStream(), sha));
            out.writeUTF(FORMAT);
            out.writeUTF(String.valueOf(settings == null ? null : settings.getTargetVersion()));
            out.writeUTF(String.valueOf(settings == null ? null : settings.getSourceVersion()));
            out.writeUTF(System.getProperty("java.specification.version", ""));
            out.writeUTF(Build.IDENTITY);
            String[] sorted = sources.clone();
            Arrays.sort(sorted);
            for (String name : sorted) {
                byte[] text = reader.getBytes(name);
                if (text == null) {
                    return null;
                }
                out.writeUTF(name);
                out.writeInt(text.length);
                out.write(text);
            }
            out.flush();
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            return null;
        }
    }

    /** The classes kept in {@code file}, or null when it is absent, torn or not of this format. */
    static Map<String, byte[]> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (InputStream in = Files.newInputStream(file); DataInputStream data = new DataInputStream(in)) {
            if (!FORMAT.equals(data.readUTF())) {
                return null;
            }
            int count = data.readInt();
            if (count < 0 || count > 100_000) {
                return null;
            }
            Map<String, byte[]> classes = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                String name = data.readUTF();
                int length = data.readInt();
                if (length < 0 || length > (64 << 20) || !name.endsWith(".class") || name.contains("..")) {
                    return null;
                }
                classes.put(name, data.readNBytes(length));
                if (classes.get(name).length != length) {
                    return null;
                }
            }
            return data.read() == -1 ? classes : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Writes the classes whole or not at all (a temporary file moved into place), then keeps the newest {@link #KEPT}. */
    private static void write(Path dir, String key, Map<String, byte[]> classes) {
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, key, ".tmp");
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeUTF(FORMAT);
                out.writeInt(classes.size());
                for (Map.Entry<String, byte[]> c : classes.entrySet()) {
                    out.writeUTF(c.getKey());
                    out.writeInt(c.getValue().length);
                    out.write(c.getValue());
                }
            }
            Files.write(tmp, bytes.toByteArray());
            Path target = dir.resolve(key + SUFFIX);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
            prune(dir);
        } catch (IOException | RuntimeException e) {
            // No cache this time: the pack was compiled, which is all a check needs.
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    // left for the next prune
                }
            }
        }
    }

    private static void touch(Path file) {
        try {
            Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException | RuntimeException e) {
            // a read-only cache still serves
        }
    }

    /** Removes all but the {@link #KEPT} most recently used packs, and temporary files left by a killed run. */
    private static void prune(Path dir) throws IOException {
        List<Path> kept;
        try (Stream<Path> files = Files.list(dir)) {
            kept = files.filter(f -> f.getFileName().toString().endsWith(SUFFIX))
                    .sorted(Comparator.comparing(CompiledClasses::modified).reversed()).toList();
        }
        for (Path old : kept.subList(Math.min(KEPT, kept.size()), kept.size())) {
            Files.deleteIfExists(old);
        }
        long hourAgo = System.currentTimeMillis() - 3_600_000L;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList()) {
                if (modified(f) < hourAgo) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    private static long modified(Path f) {
        try {
            return Files.getLastModifiedTime(f).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    /** The store Drools gave, noting every class the compiler writes to it. */
    private static final class Recording implements ResourceStore {
        private final ResourceStore store;
        final Map<String, byte[]> written = new LinkedHashMap<>();

        Recording(ResourceStore store) {
            this.store = store;
        }

        @Override
        public void write(PortablePath path, byte[] data) {
            store.write(path, data);
            written.put(path.asString(), data);
        }

        @Override
        public void write(PortablePath path, byte[] data, boolean createFolder) {
            store.write(path, data, createFolder);
            written.put(path.asString(), data);
        }

        @Override
        public byte[] read(PortablePath path) {
            return store.read(path);
        }

        @Override
        public void remove(PortablePath path) {
            store.remove(path);
            written.remove(path.asString());
        }
    }

    /** What identifies the build: the classes the pack's code is compiled against. */
    static final class Build {
        static final String IDENTITY = identity();

        private Build() {
        }

        /**
         * The jar this runs from, by its size and time (a rebuilt jar is another build); for classes
         * run from a folder (the tests), the time of the newest class file of the fact model and the findings.
         */
        private static String identity() {
            try {
                Path where = Path.of(CompiledClasses.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                String drools = String.valueOf(org.kie.api.KieServices.class.getPackage().getImplementationVersion());
                if (Files.isRegularFile(where)) {
                    return where.toAbsolutePath() + "|" + Files.size(where) + "|" + Files.getLastModifiedTime(where).toMillis()
                            + "|" + drools;
                }
                long newest = 0;
                for (String pkg : List.of("facts", "findings")) {
                    Path classes = where.resolve("xuncha").resolve(pkg);
                    if (Files.isDirectory(classes)) {
                        try (Stream<Path> files = Files.list(classes)) {
                            newest = Math.max(newest, files.mapToLong(CompiledClasses::modified).max().orElse(0));
                        }
                    }
                }
                return where.toAbsolutePath() + "|" + newest + "|" + drools;
            } catch (Exception e) {
                return "unknown|" + System.nanoTime();
            }
        }
    }
}
