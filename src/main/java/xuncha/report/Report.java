package xuncha.report;

import xuncha.findings.Level;

import xuncha.facts.Location;
import xuncha.facts.UnitType;
import xuncha.facts.Waiver;

import java.time.LocalDate;
import java.util.Optional;
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
 * @param provenance which pack judged which facts
 */
public record Report(String lang, int year, LocalDate asOf, int units, int rules, List<Entry> findings,
                     boolean explain, Rounds rounds, List<WaiverNotice> waiverNotices, Coverage coverage,
                     Provenance provenance) {

    /**
     * What the run covered, for the formats that list passes or point into the facts files.
     *
     * @param rules the finding rules that ran, in id order
     * @param units the units checked, in id order
     * @param origins where each fact a finding rests on is written, by fact id
     */
    public record Coverage(List<RuleRef> rules, List<UnitRef> units, Map<String, Location> origins) {
        public static final Coverage NONE = new Coverage(List.of(), List.of(), Map.of());

        /** The units a rule examined: those of the types it declares, and any it found a problem at. */
        public List<UnitRef> unitsCheckedBy(RuleRef rule, Set<String> withFindings) {
            return units.stream().filter(u -> rule.checks().isEmpty() || rule.checks().contains(u.type())
                    || withFindings.contains(u.id())).toList();
        }
    }

    /** A rule that ran, with its title in the report's language (thresholds filled in, local values aside). */
    public record RuleRef(String id, String group, xuncha.findings.RuleLevel level, String title, String cites, List<UnitType> checks) {
    }

    /** A unit checked. */
    /** A unit as reports name and order it: with its parent and its county (its county party committee). */
    public record UnitRef(String id, String name, UnitType type, String parent, String county) {
        public UnitRef(String id, String name, UnitType type) {
            this(id, name, type, "", "");
        }
    }

    /** A waiver that needs attention: {@code expired}, {@code stale} (matches no finding) or {@code expiring}. */
    public record WaiverNotice(Notice status, Waiver waiver) {
    }

    /** Why a waiver needs attention, as the JSON report spells it. */
    public enum Notice {
        /** Past its end: it no longer applies. */
        EXPIRED("expired"),
        /** It matches no finding: it can be withdrawn. */
        STALE("stale"),
        /** It ends soon. */
        EXPIRING("expiring");

        private final String yaml;

        Notice(String yaml) {
            this.yaml = yaml;
        }

        public String yaml() {
            return yaml;
        }
    }

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

    /** A finding's place in the rounds, as the JSON report spells it and as a reader sees it. */
    public enum State {
        NEW("new", "新发现"), PERSISTING("persisting", "仍存在"), REGRESSED("regressed", "反弹");

        private final String yaml;
        private final String zh;

        State(String yaml, String zh) {
            this.yaml = yaml;
            this.zh = zh;
        }

        /** As the JSON report writes it: {@code new}, {@code persisting}, {@code regressed}. */
        public String yaml() {
            return yaml;
        }

        /** As a reader sees it: 新发现, 仍存在, 反弹 (or the JSON name in English). */
        public String label(boolean chinese) {
            return chinese ? zh : yaml;
        }

        /** The state a report writes as {@code text}, if any. */
        public static Optional<State> of(String text) {
            return java.util.Arrays.stream(values()).filter(s -> s.yaml.equals(text)).findFirst();
        }
    }

    /**
     * A finding's place in the rounds.
     *
     * @param overdue  whether the round's as-of day is past the deadline
     * @param deadline the day by which it is to be rectified, computed as the rule says ({@code basis}):
     *                 {@code firstSeen} + the county's {@code rectification_days} unless the rule says otherwise
     * @param basis    how the deadline was computed
     */
    public record Tracking(State state, LocalDate firstSeen, boolean overdue, Optional<LocalDate> deadline,
                           xuncha.findings.Deadline basis) {
        /** A finding first seen on {@code firstSeen} with this deadline, overdue when {@code asOf} is past it. */
        public static Tracking of(State state, LocalDate firstSeen, LocalDate asOf, Optional<LocalDate> deadline,
                                  xuncha.findings.Deadline basis) {
            return new Tracking(state, firstSeen, deadline.map(asOf::isAfter).orElse(false), deadline, basis);
        }
    }

    /** One finding as reported. {@code person} and {@code personName} are "" when it names no one. */
    public record Entry(String rule, Level level, String unit, String unitName, String person, String personName,
                        String title, String message, Evidence evidence, String fingerprint, Tracking tracking,
                        Optional<Waiver> waiver) {
        /** The rule's group (REPORT for REPORT-02): what a reader filters by. */
        public String group() {
            return xuncha.engine.RuleInfo.groupOf(rule);
        }

        public Entry withTracking(Tracking t) {
            return new Entry(rule, level, unit, unitName, person, personName, title, message, evidence, fingerprint, t,
                    waiver);
        }

        public Entry withWaiver(Waiver w) {
            return new Entry(rule, level, unit, unitName, person, personName, title, message, evidence, fingerprint,
                    tracking, Optional.of(w));
        }

        public boolean waived() {
            return waiver.isPresent();
        }
    }

    /**
     * What a finding rests on.
     *
     * @param facts the ids of the facts that matched
     * @param compared expected, actual and missing, those the rule states
     * @param thresholds the values of the thresholds the rule read, by name
     * @param factsShown the facts as a reader names them (a unit by its name, a meeting by its day and kind),
     *                   what the reading formats show; the ids where nothing names them
     * @param thresholdsShown each threshold read, by its name in the report's language with its value in its
     *                        unit (团建经费占党建经费的最低比例 10%)
     */
    public record Evidence(List<String> facts, Map<String, Object> compared, Map<String, Object> thresholds,
                           List<String> factsShown, List<String> thresholdsShown) {
        /** Evidence whose facts and thresholds are shown as written (a report read back, a test's). */
        public Evidence(List<String> facts, Map<String, Object> compared, Map<String, Object> thresholds) {
            this(facts, compared, thresholds, facts, thresholds.entrySet().stream()
                    .map(t -> t.getKey() + " = " + Texts.format(t.getValue(), "en")).toList());
        }
    }

    /** A report of these entries, its counts computed from them. */
    public static Report of(String lang, int year, LocalDate asOf, List<Entry> findings, boolean explain,
                            Coverage coverage) {
        return new Report(lang, year, asOf, coverage.units().size(), coverage.rules().size(), List.copyOf(findings),
                explain, Rounds.NONE, List.of(), coverage, Provenance.NONE);
    }

    /** This report with its findings tracked against earlier rounds. */
    public Report withRounds(List<Entry> tracked, Rounds rounds) {
        return new Report(lang, year, asOf, units, this.rules, List.copyOf(tracked), explain, rounds, waiverNotices,
                coverage, provenance);
    }

    /** This report with waivers applied to its findings, and the waivers that need attention. */
    public Report withWaivers(List<Entry> waived, List<WaiverNotice> notices) {
        return new Report(lang, year, asOf, units, this.rules, List.copyOf(waived), explain, rounds,
                List.copyOf(notices), coverage, provenance);
    }

    /** This report with what judged it. */
    public Report withProvenance(Provenance p) {
        return new Report(lang, year, asOf, units, rules, findings, explain, rounds, waiverNotices, coverage, p);
    }

    /** Findings covered by a waiver. */
    public int waived() {
        return (int) findings.stream().filter(Entry::waived).count();
    }

    /** The findings by unit, in unit id order (each unit's in report order). */
    /**
     * The units in the order of the organisation: each county (by id), its county party committee
     * first, then the county-level units and what is under them, then each township and what is under
     * it; siblings by id. A unit outside every county's tree comes last.
     */
    public List<UnitRef> hierarchy() {
        Map<String, List<UnitRef>> children = new java.util.HashMap<>();
        List<UnitRef> roots = new java.util.ArrayList<>();
        java.util.Set<String> ids = new java.util.HashSet<>();
        coverage.units().forEach(u -> ids.add(u.id()));
        for (UnitRef u : coverage.units()) {
            if (u.parent().isEmpty() || !ids.contains(u.parent())) {
                roots.add(u);
            } else {
                children.computeIfAbsent(u.parent(), k -> new java.util.ArrayList<>()).add(u);
            }
        }
        java.util.Comparator<UnitRef> townshipsLast = java.util.Comparator
                .<UnitRef, Boolean>comparing(u -> u.type() == UnitType.TOWNSHIP_PARTY_COMMITTEE).thenComparing(UnitRef::id);
        children.values().forEach(list -> list.sort(townshipsLast));
        roots.sort(java.util.Comparator.<UnitRef, Boolean>comparing(u -> u.type() != UnitType.COUNTY_PARTY_COMMITTEE)
                .thenComparing(UnitRef::id));
        List<UnitRef> out = new java.util.ArrayList<>();
        java.util.Deque<UnitRef> stack = new java.util.ArrayDeque<>();
        for (UnitRef root : roots) {
            stack.push(root);
            while (!stack.isEmpty()) {
                UnitRef u = stack.pop();
                out.add(u);
                List<UnitRef> under = children.getOrDefault(u.id(), List.of());
                for (int i = under.size() - 1; i >= 0; i--) {
                    stack.push(under.get(i));
                }
            }
        }
        return out;
    }

    /** The county party committees of the fact base, in the order of {@link #hierarchy}. */
    public List<UnitRef> counties() {
        return hierarchy().stream().filter(u -> u.type() == UnitType.COUNTY_PARTY_COMMITTEE).toList();
    }

    /** The findings by unit, the units in the order of the organisation ({@link #hierarchy}). */
    public Map<String, List<Entry>> byUnitInHierarchy() {
        Map<String, List<Entry>> byId = byUnit();
        Map<String, List<Entry>> out = new java.util.LinkedHashMap<>();
        hierarchy().forEach(u -> {
            if (byId.containsKey(u.id())) {
                out.put(u.id(), byId.get(u.id()));
            }
        });
        byId.forEach(out::putIfAbsent);
        return out;
    }

    public Map<String, List<Entry>> byUnit() {
        return findings.stream().collect(java.util.stream.Collectors.groupingBy(Entry::unit, java.util.TreeMap::new,
                java.util.stream.Collectors.toList()));
    }

    /** How many findings are in a state. */
    public int inState(State state) {
        return (int) findings.stream().filter(e -> e.tracking().state() == state).count();
    }

    /**
     * The round at a glance, against the round before: new, persisting, overdue (of any state),
     * back and rectified findings.
     */
    public record RoundCounts(int fresh, int persisting, int overdue, int regressed, int rectified) {
        /**
         * The rectification rate in whole percent: what was rectified of what was owed since the
         * last round (rectified, persisting or back); empty when nothing was owed.
         */
        public java.util.OptionalLong ratePercent() {
            long owed = (long) rectified + persisting + regressed;
            return owed == 0 ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(Math.round(100.0 * rectified / owed));
        }
    }

    public RoundCounts roundCounts() {
        return new RoundCounts(inState(State.NEW), inState(State.PERSISTING),
                (int) findings.stream().filter(e -> e.tracking().overdue()).count(), inState(State.REGRESSED),
                rounds.rectified().size());
    }

    /** What the round brings: the new findings and those back after being rectified, in report order. */
    public List<Entry> changes() {
        return findings.stream().filter(e -> e.tracking().state() != State.PERSISTING).toList();
    }

    /** This report restricted to some units: the findings of those units, which are all it counts as checked. */
    public Report within(Set<String> unitIds) {
        return new Report(lang, year, asOf, unitIds.size(), rules,
                findings.stream().filter(e -> unitIds.contains(e.unit())).toList(), explain,
                new Rounds(rounds.tracked(), rounds.rectified().stream().filter(e -> unitIds.contains(e.unit())).toList(),
                        rounds.rectifiedEver()),
                waiverNotices.stream().filter(n -> unitIds.contains(n.waiver().unit())).toList(),
                new Coverage(coverage.rules(), coverage.units().stream().filter(u -> unitIds.contains(u.id())).toList(),
                        coverage.origins()), provenance);
    }

    /** Findings at a level, waived ones aside: a waived finding leaves the counts and the exit status. */
    public int count(Level level) {
        return (int) findings.stream().filter(e -> !e.waived() && e.level() == level).count();
    }

    /** True when some finding not waived is at {@code level} or more serious. */
    public boolean anyAtLeast(Level level) {
        return findings.stream().anyMatch(f -> !f.waived() && f.level().atLeast(level));
    }
}
