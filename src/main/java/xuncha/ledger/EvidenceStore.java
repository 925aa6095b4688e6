package xuncha.ledger;

import xuncha.facts.Location;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

/**
 * Evidence files (佐证材料) stored by the SHA-256 of their content in a folder beside the database:
 * the same file given twice is kept once, a name never decides where bytes go, and only the kinds of
 * file a unit sends as evidence (documents, sheets, pictures) of a bounded size are taken.
 */
public final class EvidenceStore {
    /** The largest evidence file taken. */
    public static final long MAX_BYTES = 20L << 20;
    /** The kinds of evidence taken, by file name ending. */
    public static final Set<String> KINDS = Set.of("pdf", "ofd", "jpg", "jpeg", "png", "gif", "webp", "doc", "docx",
            "xls", "xlsx", "wps", "et", "txt");

    private final Path folder;

    public EvidenceStore(Path folder) {
        this.folder = folder;
    }

    /** The store beside an SQLite ledger ({@code ledger.db.evidence}); a server's ledger names its folder itself. */
    public static EvidenceStore beside(LedgerDb db, Path orElse) {
        if (orElse != null) {
            return new EvidenceStore(orElse);
        }
        if (db.file() == null) {
            throw LedgerException.at(Location.ofFile(db.shown()), "ledger.evidence_folder");
        }
        return new EvidenceStore(db.file().resolveSibling(db.file().getFileName() + ".evidence"));
    }

    public Path folder() {
        return folder;
    }

    /** A file stored. */
    public record Stored(String sha256, String name, long bytes) {
    }

    /** Stores the file {@code name}'s content, read from {@code in}; refuses another kind or a larger file. */
    public Stored store(String name, InputStream in, Location at) {
        String base = Path.of(name.replace('\\', '/')).getFileName() == null ? name
                : Path.of(name.replace('\\', '/')).getFileName().toString();
        int dot = base.lastIndexOf('.');
        String kind = dot < 0 ? "" : base.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (!KINDS.contains(kind)) {
            throw LedgerException.at(at, "ledger.evidence_kind", base, String.join(", ", new java.util.TreeSet<>(KINDS)));
        }
        try {
            Files.createDirectories(folder);
            Path temp = Files.createTempFile(folder, ".incoming", ".part");
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                long size;
                try (InputStream limited = new DigestInputStream(in, sha); var out = Files.newOutputStream(temp)) {
                    byte[] buf = new byte[65536];
                    size = 0;
                    for (int n; (n = limited.read(buf)) > 0; ) {
                        size += n;
                        if (size > MAX_BYTES) {
                            throw LedgerException.at(at, "ledger.evidence_size", base, MAX_BYTES >> 20);
                        }
                        out.write(buf, 0, n);
                    }
                }
                String hex = HexFormat.of().formatHex(sha.digest());
                Path target = path(hex);
                Files.createDirectories(target.getParent());
                if (!Files.exists(target)) {
                    try {
                        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                    } catch (AtomicMoveNotSupportedException e) {
                        Files.move(temp, target);
                    }
                }
                return new Stored(hex, base, size);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw LedgerException.at(at, "ledger.evidence_cannot", base, LedgerDb.firstLine(e));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where the content with this hash is kept. */
    public Path path(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256: " + sha256);
        }
        return folder.resolve(sha256.substring(0, 2)).resolve(sha256);
    }
}
