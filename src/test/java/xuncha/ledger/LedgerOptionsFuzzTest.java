package xuncha.ledger;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;
import xuncha.Run;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever a user types for a ledger's options — the database, a round's name, a fingerprint, a day,
 * a reviewer — xuncha does it or says in Chinese what is wrong (exit 2), never an internal error.
 */
class LedgerOptionsFuzzTest {
    private static Path dir;
    private static String db;

    @BeforeContainer
    static void record() throws Exception {
        dir = Files.createTempDirectory("ledger-fuzz");
        db = dir.resolve("台账.db").toString();
        assertThat(Ledgers.check(db, "第一轮", Path.of(Ledgers.SAMPLE), dir.resolve("r.json")).status()).isZero();
    }

    @Provide
    Arbitrary<String> typed() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(30),
                Arbitraries.of("", " ", "jdbc:", "jdbc:postgresql:", "jdbc:sqlite:/etc/passwd", "/", ".", "..", "/dev/null",
                        "2022-02-30", "2022年13月1日", "0000000000000000", "' OR 1=1 --", "\u0000", "𠀀".repeat(300),
                        "-", "--accept"));
    }

    private static void saysOrDoes(Run r) {
        assertThat(r.status()).as(r.err()).isIn(0, 2);
        assertThat(r.err()).doesNotContain("内部错误").doesNotContain("Exception").doesNotContain("\tat ");
        if (r.status() == 2) {
            assertThat(r.err()).containsPattern("\\p{IsHan}");
        }
    }

    @Property(tries = 40)
    void anyDatabaseIsOpenedOrRefused(@ForAll("typed") String spec) {
        if (spec.startsWith("-")) {
            return;
        }
        // Inside the test's own folder, whatever is typed: a ledger file it opens is made there, never in the checkout.
        String where = spec.startsWith("jdbc:") ? spec.replace("/etc/passwd", dir + "/p") : dir + "/" + spec;
        saysOrDoes(Run.xuncha("ledger", "--db", where));
    }

    @Property(tries = 40)
    void anyClaimOrReviewIsRecordedOrRefused(@ForAll("typed") String fingerprint, @ForAll("typed") String day,
                                            @ForAll("typed") String by) {
        saysOrDoes(Run.xuncha("ledger", "claim", "--db", db, "--measures", "m", "--responsible", "r", "--done-on", day,
                "--", fingerprint.isEmpty() ? "x" : fingerprint));
        saysOrDoes(Run.xuncha("ledger", "review", "--db", db, "--return", "--by", by, "--on", day,
                "--", fingerprint.isEmpty() ? "x" : fingerprint));
    }

    @Property(tries = 30)
    void anyRoundNameIsRecordedOrRefused(@ForAll("typed") String name) {
        saysOrDoes(Run.xuncha("check", Ledgers.SAMPLE, "--db", db, "--round", name, "--fail-on", "never",
                "--format", "json", "--output", dir.resolve("out.json").toString()));
    }
}
