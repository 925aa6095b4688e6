package xuncha.ledger;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for the tests, started once per test run from Debian's {@code postgresql}
 * package: {@code initdb} and {@code pg_ctl} in a temporary folder, on a free loopback port, stopped when
 * the JVM exits. As root (CI), the server runs as the {@code postgres} account, since PostgreSQL refuses
 * to run as root. Where the package is missing the tests that need it are skipped, except when
 * {@code XUNCHA_REQUIRE_POSTGRES} is set (.ci/run sets it): then they fail.
 */
public final class Postgres {
    private static Postgres server;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final int port;

    private Postgres(int port) {
        this.port = port;
    }

    /** The server, started on first use. */
    public static synchronized Postgres server() {
        if (server == null) {
            server = start();
        }
        return server;
    }

    /** A new empty database on the server, as a JDBC URL. */
    public String newDatabase() {
        String name = "xuncha_test_" + DATABASES.incrementAndGet();
        try (Connection c = DriverManager.getConnection(url("postgres")); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return url(name);
    }

    private String url(String db) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + db + "?user=xuncha";
    }

    private static Postgres start() {
        Path bin = binaries();
        if (bin == null) {
            if (System.getenv("XUNCHA_REQUIRE_POSTGRES") != null) {
                throw new IllegalStateException("PostgreSQL is required (XUNCHA_REQUIRE_POSTGRES) but initdb was not found");
            }
            Assumptions.abort("PostgreSQL (Debian's postgresql package) is not installed");
        }
        try {
            Path dir = Files.createTempDirectory("xuncha-pg");
            boolean root = "root".equals(System.getProperty("user.name"));
            if (root) {
                run(List.of("chown", "postgres", dir.toString()), null);
            }
            Path data = dir.resolve("data");
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            run(as(root, bin.resolve("initdb").toString(), "-D", data.toString(), "-A", "trust", "-U", "xuncha",
                    "-E", "UTF8", "--locale=C.UTF-8"), dir);
            run(as(root, bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("log").toString(),
                    "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "-w", "start"), dir);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    run(as(root, bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "stop"), dir);
                    try (Stream<Path> all = Files.walk(dir)) {
                        all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                    }
                } catch (IOException | RuntimeException e) {
                    // The JVM is going; a folder in /tmp left behind is all that is lost.
                }
            }));
            return new Postgres(port);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> as(boolean root, String... command) {
        List<String> all = new ArrayList<>();
        if (root) {
            all.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        all.addAll(List.of(command));
        return all;
    }

    private static void run(List<String> command, Path dir) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            if (dir != null) {
                pb.directory(dir.toFile());
            }
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The newest PostgreSQL's programs Debian installed, or null. */
    private static Path binaries() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return null;
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.filter(v -> Files.isExecutable(v.resolve("bin/initdb")))
                    .max(Comparator.comparingInt(v -> Integer.parseInt(v.getFileName().toString().replaceAll("\\D", "0"))))
                    .map(v -> v.resolve("bin")).orElse(null);
        } catch (IOException e) {
            return null;
        }
    }
}
