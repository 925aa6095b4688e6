package xuncha.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xuncha.Run;
import xuncha.RulesCopy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A pack is code: a rule that never ends stops at a session limit with exit 2 and a message naming
 * the limit and the rule (issue 10). The limits here are small, so the tests stay quick.
 */
class SessionLimitsTest {
    private static final String SAMPLE = "fixtures/yangqu-2022.yaml";
    private static final String HEAD = """
            package xuncha.rules;
            import xuncha.facts.Unit;
            import xuncha.facts.UnitType;
            declare Tick
                n : int
            end
            """;

    @TempDir
    Path dir;

    private Run check(String rule, String... limits) throws Exception {
        RulesCopy.into(dir);
        Files.writeString(dir.resolve("zz.drl"), HEAD + rule);
        // Messages in English, as the assertions here read them.
        String[] args = new String[limits.length + 7];
        args[0] = "check";
        args[1] = "--lang";
        args[2] = "en";
        args[3] = "--rules";
        args[4] = dir.toString();
        System.arraycopy(limits, 0, args, 5, limits.length);
        args[args.length - 2] = "--fail-on";
        args[args.length - 1] = "never";
        String[] withFacts = java.util.Arrays.copyOf(args, args.length + 1);
        withFacts[withFacts.length - 1] = SAMPLE;
        return assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Run.xuncha(withFacts));
    }

    private static void assertStopped(Run run, String limit, String rule) {
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("zz.drl:").contains("the rules were stopped in county 'yq-party' after " + limit)
                .contains("rule '" + rule + "' was firing").doesNotContain("internal error").doesNotContain("\tat ");
    }

    /**
     * The allow-list leaves no while loop, sleep or thread to write (PackAttackTest), but exact
     * arithmetic can still take forever: a naive recursion runs until the time limit stops it.
     */
    @Test
    void endlessComputationInAConsequenceStopsAtTheTimeLimit() throws Exception {
        Run run = check("""
                function long spin(int n) {
                    return n < 2 ? n : spin(n - 1) + spin(n - 2);
                }
                rule "spin"
                    @derive
                when
                    Unit(type == UnitType.COUNTY_PARTY_COMMITTEE)
                then
                    insert(new Tick((int) spin(90)));
                end
                """, "--session-seconds", "2");
        assertStopped(run, "more than 2 s (--session-seconds)", "spin");
    }

    @Test
    void endlessUpdateStopsAtTheFiringLimit() throws Exception {
        Run run = check("""
                rule "start"
                    @derive
                when
                    Unit(type == UnitType.COUNTY_PARTY_COMMITTEE)
                then
                    insert(new Tick(0));
                end
                rule "again"
                    @derive
                when
                    $t : Tick(n >= 0)
                then
                    $t.setN($t.getN() + 1);
                    update($t);
                end
                """, "--max-firings", "20000");
        assertStopped(run, "more than 20,000 rule firings (--max-firings)", "again");
    }

    @Test
    void endlessInsertStopsAtTheInsertLimit() throws Exception {
        Run run = check("""
                rule "start"
                    @derive
                when
                    Unit(type == UnitType.COUNTY_PARTY_COMMITTEE)
                then
                    insert(new Tick(0));
                end
                rule "flood"
                    @derive
                when
                    $t : Tick()
                then
                    insert(new Tick($t.getN() + 1));
                end
                """, "--max-inserted", "50000");
        assertStopped(run, "more than 50,000 facts inserted by rules (--max-inserted)", "flood");
    }

    @Test
    void aRuleAskingForMoreMemoryThanThereIsIsNamed() throws Exception {
        Run run = check("""
                rule "hoard"
                    @derive
                when
                    Unit(type == UnitType.COUNTY_PARTY_COMMITTEE)
                then
                    insert(new java.util.ArrayList(Integer.MAX_VALUE - 8));
                end
                """);
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("zz.drl:").contains("rule 'hoard' asked for more memory than Java has")
                .doesNotContain("\tat ");
    }

    @Test
    void theShippedPackIsFarBelowTheDefaults() {
        Run run = Run.xuncha("check", "--lang", "en", "--max-firings", "100000", "--max-inserted", "100000", SAMPLE);
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).isEmpty();
    }

    @Test
    void aFifoNamedLikeARulesFileIsRefusedNotRead() throws Exception {
        RulesCopy.into(dir);
        Process mk;
        try {
            mk = new ProcessBuilder("mkfifo", dir.resolve("zz.drl").toString()).start();
        } catch (java.io.IOException e) {
            org.junit.jupiter.api.Assumptions.assumeTrue(false, "no mkfifo");
            return;
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(mk.waitFor() == 0);
        Files.createDirectory(dir.resolve("folder.drl"));
        for (String command : new String[] {"lint", "check"}) {
            Run run = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> command.equals("lint")
                    ? Run.xuncha("lint", "--lang", "en", "--rules", dir.toString())
                    : Run.xuncha("check", "--lang", "en", "--rules", dir.toString(), SAMPLE));
            assertThat(run.status()).as(command).isEqualTo(2);
            assertThat(run.err()).contains("zz.drl: error: is not a regular file (a FIFO, a device or a socket)")
                    .contains("folder.drl: error: is not a regular file (a folder)");
        }
    }

    @Test
    void aLinkOutOfTheRulesFolderIsRefused() throws Exception {
        RulesCopy.into(dir);
        Path outside = Files.writeString(dir.getParent().resolve(dir.getFileName() + "-outside.drl"), HEAD);
        try {
            Files.createSymbolicLink(dir.resolve("zz.drl"), outside);
            Run run = Run.xuncha("check", "--lang", "en", "--rules", dir.toString(), SAMPLE);
            assertThat(run.status()).isEqualTo(2);
            assertThat(run.err()).contains("zz.drl: error: is a link that leads out of the rules folder");
        } finally {
            Files.deleteIfExists(outside);
        }
    }
}
