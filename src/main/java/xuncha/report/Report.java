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
                     List<Entry> findings, boolean explain, Rounds rounds) {

    /**
     * What a report knows of earlier rounds, when checked against a baseline.
     *
     * @param tracked whether a baseline was given
     * @param rectified the baseline's findings that are gone
     * @param rectifiedEver the fingerprints of every finding rectified in this or any earlier round
     */
    public record Rounds(boolean tracked, List<Entry> rectified, List<String> rectifiedEver) {
        public static final Rounds NONE = new Rounds(false, List.of(), List.of());
    }

    /** A finding's place in the rounds: {@code new}, {@code persisting} or {@code regressed}. */
    public record Tracking(String state, LocalDate firstSeen, boolean overdue) {
        public static final String NEW = "new";
        public static final String PERSISTING = "persisting";
        public static final String REGRESSED = "regressed";
    }

    /** One finding as reported. {@code person} and {@code personName} are "" when it names no one. */
    public record Entry(String rule, Level level, String unit, String unitName, String person, String personName,
                        String title, String message, Evidence evidence, String fingerprint, Tracking tracking) {
        public Entry withTracking(Tracking t) {
            return new Entry(rule, level, unit, unitName, person, personName, title, message, evidence, fingerprint, t);
        }
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
        return new Report(lang, year, asOf, units, rules, Map.copyOf(counts), List.copyOf(findings), explain,
                Rounds.NONE);
    }

    /** This report with its findings tracked against earlier rounds. */
    public Report withRounds(List<Entry> tracked, Rounds rounds) {
        return new Report(lang, year, asOf, units, this.rules, counts, List.copyOf(tracked), explain, rounds);
    }

    /** How many findings are in a state. */
    public int inState(String state) {
        return (int) findings.stream().filter(e -> e.tracking().state().equals(state)).count();
    }

    /** This report restricted to some units: the findings of those units, which are all it counts as checked. */
    public Report within(Set<String> unitIds) {
        Report within = of(lang, year, asOf, unitIds.size(), rules,
                findings.stream().filter(e -> unitIds.contains(e.unit())).toList(), explain);
        return within.withRounds(within.findings, new Rounds(rounds.tracked(),
                rounds.rectified().stream().filter(e -> unitIds.contains(e.unit())).toList(), rounds.rectifiedEver()));
    }

    public int count(Level level) {
        return counts.getOrDefault(level, 0);
    }

    /** True when some finding is at {@code level} or more serious. */
    public boolean anyAtLeast(Level level) {
        return findings.stream().anyMatch(f -> f.level().atLeast(level));
    }
}
