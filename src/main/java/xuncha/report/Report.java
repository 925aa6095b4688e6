package xuncha.report;

import xuncha.findings.Level;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Set;
import java.util.List;
import java.util.Map;

/**
 * What every renderer shows: one run's findings, ordered and with their texts in the report's
 * language. The exit status is computed from this model, never inside a renderer.
 *
 * @param units the number of units in the fact base
 * @param rules the number of finding rules in the pack that ran
 * @param explain whether a text report shows each finding's evidence
 */
public record Report(String lang, int year, LocalDate asOf, int units, int rules, Map<Level, Integer> counts,
                     List<Entry> findings, boolean explain) {

    /** One finding as reported. {@code person} and {@code personName} are "" when it names no one. */
    public record Entry(String rule, Level level, String unit, String unitName, String person, String personName,
                        String title, String message, Evidence evidence, String fingerprint) {
    }

    /**
     * What a finding rests on.
     *
     * @param facts the ids of the facts that matched
     * @param compared expected, actual and missing, those the rule states
     * @param thresholds the values of the thresholds the rule read, by name
     */
    public record Evidence(List<String> facts, Map<String, Object> compared, Map<String, Object> thresholds) {
    }

    /** A report of these entries, its counts computed from them. */
    public static Report of(String lang, int year, LocalDate asOf, int units, int rules, List<Entry> findings,
                            boolean explain) {
        Map<Level, Integer> counts = new EnumMap<>(Level.class);
        for (Level l : Level.values()) {
            counts.put(l, (int) findings.stream().filter(e -> e.level() == l).count());
        }
        return new Report(lang, year, asOf, units, rules, Map.copyOf(counts), List.copyOf(findings), explain);
    }

    /** This report restricted to some units: the findings of those units, which are all it counts as checked. */
    public Report within(Set<String> unitIds) {
        return of(lang, year, asOf, unitIds.size(), rules,
                findings.stream().filter(e -> unitIds.contains(e.unit())).toList(), explain);
    }

    public int count(Level level) {
        return counts.getOrDefault(level, 0);
    }

    /** True when some finding is at {@code level} or more serious. */
    public boolean anyAtLeast(Level level) {
        return findings.stream().anyMatch(f -> f.level().atLeast(level));
    }
}
