package xuncha.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a change of rules does to the findings on the same facts: those that appear, disappear or
 * change level. A finding is the same across packs when its fingerprint (rule, unit, person,
 * subject) is, whatever its message says (messages quote thresholds, which is what changes).
 */
public record Impact(List<Report.Entry> appeared, List<Report.Entry> disappeared, List<Changed> changed) {

    /** A finding in both, at another level: {@code before} from the base pack, {@code after} from the new. */
    public record Changed(Report.Entry before, Report.Entry after) {
    }

    public static Impact between(Report base, Report changed) {
        Map<String, Report.Entry> before = byKey(base);
        Map<String, Report.Entry> after = byKey(changed);
        List<Report.Entry> appeared = new ArrayList<>();
        List<Changed> levels = new ArrayList<>();
        after.forEach((key, entry) -> {
            Report.Entry old = before.get(key);
            if (old == null) {
                appeared.add(entry);
            } else if (old.level() != entry.level()) {
                levels.add(new Changed(old, entry));
            }
        });
        List<Report.Entry> disappeared = before.entrySet().stream().filter(e -> !after.containsKey(e.getKey()))
                .map(Map.Entry::getValue).toList();
        return new Impact(List.copyOf(appeared), disappeared, List.copyOf(levels));
    }

    private static Map<String, Report.Entry> byKey(Report report) {
        Map<String, Report.Entry> out = new LinkedHashMap<>();
        for (Report.Entry e : report.findings()) {
            out.put(e.fingerprint(), e);
        }
        return out;
    }
}
