package xuncha.ledger;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;
import xuncha.facts.Location;
import xuncha.problems.Diagnostics;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ledger's database: an SQLite file (the default, embedded) or a PostgreSQL server for a shared
 * office, migrated to the schema of {@code db/ledger} by Flyway when opened. Every change runs in one
 * transaction that holds the ledger's write lock from its first statement, so two processes recording
 * at once take turns, and a process killed in the middle leaves the database as it was.
 */
public final class LedgerDb {
    /** How long a writer waits for another to finish before giving up. */
    static final int BUSY_MILLIS = 120_000;

    /** The kind of database. */
    public enum Kind { SQLITE, POSTGRESQL }

    private final Kind kind;
    private final String shown;
    private final DataSource writes;
    private final DataSource reads;
    private final Path file;

    private LedgerDb(Kind kind, String shown, DataSource writes, DataSource reads, Path file) {
        this.kind = kind;
        this.shown = shown;
        this.writes = writes;
        this.reads = reads;
        this.file = file;
    }

    /**
     * Opens the database {@code spec} names: {@code jdbc:postgresql://…} or a file path (created when
     * missing, in a folder that exists), then brings its schema up to date.
     */
    public static LedgerDb open(String spec) {
        LedgerDb db = spec.startsWith("jdbc:") ? server(spec) : sqlite(spec);
        db.migrate();
        return db;
    }

