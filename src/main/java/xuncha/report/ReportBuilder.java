package xuncha.report;

import xuncha.problems.Messages;

import xuncha.engine.RuleInfo;
import xuncha.engine.RulePack;
import xuncha.facts.FactBase;
import xuncha.facts.Location;
import xuncha.facts.Person;
import xuncha.facts.Period;
import xuncha.facts.Threshold;
import xuncha.facts.Unit;
import xuncha.findings.Finding;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Turns a run's findings into the {@link Report}: texts in one language, cli.md's order. */
public final class ReportBuilder {
    private static final Comparator<Report.Entry> ORDER = Comparator.comparing(Report.Entry::unit)
            .thenComparing(Report.Entry::rule)
            .thenComparing(Report.Entry::person)
            .thenComparing(Report.Entry::message)
            // Two findings alike to the letter (two problems of one unit with the same summary) still in one order.
            .thenComparing(Report.Entry::fingerprint);

    private ReportBuilder() {
    }

    public static Report build(FactBase facts, RulePack pack, List<Finding> findings, String lang) {
        return build(facts, pack, findings, lang, false, Set.of());
    }

    /** @param only the finding rules that ran when {@code check --rule} chose some; empty when all ran */
    public static Report build(FactBase facts, RulePack pack, List<Finding> findings, String lang, boolean explain,
                               Set<String> only) {
        Map<String, Unit> units = facts.units().stream().collect(Collectors.toMap(Unit::id, Function.identity()));
        Map<String, Person> people = facts.people().stream()
                .collect(Collectors.toMap(Person::id, Function.identity()));
        Map<String, Map<String, Object>> thresholdsByCounty = new HashMap<>();
        Map<String, Map<String, Object>> titleValuesByCounty = new HashMap<>();
        Function<String, Optional<BigDecimal>> days = rectificationDays(facts, pack);
        Set<String> cited = new java.util.HashSet<>();
        findings.forEach(f -> cited.addAll(f.facts()));
        FactNames names = new FactNames(facts, cited, lang);
        // The same for every finding of the report: worded once.
        Map<String, Object> standard = standard(facts.period(), lang);
        List<Report.Entry> entries = findings.stream().map(f -> {
            RuleInfo rule = pack.rule(f.rule());
            Unit unit = units.get(f.unit());
            Map<String, Object> thresholdValues = thresholdsByCounty.computeIfAbsent(
                    unit == null ? "" : unit.county(), county -> pack.forCounty(county).thresholdValues());
            Map<String, Object> titleValues = titleValuesByCounty.computeIfAbsent(
                    unit == null ? "" : unit.county(), county -> pack.forCounty(county).thresholdTexts());
            String unitName = unit == null ? f.unit() : unit.name();
            String personName = f.hasPerson() && people.containsKey(f.person()) ? people.get(f.person()).name() : "";
            Map<String, Object> values = new HashMap<>(standard);
            values.put("unit", f.unit());
            values.put("unit_name", unitName);
            values.put("person", f.person());
            values.put("person_name", personName.isEmpty() ? f.person() : personName);
            values.putAll(f.args());
            String template = rule.message(lang, f.variant()).orElse(rule.message(lang, "").orElseThrow());
            return new Report.Entry(f.rule(), f.level(), f.unit(), unitName, f.person(), personName,
                    Texts.fill(rule.title(lang), titleValues, lang), Texts.fill(template, values, lang),
                    evidence(f, rule, thresholdValues, names, lang), Fingerprint.of(f),
                    Report.Tracking.of(Report.State.NEW, facts.period().asOf(), facts.period().asOf(),
                            rule.deadline().due(facts.period().asOf(), facts.period(), days.apply(f.unit()),
                                    given(f)), rule.deadline().effective(facts.period(), given(f))),
                    Optional.empty());
        }).sorted(ORDER).toList();
        return Report.of(lang, facts.period().year(), facts.period().asOf(), entries, explain,
                coverage(facts, pack, entries, only, lang));
    }

    /**
     * The rules a report names, made once per pack, language and choice of rules: a province's check
     * builds a report per county, and each would hold its own copy (2,850 counties: 88,000 copies).
     */
    private static final Map<RulePack, Map<String, List<Report.RuleRef>>> RULES =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    private static List<Report.RuleRef> ruleRefs(RulePack pack, Set<String> only, String lang) {
        Map<String, Object> defaults = pack.thresholdTexts();
        return pack.rules().stream().filter(r -> only.isEmpty() || only.contains(r.id()))
                .map(r -> new Report.RuleRef(r.id(), r.group(), r.level(), Texts.fill(r.title(lang), defaults, lang),
                        r.cites(), r.checks()))
                .toList();
    }

