package xuncha.render;

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
        return "letters";
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
        report.byUnit().forEach((unit, entries) -> {
            List<Report.Entry> fedBack = entries.stream().filter(e -> !e.waived()).toList();
            if (!fedBack.isEmpty()) {
                out.put(unit, letter(report, fedBack));
            }
        });
        return out;
    }

    private static String letter(Report report, List<Report.Entry> entries) {
        boolean zh = "zh".equals(report.lang());
        String asOf = Texts.format(report.asOf(), report.lang());
        StringBuilder s = new StringBuilder();
        Report.Entry first = entries.get(0);
        if (zh) {
            s.append("# 巡察反馈意见\n\n**").append(first.unitName()).append("**（").append(first.unit()).append("）：\n\n")
                    .append("根据").append(report.year()).append("年度党建带团建工作检查（截至").append(asOf)
                    .append("），现将发现的").append(entries.size()).append("个问题反馈如下：\n\n");
        } else {
            s.append("# Inspection feedback\n\nTo **").append(first.unitName()).append("** (").append(first.unit())
                    .append("):\n\nThe ").append(report.year()).append(" check of Party-led league building (as of ")
                    .append(asOf).append(") found ").append(entries.size()).append(entries.size() == 1 ? " problem" : " problems")
                    .append(":\n\n");
        }
        int n = 0;
        for (Report.Entry e : entries) {
            s.append(++n).append(". **").append(e.level().label(report.lang())).append("** ").append(e.message())
                    .append("\n   - ").append(zh ? "违反要求：" : "Requirement: ").append(e.title()).append(zh ? "（" : " (")
                    .append(e.rule()).append(zh ? "）\n" : ")\n");
            e.tracking().deadline().ifPresent(d -> s.append("   - ").append(zh ? "整改期限：" : "Rectify by: ")
                    .append(Texts.format(d, report.lang())).append('\n'));
        }
        if (zh) {
            s.append("\n请认真对照整改，并在整改期限内报送整改情况报告。\n\n")
                    .append("整改情况报告：\n\n______________________________________________\n\n")
                    .append("（单位盖章）　　　　年　　月　　日\n");
        } else {
            s.append("\nPlease rectify each problem and send a rectification report by the deadline.\n\n")
                    .append("Rectification report:\n\n______________________________________________\n\n")
                    .append("(Seal of the unit)        Date:\n");
        }
        return s.toString();
    }
}
