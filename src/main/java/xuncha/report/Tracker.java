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
        List<Report.Entry> tracked = new ArrayList<>();
        for (Report.Entry e : current.findings()) {
            now.add(e.fingerprint());
            Report.Entry old = before.get(e.fingerprint());
            Report.Tracking t;
            Optional<BigDecimal> days = rectificationDays.apply(e.unit());
            if (old != null) {
                java.time.LocalDate since = old.tracking().firstSeen();
                Optional<java.time.LocalDate> deadline = days.map(d -> since.plusDays(d.longValue()));
                t = new Report.Tracking(Report.State.PERSISTING, since,
                        deadline.map(current.asOf()::isAfter).orElse(false), deadline);
            } else {
                t = new Report.Tracking(ever.contains(e.fingerprint()) ? Report.State.REGRESSED : Report.State.NEW,
                        current.asOf(), false, days.map(d -> current.asOf().plusDays(d.longValue())));
            }
            tracked.add(e.withTracking(t));
        }
        List<Report.Entry> rectified = baseline.findings().stream().filter(e -> !now.contains(e.fingerprint()))
                .toList();
        rectified.forEach(e -> ever.add(e.fingerprint()));
        return current.withRounds(tracked, new Report.Rounds(true, rectified, List.copyOf(ever)));
    }
}
