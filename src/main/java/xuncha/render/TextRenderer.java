package xuncha.render;

import xuncha.report.Report;
import xuncha.report.Texts;

import xuncha.findings.Level;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * What a township clerk reads: findings grouped by unit, then the closing tally in the manner of an
 * inspection round's feedback.
 */
final class TextRenderer implements Renderer {
    @Override
    public String name() {
        return "text";
    }

    @Override
    public String extension() {
        return "txt";
    }

    @Override
    public void render(Report report, OutputStream out) throws IOException {
        boolean zh = "zh".equals(report.lang());
        PrintWriter w = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        Map<String, List<Report.Entry>> byUnit = report.byUnit();
        int width = java.util.Arrays.stream(Level.values()).mapToInt(l -> l.label(report.lang()).length()).max()
                .orElse(0);
        byUnit.forEach((unit, entries) -> {
            w.printf("%s (%s)%n", entries.get(0).unitName(), unit);
            for (Report.Entry e : entries) {
                w.printf("  %-" + width + "s  %-10s  %s%s%s%n", e.level().label(report.lang()), e.rule(), e.message(),
                        report.rounds().tracked() ? state(e.tracking(), zh) : "",
                        e.waiver().map(x -> zh ? "  [已豁免至 " + x.expires() + "：" + x.reason() + "，" + x.approvedBy() + "批准]"
                                : "  [waived until " + x.expires() + ": " + x.reason() + ", approved by " + x.approvedBy() + "]")
                                .orElse(""));
                if (report.explain()) {
                    explain(w, e.evidence(), zh, " ".repeat(width + 16));
                }
            }
            w.println();
        });
        notices(w, report, zh);
        w.println(Wording.tally(report, zh) + (report.rounds().tracked() ? rounds(report, zh) : "")
                + (report.waived() > 0 ? (zh ? "；已豁免 " + report.waived() : "; " + report.waived() + " waived") : ""));
        w.flush();
    }

    private static void explain(PrintWriter w, Report.Evidence ev, boolean zh, String indent) {
        Wording.evidenceLines(ev, zh).forEach(line -> w.printf("%s%s%n", indent, line));
    }

    /** The finding's place in the rounds, after its message: [仍存在，自 2022-05-20 起，逾期]. */
    private static String state(Report.Tracking t, boolean zh) {
        String since = t.firstSeen().toString();
        return switch (t.state()) {
            case PERSISTING -> zh ? "  [仍存在，" + since + " 起" + (t.overdue() ? "，逾期未整改]" : "]")
                    : "  [persisting since " + since + (t.overdue() ? ", overdue]" : "]");
            case REGRESSED -> zh ? "  [反弹：曾已整改]" : "  [regressed: rectified before]";
            default -> zh ? "  [新发现]" : "  [new]";
        };
    }

    private static void notices(PrintWriter w, Report report, boolean zh) {
        if (report.waiverNotices().isEmpty()) {
            return;
        }
        w.println(zh ? "豁免提示" : "Waiver notices");
        for (Report.WaiverNotice n : report.waiverNotices()) {
            String what = n.waiver().rule() + " " + n.waiver().unit()
                    + (n.waiver().person().isEmpty() ? "" : " " + n.waiver().person());
            String status = switch (n.status()) {
                case EXPIRED -> zh ? "已过期（" + n.waiver().expires() + "），不再适用" : "expired on " + n.waiver().expires()
                        + ", no longer applies";
                case STALE -> zh ? "未对应任何问题，可撤销" : "matches no finding: withdraw it";
                default -> zh ? "将于 " + n.waiver().expires() + " 到期" : "expires on " + n.waiver().expires();
            };
            w.printf("  %s  %s  (%s)%n", what, status, n.waiver().at());
        }
        w.println();
    }

    private static String rounds(Report r, boolean zh) {
        int rectified = r.rounds().rectified().size();
        return zh ? String.format("；新发现 %d，仍存在 %d，反弹 %d，已整改 %d", r.inState(Report.State.NEW),
                r.inState(Report.State.PERSISTING), r.inState(Report.State.REGRESSED), rectified)
                : String.format("; %d new, %d persisting, %d regressed, %d rectified", r.inState(Report.State.NEW),
                r.inState(Report.State.PERSISTING), r.inState(Report.State.REGRESSED), rectified);
    }
}
