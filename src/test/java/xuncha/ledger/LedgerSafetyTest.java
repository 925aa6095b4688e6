package xuncha.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import xuncha.Run;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger with real data: writers at once take turns and lose nothing; a process killed in the
 * middle of a change leaves the database as before; a backup made while it is written is whole.
 */
class LedgerSafetyTest {
    @TempDir
    Path dir;

    /** xuncha in a process of its own, as a second clerk's or office's run would be. */
    private Process xuncha(Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                "xuncha.cli.Main"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(Path.of("").toAbsolutePath().toFile());
        pb.environment().put("XUNCHA_LANG", "zh");
        pb.environment().putAll(env);
        return pb.start();
    }

    private static String all(Process p) throws Exception {
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
        return err;
    }

    @Test
    void twoProcessesRecordingIntoOneSqliteFileAtOnceBothSucceed() throws Exception {
        String db = dir.resolve("台账.db").toString();
        Path facts = Path.of(Ledgers.SAMPLE);
        // Each holds its change open a while, so that the two overlap for certain.
        Process a = xuncha(Map.of("XUNCHA_LEDGER_HOLD", "1500"), "check", facts.toString(), "--db", db, "--round", "甲",
                "--format", "json", "--output", dir.resolve("a.json").toString(), "--fail-on", "never");
        Process b = xuncha(Map.of("XUNCHA_LEDGER_HOLD", "1500"), "check", facts.toString(), "--db", db, "--round", "乙",
                "--format", "json", "--output", dir.resolve("b.json").toString(), "--fail-on", "never");
        String errA = all(a);
        String errB = all(b);
        assertThat(a.exitValue()).as(errA).isZero();
        assertThat(b.exitValue()).as(errB).isZero();
        JsonNode ledger = LedgerStoryTest.ledger(db);
        assertThat(ledger.get("rounds")).hasSize(2);
        ledger.get("rounds").forEach(r -> assertThat(r.get("findings").asInt()).isEqualTo(24));
        // One went first: the other's findings persist from it.
        List<String> states = new ArrayList<>();
        for (String run : List.of("a", "b")) {
            JsonNode report = new com.fasterxml.jackson.databind.ObjectMapper().readTree(dir.resolve(run + ".json").toFile());
            states.add(String.join(",", new java.util.TreeSet<>(report.get("findings").findValuesAsText("state"))));
        }
        assertThat(states).containsExactlyInAnyOrder("new", "persisting");
        assertThat(integrity(db)).isEqualTo("ok");
    }

    @ParameterizedTest
    @MethodSource("xuncha.ledger.Ledgers#kinds")
    void claimsMadeAtOnceAreAllKept(String kind) throws Exception {
        String db = Ledgers.fresh(kind, dir);
        assertThat(Ledgers.check(db, "第一轮", Path.of(Ledgers.SAMPLE), dir.resolve("r.json")).status()).isZero();
        List<String> fingerprints = LedgerStoryTest.states(db).keySet().stream().toList();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<Run>> runs = new ArrayList<>();
        for (String fp : fingerprints) {
            runs.add(pool.submit(() -> Run.xuncha("ledger", "claim", "--db", db, fp, "--measures", "已整改 " + fp,
                    "--responsible", "王强", "--by", "单位" + fp)));
        }
        for (Future<Run> r : runs) {
            assertThat(r.get().status()).as(r.get().err()).isZero();
        }
        pool.shutdown();
        JsonNode ledger = LedgerStoryTest.ledger(db);
        assertThat(ledger.get("counts").get("claimed").asInt()).isEqualTo(fingerprints.size());
        ledger.get("problems").forEach(p -> assertThat(p.get("claim").get("measures").asText())
                .isEqualTo("已整改 " + p.get("fingerprint").asText()));
    }

    @Test
    void aRunKilledInTheMiddleLeavesTheLedgerAsItWas() throws Exception {
        String db = dir.resolve("台账.db").toString();
        assertThat(Ledgers.check(db, "第一轮", Path.of(Ledgers.SAMPLE), dir.resolve("r1.json")).status()).isZero();
        byte[] before = LedgerStoryTest.ledger(db).toString().getBytes(StandardCharsets.UTF_8);
        Process p = xuncha(Map.of("XUNCHA_LEDGER_HOLD", "60000"), "check", Ledgers.SAMPLE, "--db", db, "--round", "第二轮",
                "--fail-on", "never", "--format", "json", "--output", dir.resolve("r2.json").toString());
        BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
        for (String line; (line = err.readLine()) != null; ) {
            if (line.contains("not committed")) {
                break;
            }
        }
        // Everything of round 2 is written, not committed: killed now, as by a power cut or kill -9.
        p.destroyForcibly();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(LedgerStoryTest.ledger(db).toString().getBytes(StandardCharsets.UTF_8)).isEqualTo(before);
        assertThat(integrity(db)).isEqualTo("ok");
        assertThat(Files.exists(dir.resolve("r2.json"))).isFalse();
        // And the round can be recorded again.
        assertThat(Ledgers.check(db, "第二轮", Path.of(Ledgers.SAMPLE), dir.resolve("r2.json")).status()).isZero();
        assertThat(LedgerStoryTest.ledger(db).get("rounds")).hasSize(2);
    }

    @ParameterizedTest
    @MethodSource("xuncha.ledger.Ledgers#kinds")
    void aBackupMadeWhileTheLedgerIsWrittenIsWhole(String kind) throws Exception {
        String db = Ledgers.fresh(kind, dir);
        assertThat(Ledgers.check(db, "第一轮", Path.of(Ledgers.SAMPLE), dir.resolve("r1.json")).status()).isZero();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<Run> writing = pool.submit(() -> Ledgers.check(db, "第二轮", Path.of(Ledgers.SAMPLE), dir.resolve("r2.json")));
        Path copy = dir.resolve("备份.db");
        Run backup = Run.xuncha("db", "backup", db, copy.toString());
        assertThat(backup.status()).as(backup.err()).isZero();
        assertThat(writing.get().status()).isZero();
        pool.shutdown();
        JsonNode copied = LedgerStoryTest.ledger(copy.toString());
        // One round or two, never half of one.
        assertThat(copied.get("rounds").size()).isBetween(1, 2);
        copied.get("rounds").forEach(r -> assertThat(r.get("findings").asInt()).isEqualTo(24));
        assertThat(integrity(copy.toString())).isEqualTo("ok");
        assertThat(Run.xuncha("db", "backup", db, copy.toString()).status()).isEqualTo(2);
    }

    private static String integrity(String file) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
