package xuncha.render;

import xuncha.findings.Level;
import xuncha.report.Report;
import xuncha.report.Texts;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The words the formats share, said once: a finding's evidence, the names of what a finding
 * compares, the closing tally. (Issue 12 moves them into the zh/en message bundles.)
 */
final class Wording {
    private Wording() {
    }

    /** A finding's evidence as lines: the facts, then expected/actual/missing, then the thresholds. */
    static List<String> evidenceLines(Report.Evidence ev, boolean zh) {
        String lang = zh ? "zh" : "en";
        List<String> lines = new ArrayList<>();
        lines.add((zh ? "依据：" : "facts: ") + String.join(", ", ev.facts()));
        if (!ev.compared().isEmpty()) {
            lines.add(ev.compared().entrySet().stream()
                    .map(c -> label(c.getKey(), zh) + " " + Texts.format(c.getValue(), lang))
                    .collect(Collectors.joining(zh ? "，" : ", ")));
        }
        if (!ev.thresholds().isEmpty()) {
            lines.add((zh ? "阈值：" : "thresholds: ") + ev.thresholds().entrySet().stream()
                    .map(t -> t.getKey() + " = " + Texts.format(t.getValue(), "en"))
                    .collect(Collectors.joining(zh ? "；" : "; ")));
        }
        return lines;
    }

    static String label(String compared, boolean zh) {
        if (!zh) {
            return compared;
        }
        return switch (compared) {
            case "expected" -> "要求";
            case "actual" -> "实际";
            case "missing" -> "还差";
            default -> compared;
        };
    }

    static String tally(Report r, boolean zh) {
        int total = r.findings().size();
        int violations = r.count(Level.VIOLATION);
        int warnings = r.count(Level.WARNING);
        if (zh) {
            String head = "巡察 " + r.units() + " 个单位，运行 " + r.rules() + " 条规则，";
            return total == 0 ? head + "未发现问题"
                    : head + "发现问题 " + total + " 个（违规 " + violations + "，提醒 " + warnings + "）";
        }
        String head = "Checked " + r.units() + " units with " + r.rules() + " rules: ";
        return total == 0 ? head + "no findings"
                : head + total + (total == 1 ? " finding" : " findings") + " (" + violations
                        + (violations == 1 ? " violation, " : " violations, ") + warnings
                        + (warnings == 1 ? " warning)" : " warnings)");
    }

    /** What judged the report, as rows of a name and a value: version and digests of the pack and the facts. */
    static java.util.Map<String, String> provenance(xuncha.report.Provenance p, boolean zh) {
        java.util.Map<String, String> rows = new java.util.LinkedHashMap<>();
        rows.put(zh ? "规则包版本" : "Rules pack version", p.packVersion().isEmpty() ? (zh ? "（未标注）" : "(none given)")
                : p.packVersion());
        rows.put(zh ? "规则包 SHA-256" : "Rules pack SHA-256", p.packSha256());
        if (!p.factsSha256().isEmpty()) {
            rows.put(zh ? "事实数据 SHA-256" : "Facts SHA-256", p.factsSha256());
        }
        if (!p.sets().isEmpty()) {
            rows.put(zh ? "本次调整的阈值" : "Thresholds set for this run", new java.util.TreeMap<>(p.sets()).entrySet()
                    .stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(zh ? "，" : ", ")));
        }
        return rows;
    }
}
