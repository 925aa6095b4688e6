package xuncha.render;

import xuncha.problems.Messages;

import xuncha.report.Report;
import xuncha.report.Texts;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One feedback letter per unit with findings (Markdown), in the form of an inspection round's
 * 反馈意见: the unit, its problems numbered with the requirement each breaks and the deadline, and
 * a place for the rectification report. With {@code --output DIR}, one file per unit.
 */
public final class LettersRenderer implements Renderer {
    @Override
    public String name() {
        return "letters-md";
    }

    @Override
    public String extension() {
        return "md";
    }

    /** All letters, one after another (for standard output). */
    @Override
    public void render(Report report, OutputStream out) throws IOException {
        String all = String.join("\n---\n\n", letters(report).values());
        out.write(all.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean isFolder() {
        return true;
    }

    /** One file per unit: {@code <unit id>.md}. */
    @Override
    public Map<String, byte[]> files(Report report) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        letters(report).forEach((unit, text) -> files.put(unit + ".md", text.getBytes(StandardCharsets.UTF_8)));
        return files;
    }

    @Override
    public String pieces() {
        return "letters";
    }

    /** Each unit's letter, by unit id, in unit id order; waived findings are left out. */
    public static Map<String, String> letters(Report report) {
        Map<String, String> out = new LinkedHashMap<>();
        Wording.fedBack(report.byUnit()).forEach((unit, entries) -> out.put(unit, letter(report, entries)));
        return out;
    }

    private static String letter(Report report, List<Report.Entry> entries) {
        boolean zh = "zh".equals(report.lang());
        String asOf = Texts.format(report.asOf(), report.lang());
        StringBuilder s = new StringBuilder();
        Report.Entry first = entries.get(0);
        s.append(Messages.word(zh, entries.size() == 1 ? "letter.opening_one" : "letter.opening", first.unitName(),
                report.year(), asOf, entries.size()));
        Wording.unitRound(report, first.unit(), zh).ifPresent(line -> s.append(line).append("\n\n"));
        int n = 0;
        for (Report.Entry e : Wording.roundOrder(report, entries)) {
            s.append(++n).append(". **").append(e.level().label(report.lang())).append("** ").append(e.message())
                    .append(report.rounds().tracked() ? Messages.word(zh, "letter.state", e.tracking().state().label(zh)) : "")
                    .append("\n   - ").append(Messages.word(zh, "word.violates")).append(e.title()).append(Messages.word(zh, "word.open"))
                    .append(e.rule()).append(Messages.word(zh, "word.close_line"));
            Wording.deadline(e.tracking(), report.asOf(), zh).ifPresent(d -> s.append("   - ")
                    .append(Messages.word(zh, "word.rectify_by_title")).append(d).append('\n'));
        }
        List<Report.Entry> rectified = report.rounds().rectified().stream()
                .filter(e -> e.unit().equals(first.unit())).toList();
        if (!rectified.isEmpty()) {
            s.append('\n').append(Messages.word(zh, "letter.rectified")).append("\n\n");
            rectified.forEach(e -> s.append("- ").append(e.message()).append('\n'));
        }
        s.append(Messages.word(zh, "letter.closing"));
        return s.toString();
    }
}
