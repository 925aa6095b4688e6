package xuncha.report;

import xuncha.facts.Waiver;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Applies waivers to a report. A waiver applies until its {@code expires} day; one that has expired
 * stops applying, one that matches no finding is stale, and one that expires within
 * {@value #REMINDER_DAYS} days after {@code as_of} still applies but is a reminder.
 */
public final class Waivers {
    public static final int REMINDER_DAYS = 30;

    private Waivers() {
    }

    public static Report apply(Report report, List<Waiver> waivers) {
        List<Report.Entry> entries = new ArrayList<>();
        Set<Waiver> used = new HashSet<>();
        for (Report.Entry e : report.findings()) {
            Optional<Waiver> w = waivers.stream().filter(x -> !x.expires().isBefore(report.asOf()))
                    .filter(x -> x.covers(e.rule(), e.unit(), e.person())).findFirst();
            w.ifPresent(used::add);
            entries.add(w.map(e::withWaiver).orElse(e));
        }
        List<Report.WaiverNotice> notices = new ArrayList<>();
        for (Waiver w : waivers) {
            if (w.expires().isBefore(report.asOf())) {
                notices.add(new Report.WaiverNotice(Report.Notice.EXPIRED, w));
            } else if (!used.contains(w)) {
                notices.add(new Report.WaiverNotice(Report.Notice.STALE, w));
            } else if (!w.expires().isAfter(report.asOf().plusDays(REMINDER_DAYS))) {
                notices.add(new Report.WaiverNotice(Report.Notice.EXPIRING, w));
            }
        }
        return report.withWaivers(entries, notices);
    }
}
