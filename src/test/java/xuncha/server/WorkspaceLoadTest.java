package xuncha.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bounded load on loopback: 50 clerks signed in at once, each for 30 s (or {@code -Dload.seconds})
 * reading its unit's page and the ledger's JSON and claiming its problems again and again. No request
 * may fail and no claim may be lost: every claim answered "recorded" is a row of the ledger. The
 * latencies are measured, not asserted: p50 and p95 are written to target/bench/workspace-load.md
 * (bench/load copies them into docs/performance-load.md).
 */
class WorkspaceLoadTest {
    private static final int CLERKS = 50;

    @TempDir
    Path dir;

    @Test
    void fiftyClerksAtOnceLoseNoClaimAndGetNoError() throws Exception {
        int seconds = Integer.getInteger("load.seconds", 30);
        Path db = dir.resolve("x.db");
        try (Served served = new Served(dir, db.toString())) {
            List<String> units = served.ledger.view().byUnit().stream().map(t -> t.key()).toList();
            Users users = served.workspace.users();
            String hash = Passwords.hash("load-secret-1".toCharArray());
            List<String> tokens = new ArrayList<>();
            List<String> bound = new ArrayList<>();
            for (int i = 0; i < CLERKS; i++) {
                String unit = units.get(i % units.size());
                users.put("填报员" + i, Users.Role.CLERK, Set.of(unit), hash, "test", "user.added");
                HttpResponse<String> r = served.send(HttpRequest.newBuilder(served.uri("/api/login")).header("Content-Type",
                        "application/json").POST(HttpRequest.BodyPublishers.ofString(new ObjectMapper().createObjectNode()
                        .put("name", "填报员" + i).put("password", "load-secret-1").toString())));
                assertThat(r.statusCode()).isEqualTo(200);
                tokens.add(Served.json(r).get("token").asText());
                bound.add(unit);
            }
            Map<String, List<String>> problems = new ConcurrentHashMap<>();
            served.ledger.view().problems().forEach(p -> problems.computeIfAbsent(p.unit(), k -> new ArrayList<>())
                    .add(p.fingerprint()));
            ConcurrentLinkedQueue<Long> pages = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<Long> reads = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<Long> claims = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
            AtomicInteger recorded = new AtomicInteger();
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            ExecutorService pool = Executors.newFixedThreadPool(CLERKS);
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < CLERKS; i++) {
                int me = i;
                running.add(pool.submit(() -> {
                    int n = 0;
                    while (System.nanoTime() < end) {
                        try {
                            String unit = bound.get(me);
                            timed(served, tokens.get(me), "/units/" + unit, null, pages, errors);
                            timed(served, tokens.get(me), "/api/ledger?unit=" + unit, null, reads, errors);
                            String fp = problems.get(unit).get(n % problems.get(unit).size());
                            String body = new ObjectMapper().createObjectNode().put("measures", "第 " + n + " 次整改（" + me + "）")
                                    .put("responsible", "填报员" + me).toString();
                            String out = timed(served, tokens.get(me), "/api/ledger/" + fp + "/claim", body, claims, errors);
                            if (out != null && out.contains("\"recorded\"")) {
                                recorded.incrementAndGet();
                            }
                            n++;
                        } catch (Exception e) {
                            errors.add(String.valueOf(e));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
            pool.shutdown();
            assertThat(errors).isEmpty();
            assertThat(recorded.get()).isPositive();
            assertThat(claimRows(db)).isEqualTo(recorded.get());
            // A warm self-audit of the sample, as a clerk's upload.
            List<Long> audits = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                long t = System.nanoTime();
                Pages.Audit a = served.workspace.selfAudit(List.of(new Uploads.Upload("自查.yaml",
                        new java.io.ByteArrayInputStream(Served.sample()))));
                audits.add(System.nanoTime() - t);
                assertThat(a.findings()).hasSize(24);
            }
            write(seconds, pages, reads, claims, recorded.get(), audits);
        }
    }

    /** One request as a clerk; its latency kept; a status other than 2xx an error. */
    private static String timed(Served served, String token, String path, String body, ConcurrentLinkedQueue<Long> into,
                                ConcurrentLinkedQueue<String> errors) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(served.uri(path)).header("Authorization", "Bearer " + token);
        if (body != null) {
            b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        }
        long t = System.nanoTime();
        HttpResponse<String> r = served.http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        into.add(System.nanoTime() - t);
        if (r.statusCode() / 100 != 2) {
            errors.add(path + " " + r.statusCode() + " " + r.body());
            return null;
        }
        return r.body();
    }

    private static long claimRows(Path db) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM ledger_claim")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String ms(List<Long> nanos, double q) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        long v = sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
        return String.format(Locale.ROOT, "%.1f ms", v / 1e6);
    }

    private static void write(int seconds, ConcurrentLinkedQueue<Long> pages, ConcurrentLinkedQueue<Long> reads,
                              ConcurrentLinkedQueue<Long> claims, int recorded, List<Long> audits) throws Exception {
        StringBuilder md = new StringBuilder();
        md.append("| requests | count | p50 | p95 |\n|---|---|---|---|\n");
        for (var row : List.of(Map.entry("a unit's page (`GET /units/{unit}`)", new ArrayList<>(pages)),
                Map.entry("the unit's ledger (`GET /api/ledger?unit=`)", new ArrayList<>(reads)),
                Map.entry("a claim (`POST /api/ledger/{fp}/claim`)", new ArrayList<>(claims)),
                Map.entry("a warm self-audit of the sample (24 findings), one at a time", audits))) {
            md.append("| ").append(row.getKey()).append(" | ").append(row.getValue().size()).append(" | ")
                    .append(ms(row.getValue(), 0.5)).append(" | ").append(ms(row.getValue(), 0.95)).append(" |\n");
        }
        md.append("\n").append(CLERKS).append(" clerks at once for ").append(seconds).append(" s on loopback, SQLite: ")
                .append(pages.size() + reads.size() + claims.size()).append(" requests, no error, ").append(recorded)
                .append(" claims recorded and every one of them in the ledger.\n");
        Path out = Path.of("target", "bench");
        Files.createDirectories(out);
        Files.writeString(out.resolve("workspace-load.md"), md.toString());
        System.out.print(md);
    }
}
