package xuncha.facts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Splits a fact base by county: a county party committee, every unit under it, the roles held and
 * the records kept there, and the people they name. Every rule judges within one county, so the
 * counties can be checked apart (each with its own local thresholds, later in parallel).
 */
public final class Partitions {
    private Partitions() {
    }

    /** One fact base per county, by county id, in id order. */
    public static Map<String, FactBase> byCounty(FactBase all) {
        Map<String, String> countyOf = new HashMap<>();
        all.units().forEach(u -> countyOf.put(u.id(), u.county()));
        Map<String, Builder> parts = new TreeMap<>();
        Function<String, Builder> part = unit -> parts.computeIfAbsent(countyOf.get(unit), c -> new Builder());
        all.units().forEach(u -> part.apply(u.id()).units.add(u));
        all.roles().forEach(r -> part.apply(r.unit()).roles.add(r));
        all.meetings().forEach(m -> part.apply(m.unit()).meetings.add(m));
        all.budgets().forEach(b -> part.apply(b.unit()).budgets.add(b));
        all.assessments().forEach(a -> part.apply(a.unit()).assessments.add(a));
        all.evaluations().forEach(e -> part.apply(e.unit()).evaluations.add(e));
        all.admissions().forEach(a -> part.apply(a.unit()).admissions.add(a));
        all.inspections().forEach(i -> part.apply(i.unit()).inspections.add(i));
        all.problems().forEach(p -> part.apply(p.unit()).problems.add(p));
        Map<String, Person> people = new HashMap<>();
        all.people().forEach(p -> people.put(p.id(), p));
        Map<String, FactBase> out = new TreeMap<>();
        parts.forEach((county, b) -> out.put(county, b.build(all, people)));
        return out;
    }

    private static final class Builder {
        final List<Unit> units = new ArrayList<>();
        final List<Role> roles = new ArrayList<>();
        final List<Meeting> meetings = new ArrayList<>();
        final List<Budget> budgets = new ArrayList<>();
        final List<Assessment> assessments = new ArrayList<>();
        final List<Evaluation> evaluations = new ArrayList<>();
        final List<Admission> admissions = new ArrayList<>();
        final List<Inspection> inspections = new ArrayList<>();
        final List<Problem> problems = new ArrayList<>();

        FactBase build(FactBase all, Map<String, Person> byId) {
            Set<String> named = new TreeSet<>();
            roles.forEach(r -> named.add(r.person()));
            meetings.forEach(m -> named.addAll(m.attendees()));
            evaluations.forEach(e -> named.add(e.person()));
            admissions.forEach(a -> named.add(a.person()));
            List<Person> people = named.stream().map(byId::get).filter(Objects::nonNull).toList();
            return new FactBase(all.period(), units, people, roles, meetings, budgets, assessments, evaluations,
                    admissions, inspections, problems, all.origins());
        }
    }
}
