package xuncha.convert;

import xuncha.facts.Admission;
import xuncha.facts.Assessment;
import xuncha.facts.Budget;
import xuncha.facts.EvaluationPart;
import xuncha.facts.Evaluation;
import xuncha.facts.FactBase;
import xuncha.facts.Inspection;
import xuncha.facts.Labelled;
import xuncha.facts.Meeting;
import xuncha.facts.Person;
import xuncha.facts.Problem;
import xuncha.facts.Role;
import xuncha.facts.SchoolLevel;
import xuncha.facts.Source;
import xuncha.facts.Unit;
import xuncha.facts.UnitType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fact base as the facts format writes it: a mapping of the top-level keys to lists of records,
 * each record a mapping of its fields in facts.md's order, values as written (an enum by its
 * spelling, a date as a {@link java.time.LocalDate}). What is absent by default (a zero count, a
 * false flag, no venue) is left out. Both writers of {@code xuncha convert} write this tree.
 */
public final class FactsTree {
    private FactsTree() {
    }

    public static Map<String, Object> of(FactBase facts) {
        Map<String, Object> top = new LinkedHashMap<>();
        top.put("year", facts.period().year());
        top.put("as_of", facts.period().asOf());
        put(top, "units", facts.units().stream().map(FactsTree::unit).toList());
        Map<String, List<Map<String, Object>>> roles = new LinkedHashMap<>();
        facts.roles().forEach(r -> roles.computeIfAbsent(r.person(), p -> new ArrayList<>()).add(role(r)));
        put(top, "people", facts.people().stream().map(p -> person(p, roles.getOrDefault(p.id(), List.of()))).toList());
        put(top, "meetings", facts.meetings().stream().map(FactsTree::meeting).toList());
        put(top, "budgets", facts.budgets().stream().map(FactsTree::budget).toList());
        put(top, "assessments", facts.assessments().stream().map(FactsTree::assessment).toList());
        put(top, "evaluations", facts.evaluations().stream().map(FactsTree::evaluation).toList());
        put(top, "admissions", facts.admissions().stream().map(FactsTree::admission).toList());
        Map<String, List<Map<String, Object>>> problems = new LinkedHashMap<>();
        facts.problems().forEach(p -> problems.computeIfAbsent(p.inspection(), i -> new ArrayList<>()).add(problem(p)));
        put(top, "inspections", facts.inspections().stream()
                .map(i -> inspection(i, problems.getOrDefault(i.id(), List.of()))).toList());
        return top;
    }

    private static void put(Map<String, Object> m, String key, Object value) {
        if (value == null || value instanceof String s && s.isEmpty() || value instanceof Collection<?> c && c.isEmpty()
                || value instanceof Map<?, ?> map && map.isEmpty()) {
            return;
        }
        m.put(key, value);
    }

    private static void count(Map<String, Object> m, String key, int value) {
        if (value != 0) {
            m.put(key, value);
        }
    }

    private static void amount(Map<String, Object> m, String key, BigDecimal value) {
        if (value != null && value.signum() != 0) {
            m.put(key, value);
        }
    }

    private static void flag(Map<String, Object> m, String key, boolean value) {
        if (value) {
            m.put(key, true);
        }
    }

    private static String spelled(Labelled value) {
        return value.yaml();
    }

    private static Map<String, Object> unit(Unit u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", u.id());
        m.put("name", u.name());
        m.put("type", spelled(u.type()));
        put(m, "parent", u.parent());
        switch (u.type()) {
            case TOWNSHIP_LEAGUE_COMMITTEE -> {
                put(m, "venue", u.venue());
                amount(m, "annual_funds", u.annualFunds());
            }
            case SCHOOL -> {
                if (u.level() != SchoolLevel.NONE) {
                    m.put("level", spelled(u.level()));
                }
                count(m, "young_pioneers", u.youngPioneers());
                flag(m, "young_pioneer_committee", u.youngPioneerCommittee());
            }
            case ENTERPRISE -> {
                put(m, "industry", u.industry());
                flag(m, "key", u.key());
                if (!u.nonPublic()) {
                    m.put("non_public", false);
                }
                count(m, "young_employees", u.youngEmployees());
            }
            case SOCIAL_ORGANIZATION -> count(m, "young_members", u.youngMembers());
            default -> {
                // no fields of its own
            }
        }
        return m;
    }

    private static Map<String, Object> person(Person p, List<Map<String, Object>> roles) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("name", p.name());
        put(m, "birth_date", p.birthDate());
        flag(m, "party_member", p.partyMember());
        flag(m, "league_member", p.leagueMember());
        put(m, "roles", roles);
        return m;
    }

    private static Map<String, Object> role(Role r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("unit", r.unit());
        m.put("role", spelled(r.role()));
        if (r.source() != Source.NONE && r.role().needsSource()) {
            m.put("source", spelled(r.source()));
        }
        put(m, "grid", r.grid());
        put(m, "industry", r.industry());
        amount(m, "monthly_allowance", r.monthlyAllowance());
        return m;
    }

    private static Map<String, Object> meeting(Meeting x) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", x.id());
        m.put("unit", x.unit());
        m.put("kind", spelled(x.kind()));
        m.put("date", x.date());
        put(m, "topics", x.topics().stream().sorted().map(FactsTree::spelled).toList());
        put(m, "attendees", x.attendees().stream().sorted().toList());
        return m;
    }

    private static Map<String, Object> budget(Budget b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("unit", b.unit());
        m.put("year", b.year());
        m.put("party_building", b.partyBuilding());
        m.put("league_building", b.leagueBuilding());
        m.put("young_pioneer_work", b.youngPioneerWork());
        return m;
    }

    private static Map<String, Object> assessment(Assessment a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("unit", a.unit());
        m.put("year", a.year());
        m.put("includes_league_work", a.includesLeagueWork().stream().sorted().map(FactsTree::spelled).toList());
        return m;
    }

    private static Map<String, Object> evaluation(Evaluation e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("person", e.person());
        m.put("unit", e.unit());
        m.put("year", e.year());
        m.put("weights", parts(e.weights()));
        m.put("scores", parts(e.scores()));
        m.put("total", e.total());
        return m;
    }

    private static Map<String, Object> parts(Map<EvaluationPart, BigDecimal> values) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (EvaluationPart p : EvaluationPart.values()) {
            m.put(p.yaml(), values.get(p));
        }
        return m;
    }

    private static Map<String, Object> admission(Admission a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("person", a.person());
        m.put("unit", a.unit());
        m.put("date", a.date());
        flag(m, "recommended_by_league", a.recommendedByLeague());
        return m;
    }

    private static Map<String, Object> inspection(Inspection i, List<Map<String, Object>> problems) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", i.id());
        m.put("unit", i.unit());
        m.put("name", i.name());
        m.put("start", i.start());
        m.put("end", i.end());
        flag(m, "covers_league_work", i.coversLeagueWork());
        m.put("targets", i.targets());
        put(m, "problems", problems);
        return m;
    }

    private static Map<String, Object> problem(Problem p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("unit", p.unit());
        m.put("summary", p.summary());
        m.put("fed_back", p.fedBack());
        put(m, "rectified", p.rectified());
        return m;
    }

    static boolean isCounty(Unit u) {
        return u.type() == UnitType.COUNTY_PARTY_COMMITTEE;
    }
}