    private static LedgerDb server(String url) {
        if (!url.startsWith("jdbc:postgresql:")) {
            throw LedgerException.at(Location.ofFile(url), "ledger.db_kind", Diagnostics.quote(url));
        }
        org.postgresql.ds.PGSimpleDataSource ds = new org.postgresql.ds.PGSimpleDataSource();
        try {
            ds.setURL(url);
        } catch (IllegalArgumentException e) {
            throw LedgerException.at(Location.ofFile(withoutPassword(url)), "ledger.db_kind",
                    Diagnostics.quote(withoutPassword(url)));
        }
        // The user and password in the URL, or else in PGUSER and PGPASSWORD as psql takes them.
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.contains("user=") && System.getenv("PGUSER") != null) {
            ds.setUser(System.getenv("PGUSER"));
        }
        if (!lower.contains("password=") && System.getenv("PGPASSWORD") != null) {
            ds.setPassword(System.getenv("PGPASSWORD"));
        }
        ds.setConnectTimeout(10);
        return new LedgerDb(Kind.POSTGRESQL, withoutPassword(url), ds, ds, null);
    }

    private static LedgerDb sqlite(String path) {
        Path file;
        try {
            file = Path.of(path);
        } catch (java.nio.file.InvalidPathException e) {
            throw LedgerException.at(Location.ofFile(Diagnostics.quote(path.replace('\0', '�'))), "ledger.db_bad_path",
                    Diagnostics.quote(String.valueOf(e.getReason())));
        }
        if (path.isBlank()) {
            throw LedgerException.at(Location.ofFile("--db"), "ledger.db_bad_path", "");
        }
        if (Files.isDirectory(file)) {
            throw LedgerException.at(Location.ofFile(path), "ledger.db_folder");
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw LedgerException.at(Location.ofFile(path), "ledger.db_no_folder", parent);
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw LedgerException.at(Location.ofFile(path), "ledger.db_not_file");
        }
        return new LedgerDb(Kind.SQLITE, path, sqliteSource(file, SQLiteConfig.TransactionMode.IMMEDIATE),
                sqliteSource(file, SQLiteConfig.TransactionMode.DEFERRED), file);
    }

    private static DataSource sqliteSource(Path file, SQLiteConfig.TransactionMode mode) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(BUSY_MILLIS);
        config.enforceForeignKeys(true);
        config.setTransactionMode(mode);
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        return ds;
    }

    /** The URL as it may be shown: without a password it carries. */
    static String withoutPassword(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    public Kind kind() {
        return kind;
    }

    /** The database as the user named it (a server's URL without its password). */
    public String shown() {
        return shown;
    }

    /** The SQLite file, or null for a server. */
    Path file() {
        return file;
    }

    /** Brings the schema up to date; on a new SQLite file, one process at a time (Flyway locks a server itself). */
    private void migrate() {
        Flyway flyway = Flyway.configure().dataSource(writes).locations("classpath:db/ledger")
                .table("ledger_schema_history").failOnMissingLocations(true).load();
        try {
            if (file == null) {
                flyway.migrate();
                return;
            }
            if (Files.exists(file) && Files.size(file) > 0 && !isSqlite(file)) {
                throw LedgerException.at(Location.ofFile(shown), "ledger.db_not_ledger");
            }
            if (Files.exists(file) && flyway.info().pending().length == 0) {
                return;
            }
            Path lock = file.resolveSibling(file.getFileName() + ".lock");
            try (FileChannel ch = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = ch.lock()) {
                flyway.migrate();
                // Those that come later find nothing pending and take no lock; one waiting on this one finds the same.
                Files.deleteIfExists(lock);
            }
        } catch (FlywayException e) {
            Throwable cause = e;
            while (cause.getCause() != null && !(cause instanceof SQLException)) {
                cause = cause.getCause();
            }
            if (cause instanceof SQLException sql) {
                throw failure(sql);
            }
            if (String.valueOf(e.getMessage()).contains("without schema history table")) {
                throw LedgerException.at(Location.ofFile(shown), "ledger.db_not_ledger");
            }
            throw LedgerException.at(Location.ofFile(shown), "ledger.db_schema", firstLine(e));
        } catch (IOException e) {
            throw LedgerException.at(Location.ofFile(shown), "ledger.db_cannot_open", firstLine(e));
        }
    }

    /** Whether the file begins as every SQLite database does. */
    private static boolean isSqlite(Path file) throws IOException {
        byte[] magic = "SQLite format 3\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        try (var in = Files.newInputStream(file)) {
            return java.util.Arrays.equals(in.readNBytes(magic.length), magic);
        }
    }

    /** Work done in one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T in(Connection c) throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction holding the ledger's write lock: committed whole when it
     * returns, rolled back when it throws.
     */
    public <T> T write(Work<T> work) {
        return transaction(writes, true, work);
    }

    /** Runs {@code work} over one consistent view of the ledger. */
    public <T> T read(Work<T> work) {
        return transaction(reads, false, work);
    }

    /**
     * Writers of one SQLite file in this process queue here, first come first served: SQLite's own
     * busy handler lets waiters poll with growing sleeps, so under a crowd of writers (a server's
     * clerks) some would wait seconds while later ones went first. Other processes still take turns
     * through SQLite's lock.
     */
    private static final Map<Path, java.util.concurrent.locks.ReentrantLock> WRITERS = new ConcurrentHashMap<>();

    private <T> T transaction(DataSource source, boolean lock, Work<T> work) {
        if (lock && file != null) {
            java.util.concurrent.locks.ReentrantLock queue = WRITERS.computeIfAbsent(file.toAbsolutePath().normalize(),
                    k -> new java.util.concurrent.locks.ReentrantLock(true));
            queue.lock();
            try {
                return inTransaction(source, lock, work);
            } finally {
                queue.unlock();
            }
        }
        return inTransaction(source, lock, work);
    }

    private <T> T inTransaction(DataSource source, boolean lock, Work<T> work) {
        try (Connection c = source.getConnection()) {
            c.setAutoCommit(false);
            if (kind == Kind.POSTGRESQL) {
                c.setTransactionIsolation(lock ? Connection.TRANSACTION_READ_COMMITTED
                        : Connection.TRANSACTION_REPEATABLE_READ);
            }
            try {
                if (lock) {
                    lock(c);
                }
                T result = work.in(c);
                if (lock) {
                    holdForTests();
                }
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /**
     * The tests of a process killed in the middle of a change: {@code XUNCHA_LEDGER_HOLD} (milliseconds)
     * keeps each change open, all written and not yet committed, after saying so on standard error.
     */
    private static void holdForTests() {
        String hold = System.getenv("XUNCHA_LEDGER_HOLD");
        if (hold == null) {
            return;
        }
        System.err.println("xuncha: ledger change written, not committed");
        System.err.flush();
        try {
            Thread.sleep(Long.parseLong(hold));
        } catch (InterruptedException | NumberFormatException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Takes the write lock first, so that writers queue instead of failing halfway. */
    private void lock(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            if (kind == Kind.POSTGRESQL) {
                s.execute("LOCK TABLE ledger_round IN SHARE ROW EXCLUSIVE MODE");
            } else {
                // With the IMMEDIATE transaction mode, the first statement begins the write transaction.
                s.executeQuery("SELECT COUNT(*) FROM ledger_round").close();
            }
        }
    }

    private xuncha.problems.InputException failure(SQLException e) {
        if (e instanceof SQLiteException s && (s.getResultCode() == SQLiteErrorCode.SQLITE_BUSY
                || s.getResultCode() == SQLiteErrorCode.SQLITE_LOCKED)) {
            return LedgerException.at(Location.ofFile(shown), "ledger.db_busy", BUSY_MILLIS / 1000);
        }
        if (e instanceof SQLiteException s && (s.getResultCode() == SQLiteErrorCode.SQLITE_NOTADB
                || s.getResultCode() == SQLiteErrorCode.SQLITE_CORRUPT)) {
            return LedgerException.at(Location.ofFile(shown), "ledger.db_not_ledger");
        }
        if (kind == Kind.POSTGRESQL && e.getSQLState() != null && e.getSQLState().startsWith("08")) {
            return LedgerException.at(Location.ofFile(shown), "ledger.db_cannot_open", firstLine(e));
        }
        return LedgerException.at(Location.ofFile(shown), "ledger.db_failed", firstLine(e));
    }

    static String firstLine(Exception e) {
        String m = String.valueOf(e.getMessage());
        return Diagnostics.quote(m.lines().findFirst().orElse(m));
    }

    /**
     * A consistent copy of the whole database into the SQLite file {@code out}, while others read and
     * write it: SQLite's {@code VACUUM INTO} for a file; for a server, the ledger's tables copied in one
     * snapshot.
     */
    public void backup(Path out) {
        if (Files.exists(out)) {
            throw LedgerException.at(Location.ofFile(out.toString()), "ledger.backup_exists");
        }
        if (kind == Kind.SQLITE) {
            // VACUUM INTO reads one snapshot and runs outside a transaction of its own.
            try (Connection c = reads.getConnection(); var s = c.prepareStatement("VACUUM INTO ?")) {
                s.setString(1, out.toAbsolutePath().toString());
                s.execute();
            } catch (SQLException e) {
                throw failure(e);
            }
            return;
        }
        LedgerDb copy = open(out.toString());
        read(from -> copy.write(to -> {
            Tables.copy(from, to);
            return null;
        }));
    }
}
