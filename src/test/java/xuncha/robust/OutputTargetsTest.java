package xuncha.robust;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xuncha.Run;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static xuncha.robust.HostileFactsTest.assertShortRefusal;

/** Where a report is written: never over an input, never replacing a device or FIFO, letters replaced whole. */
class OutputTargetsTest {
    private static final Path SAMPLE = Path.of("fixtures/yangqu-2022.yaml");

    @TempDir
    Path dir;

    @Test
    void reportOverItsOwnInputIsRefusedAndTheInputKept() throws Exception {
        Path facts = dir.resolve("facts.yaml");
        Files.copy(SAMPLE, facts);
        assertShortRefusal(Run.xuncha("check", "--lang", "en", "--output", facts.toString(), facts.toString()),
                "the report would overwrite " + facts + ", which this run reads");
        assertThat(Files.readString(facts)).isEqualTo(Files.readString(SAMPLE));
    }

    @Test
    void reportOverTheBaselineIsRefused() throws Exception {
        Path round = dir.resolve("round.json");
        Run.xuncha("check", "--lang", "en", "--format", "json", "--output", round.toString(), SAMPLE.toString());
        assertShortRefusal(Run.xuncha("check", "--lang", "en", "--format", "json", "--baseline", round.toString(), "--output",
                round.toString(), SAMPLE.toString()), "which this run reads");
    }

    @Test
    void aDeviceIsWrittenToNotReplaced() {
        Path devNull = Path.of("/dev/null");
        assumeTrue(Files.isWritable(devNull));
        assertThat(Run.xuncha("check", "--output", "/dev/null", SAMPLE.toString()).status()).isEqualTo(1);
        assertThat(Files.isRegularFile(devNull, LinkOption.NOFOLLOW_LINKS)).isFalse();
    }

    @Test
    void aFullDeviceIsExitTwoWithAMessage() {
        assumeTrue(Files.isWritable(Path.of("/dev/full")));
        assertShortRefusal(Run.xuncha("check", "--output", "/dev/full", SAMPLE.toString()),
                "无法写入报告：No space left on device");
    }

    @Test
    void aFifoGetsTheReportAndStaysAFifo() throws Exception {
        Path fifo = dir.resolve("pipe");
        Process mk;
        try {
            mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (java.io.IOException e) {
            assumeTrue(false, "no mkfifo");
            return;
        }
        assumeTrue(mk.waitFor() == 0);
        CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readString(fifo);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(Run.xuncha("check", "--output", fifo.toString(), SAMPLE.toString()).status()).isEqualTo(1);
        assertThat(reader.get(30, TimeUnit.SECONDS)).contains("巡察 23 个单位");
        assertThat(Files.isRegularFile(fifo, LinkOption.NOFOLLOW_LINKS)).isFalse();
    }

    @Test
    void aLinkToAFileKeepsTheLinkAndReplacesTheFile() throws Exception {
        Path real = dir.resolve("real.txt");
        Files.writeString(real, "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.txt"), real);
        Run.xuncha("check", "--output", link.toString(), SAMPLE.toString());
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).contains("巡察 23 个单位");
    }

    @Test
    void theLettersFolderHoldsExactlyThisRunsLetters() throws Exception {
        Path out = dir.resolve("out");
        Run.xuncha("check", "--format", "letters", "--output-dir", out.toString(), SAMPLE.toString());
        assertThat(letters(out)).hasSize(14);
        Run.xuncha("check", "--format", "letters", "--rule", "FUND-03", "--output-dir", out.toString(),
                SAMPLE.toString());
        assertThat(letters(out)).hasSize(1);
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("out");
        }
    }

    private static java.util.List<Path> letters(Path out) throws Exception {
        try (Stream<Path> files = Files.list(out.resolve("letters"))) {
            return files.toList();
        }
    }
}
