package xuncha.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * Writes a file whole or not at all: a partly written file never replaces an earlier one. A
 * regular file (or a link to one) is written beside itself and renamed over; anything else that
 * already exists (a device, a FIFO, {@code /dev/stdout}) is written to directly, since renaming
 * over it would replace the device node with a file.
 */
final class AtomicFile {
    private AtomicFile() {
    }

    /** A temporary file is private; the report gets the earlier file's permissions, or the usual rw-r--r--. */
    private static void permissions(Path temp, Path target) throws IOException {
        if (!temp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Files.setPosixFilePermissions(temp, Files.exists(target) ? Files.getPosixFilePermissions(target)
                : PosixFilePermissions.fromString("rw-r--r--"));
    }

    private static void mode(Path path, String mode) throws IOException {
        if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(mode));
        }
    }

    /**
     * {@link #write}, for a file the user named: one that cannot be written is a usage error said in
     * the user's language (exit status 2), the earlier file left as it was.
     */
    static void writeNamed(Path target, byte[] content) {
        try {
            write(target, content);
        } catch (IOException e) {
            throw new UsageError("usage.cannot_write", target, String.valueOf(e.getMessage()));
        }
    }

    /** Whether two paths name one existing file (through links too). */
    static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    static void write(Path target, byte[] content) throws IOException {
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            Path real = realPath(target);
            if (real == null || !Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
                try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING)) {
                    out.write(content);
                }
                return;
            }
            target = real;
        }
        replace(target, content);
    }

    /** Content written to a stream. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** A file written beside its target and not yet in its place. */
    interface Staged {
        /** Puts it in place, replacing the earlier file in one step. */
        void commit() throws IOException;

        /** Drops it, leaving the earlier file as it was. */
        void discard();

        /** How many bytes it holds. */
        long size();
    }

    /**
     * Writes {@code content} for {@code target} without holding it in memory: into a temporary file
     * beside a regular target (or where none is yet), renamed over it by {@link Staged#commit}; to
     * anything else (a device, a pipe) only at commit, from memory, as {@link #write} does.
     */
    static Staged stage(Path target, Content content) throws IOException {
        Path real = Files.exists(target, LinkOption.NOFOLLOW_LINKS) ? realPath(target) : target;
        if (real == null || Files.exists(real) && !Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            content.writeTo(bytes);
            return new Staged() {
                @Override
                public void commit() throws IOException {
                    write(target, bytes.toByteArray());
                }

                @Override
                public void discard() {
                }

                @Override
                public long size() {
                    return bytes.size();
                }
            };
        }
        Path dir = real.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(dir, "." + real.getFileName() + ".", ".tmp");
        try {
            try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(temp), 1 << 16)) {
                content.writeTo(out);
            }
            permissions(temp, real);
        } catch (IOException | RuntimeException | Error e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        Path to = real;
        return new Staged() {
            @Override
            public void commit() throws IOException {
                try {
                    move(temp, to);
                } finally {
                    Files.deleteIfExists(temp);
                }
            }

            @Override
            public void discard() {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    // A temporary file left beside the target is all that is lost.
                }
            }

            @Override
            public long size() {
                try {
                    return Files.size(temp);
                } catch (IOException e) {
                    return 0;
                }
            }
        };
    }

    /** Where a link leads, or null when it leads nowhere a path names (a pipe behind /dev/stdout). */
    private static Path realPath(Path target) {
        try {
            return target.toRealPath();
        } catch (IOException e) {
            return null;
        }
    }

    private static void replace(Path target, byte[] content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            Files.write(temp, content);
            permissions(temp, target);
            move(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Makes {@code dir} hold exactly {@code files} (name → content): they are written into a new
     * folder beside it, which then takes its place, so the folder never mixes two runs' files and an
     * earlier folder stays whole when writing fails.
     */
    static void replaceFolder(Path dir, Map<String, byte[]> files) throws IOException {
        Path target = dir.toAbsolutePath().normalize();
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new IOException(dir + " exists and is not a folder");
        }
        Path parent = target.getParent();
        Files.createDirectories(parent);
        Path fresh = Files.createTempDirectory(parent, "." + target.getFileName() + ".");
        Path old = null;
        try {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                Path file = fresh.resolve(f.getKey());
                Files.write(file, f.getValue());
                mode(file, "rw-r--r--");
            }
            mode(fresh, "rwxr-xr-x");
            if (Files.exists(target)) {
                old = parent.resolve("." + target.getFileName() + ".old." + Long.toHexString(System.nanoTime()));
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
            fresh = null;
        } catch (IOException e) {
            if (old != null && !Files.exists(target)) {
                Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
                old = null;
            }
            throw e;
        } finally {
            deleteTree(fresh);
            deleteTree(old);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
