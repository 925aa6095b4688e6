package xuncha.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The progress line: only for a terminal, rewritten in place, cleared at the end. */
class ProgressLineTest {
    @Test
    void onlyWhenTheLauncherSaysStandardErrorIsATerminal() {
        PrintWriter err = new PrintWriter(new StringWriter());
        assertThat(ProgressLine.forTerminal(err, true, Map.of())).isNull();
        assertThat(ProgressLine.forTerminal(err, true, Map.of("XUNCHA_PROGRESS", "0"))).isNull();
        assertThat(ProgressLine.forTerminal(err, true, Map.of("XUNCHA_PROGRESS", "1"))).isNotNull();
    }

    @Test
    void rewritesOneLineAndClearsIt() {
        StringWriter text = new StringWriter();
        ProgressLine line = new ProgressLine(new PrintWriter(text), true);
        line.files().accept(1, 351);      // the first is shown
        line.files().accept(2, 351);      // within 200 ms of it: skipped
        line.counties().accept(117, 117); // the last always shown
        line.clear();
        assertThat(text.toString()).matches("\r\033\\[K读取文件 1/351, [0-9.]+ 个/秒"
                + "\r\033\\[K检查县 117/117, [0-9.]+ 个/秒\r\033\\[K");
    }
}
