package xuncha.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Tracks a round's findings against the report of the round before: what is new, what persists
 * (since when, and whether past its rectification period), what came back after being rectified,
 * and what was rectified since.
 */
public final class Tracker {
    private Tracker() {
    }

    /**
     * @param rectificationDays the rectification period that applies to a unit's findings, if the pack has one
     */
    public static Report track(Report current, Baseline baseline, Function<String, Optional<BigDecimal>> rectificationDays) {
        Map<String, Report.Entry> before = baseline.findings().stream()
                .collect(Collectors.toMap(Report.Entry::fingerprint, e -> e, (a, b) -> a));
        Set<String> ever = new TreeSet<>(baseline.rectifiedEver());
        Set<String> now = new HashSet<>();
        xuncha.facts.Period period = new xuncha.facts.Period(current.year(), current.asOf());
        List<Report.Entry> tracked = new ArrayList<>();
        for (Report.Entry e : current.findings()) {
            now.add(e.fingerprint());
            Report.Entry old = before.get(e.fingerprint());
            Report.Tracking t;
            Optional<BigDecimal> days = rectificationDays.apply(e.unit());
            xuncha.findings.Deadline basis = e.tracking().basis();
            if (old != null) {
                // Found before: the period runs from the round that first found it. A deadline the
                // finding gives, or the end of a year still open, is the one this round computed.
                java.time.LocalDate since = old.tracking().firstSeen();
                t = Report.Tracking.of(Report.State.PERSISTING, since, current.asOf(),
                        basis.due(since, period, days, e.tracking().deadline()), basis);
            } else {
                t = Report.Tracking.of(ever.contains(e.fingerprint()) ? Report.State.REGRESSED : Report.State.NEW,
                        current.asOf(), current.asOf(), e.tracking().deadline(), basis);
            }
            tracked.add(e.withTracking(t));
        }
        List<Report.Entry> rectified = baseline.findings().stream().filter(e -> !now.contains(e.fingerprint()))
                .toList();
        rectified.forEach(e -> ever.add(e.fingerprint()));
        return current.withRounds(tracked, new Report.Rounds(true, rectified, List.copyOf(ever)));
    }
}
