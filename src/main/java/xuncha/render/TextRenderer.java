package xuncha.render;

import xuncha.problems.Messages;

import xuncha.report.Places;
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
        Places places = new Places(report);
        if (report.rounds().tracked()) {
            rounds(w, report, zh, width);
        }
        byUnit.forEach((unit, entries) -> {
            w.printf("%s (%s)%s%n", entries.get(0).unitName(), unit, Wording.where(places, unit, zh));
            for (Report.Entry e : entries) {
                w.printf("  %-" + width + "s  %-10s  %s%s%s%n", e.level().label(report.lang()), e.rule(), e.message(),
                        report.rounds().tracked() ? state(e.tracking(), zh) : "",
                        e.waiver().map(x -> Messages.word(zh, "text.waived", x.expires(), x.reason(), x.approvedBy()))
                                .orElse(""));
                if (report.explain()) {
                    String indent = " ".repeat(width + 16);
                    explain(w, e.evidence(), zh, indent);
                    Wording.deadline(e.tracking(), report.asOf(), zh).ifPresent(d -> w.printf("%s%s%s%n", indent,
                            Messages.word(zh, "word.rectify_by_colon"), d));
                }
            }
            w.println();
        });
        notices(w, report, zh);
        w.println(Wording.tally(report, zh) + (report.rounds().tracked() ? rounds(report, zh) : "")
                + (report.waived() > 0 ? Messages.word(zh, "text.waived_count", report.waived()) : ""));
        w.flush();
    }

    private static void explain(PrintWriter w, Report.Evidence ev, boolean zh, String indent) {
        Wording.evidenceLines(ev, zh).forEach(line -> w.printf("%s%s%n", indent, line));
    }

    /** The finding's place in the rounds, after its message: [仍存在，自 2022-05-20 起，逾期]. */
    private static String state(Report.Tracking t, boolean zh) {
        String since = Texts.format(t.firstSeen(), zh ? "zh" : "en");
        return switch (t.state()) {
            case PERSISTING -> Messages.word(zh, t.overdue() ? "text.persisting_overdue" : "text.persisting", since);
            case REGRESSED -> Messages.word(zh, "word.tag_regressed");
            default -> Messages.word(zh, "word.tag_new");
        };
    }

    private static void notices(PrintWriter w, Report report, boolean zh) {
        if (report.waiverNotices().isEmpty()) {
            return;
        }
        w.println(Messages.word(zh, "word.waiver_notices"));
        for (Report.WaiverNotice n : report.waiverNotices()) {
            String what = n.waiver().rule() + " " + n.waiver().unit()
                    + (n.waiver().person().isEmpty() ? "" : " " + n.waiver().person());
            String status = switch (n.status()) {
                case EXPIRED -> Messages.word(zh, "text.waiver_expired", n.waiver().expires());
                case STALE -> Messages.word(zh, "word.waiver_stale");
                default -> Messages.word(zh, "text.waiver_expiring", n.waiver().expires());
            };
            w.printf("  %s  %s  (%s)%n", what, status, n.waiver().at());
        }
        w.println();
    }

    /**
     * With a baseline, the report opens with the round: its counts, then what is new or back and
     * what was rectified since, before the findings by unit.
     */
    private static void rounds(PrintWriter w, Report report, boolean zh, int width) {
        w.println(Wording.round(report.roundCounts(), zh));
        changes(w, Messages.word(zh, "round.changes"), report.changes(), report, width);
        changes(w, Messages.word(zh, "round.rectified"), report.rounds().rectified(), report, width);
        w.println();
    }

    private static void changes(PrintWriter w, String heading, List<Report.Entry> entries, Report report, int width) {
        if (entries.isEmpty()) {
            return;
        }
        boolean zh = "zh".equals(report.lang());
        w.println(heading + Messages.word(zh, "word.colon"));
        for (Report.Entry e : entries) {
            w.printf("  %-" + width + "s  %-10s  %s%n", e.level().label(report.lang()), e.rule(), Wording.withUnit(e, zh));
        }
    }

    private static String rounds(Report r, boolean zh) {
        int rectified = r.rounds().rectified().size();
        return Messages.word(zh, "text.rounds", r.inState(Report.State.NEW), r.inState(Report.State.PERSISTING),
                r.inState(Report.State.REGRESSED), rectified);
    }
}