    private static Report.Coverage coverage(FactBase facts, RulePack pack, List<Report.Entry> entries,
                                            Set<String> only, String lang) {
        List<Report.RuleRef> rules = RULES.computeIfAbsent(pack, p -> new java.util.concurrent.ConcurrentHashMap<>())
                .computeIfAbsent(lang + "\u0000" + new java.util.TreeSet<>(only), k -> ruleRefs(pack, only, lang));
        // A report keeps every unit it checked until it is written (a country: a million). A unit's
        // parent and county are written in the facts as texts of their own; here they are the parent's
        // and the county's own id, one string for all who name it.
        Map<String, String> ids = new HashMap<>();
        facts.units().forEach(u -> ids.put(u.id(), u.id()));
        List<Report.UnitRef> units = facts.units().stream().sorted(Comparator.comparing(Unit::id))
                .map(u -> new Report.UnitRef(u.id(), u.name(), u.type(), ids.getOrDefault(u.parent(), u.parent()),
                        u.county() == null ? "" : ids.getOrDefault(u.county(), u.county())))
                .toList();
        Map<String, Location> origins = new TreeMap<>();
        entries.forEach(e -> e.evidence().facts().forEach(id -> {
            Location at = facts.origins().get(id);
            if (at != null) {
                origins.put(id, at);
            }
        }));
        return new Report.Coverage(rules, units, origins);
    }

    /**
     * One report of the reports of parts of a fact base checked apart (county folders): their
     * findings in report order, their units and the places of their facts together. The same as
     * the report of the whole, as every rule judges within a county.
     */
    public static Report merge(List<Report> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("no report to merge");
        }
        Report first = parts.get(0);
        List<Report.Entry> entries = parts.stream().flatMap(r -> r.findings().stream()).sorted(ORDER).toList();
        List<Report.UnitRef> units = parts.stream().flatMap(r -> r.coverage().units().stream())
                .sorted(Comparator.comparing(Report.UnitRef::id)).toList();
        Map<String, Location> origins = new TreeMap<>();
        parts.forEach(r -> origins.putAll(r.coverage().origins()));
        return Report.of(first.lang(), first.year(), first.asOf(), entries, first.explain(),
                new Report.Coverage(first.coverage().rules(), units, origins));
    }

    /** The deadline a finding gives as its value {@code deadline}, if it gives a day. */
    private static Optional<java.time.LocalDate> given(Finding f) {
        return f.args().get(xuncha.findings.Deadline.VALUE) instanceof java.time.LocalDate day ? Optional.of(day)
                : Optional.empty();
    }

    /**
     * The rectification period that applies at each unit (its county's value, local or default), if
     * the pack has one; looked up once per county.
     */
    public static Function<String, Optional<BigDecimal>> rectificationDays(FactBase facts, RulePack pack) {
        Map<String, String> countyOf = new HashMap<>();
        facts.units().forEach(u -> countyOf.put(u.id(), u.county()));
        Map<String, Optional<BigDecimal>> byCounty = new HashMap<>();
        return unit -> byCounty.computeIfAbsent(countyOf.getOrDefault(unit, ""), county -> pack.forCounty(county)
                .thresholds().get(RECTIFICATION_DAYS).map(Threshold::value));
    }

    /** The threshold that sets how long a unit has to rectify what an inspection feeds back. */
    public static final String RECTIFICATION_DAYS = "rectification_days";

    private static final List<String> COMPARED = List.of("expected", "actual", "missing");

    private static Report.Evidence evidence(Finding f, RuleInfo rule, Map<String, Object> thresholdValues,
                                            FactNames names, String lang) {
        Map<String, Object> compared = new LinkedHashMap<>();
        COMPARED.stream().filter(f.args()::containsKey).forEach(k -> compared.put(k, f.args().get(k)));
        Map<String, Object> thresholds = new LinkedHashMap<>();
        rule.thresholds().forEach(t -> thresholds.put(t, thresholdValues.get(t)));
        List<String> thresholdsShown = rule.thresholds().stream()
                .map(t -> ThresholdWords.describe(t, thresholdValues.get(t), lang)).toList();
        return new Report.Evidence(f.facts(), compared, thresholds, names.describe(f.facts()), thresholdsShown);
    }

    /** Values every message may use: the year, the day, and "so far" worded for the period. */
    private static Map<String, Object> standard(Period period, String lang) {
        boolean zh = "zh".equals(lang);
        String asOf = Texts.format(period.asOf(), lang);
        String soFar = period.closed() ? xuncha.problems.Messages.word(zh, "period.whole_year", period.year())
                : xuncha.problems.Messages.word(zh, "period.so_far", period.year(), asOf,
                        period.asOf().getMonthValue(), period.asOf().getDayOfMonth());
        return Map.of("year", period.year(), "as_of", period.asOf(), "so_far", soFar);
    }
}
