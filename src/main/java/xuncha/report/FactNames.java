package xuncha.report;

import xuncha.facts.Admission;
import xuncha.facts.Assessment;
import xuncha.facts.Budget;
import xuncha.facts.Evaluation;
import xuncha.facts.FactBase;
import xuncha.facts.Inspection;
import xuncha.facts.Meeting;
import xuncha.facts.MeetingKind;
import xuncha.facts.Person;
import xuncha.facts.Problem;
import xuncha.facts.Unit;
import xuncha.problems.Messages;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The facts a finding rests on, as a reader names them: a unit and a person by name, a meeting by its
 * day and kind, a budget by its year, a problem by what it says. The ids stay in the machine formats
 * (JSON, SARIF); the reading formats show these. Many meetings of one kind at one unit are said as
 * one count with the first and last day (县委常委会 22 次（2022年1月5日至2022年12月20日）).
 */
final class FactNames {
    /** Meetings of one kind at one unit from which they are counted instead of listed. */
    private static final int LISTED_MEETINGS = 3;

    private final Map<String, String> names = new HashMap<>();
    private final Map<String, Meeting> meetings = new HashMap<>();
    private final boolean zh;
    private final String lang;

    /** Names of the facts among {@code wanted} (the evidence of a report's findings), looked up in one pass. */
    FactNames(FactBase facts, Set<String> wanted, String lang) {
        this.lang = lang;
        this.zh = "zh".equals(lang);
        if (wanted.isEmpty()) {
            return;
        }
        Map<String, String> personName = new HashMap<>();
        for (Person p : facts.people()) {
            personName.put(p.id(), p.name());
            put(wanted, p.id(), p.name());
        }
        for (Unit u : facts.units()) {
            put(wanted, u.id(), u.name());
        }
        for (Meeting m : facts.meetings()) {
            if (wanted.contains(m.id())) {
                meetings.put(m.id(), m);
                names.put(m.id(), Messages.word(zh, "fact.meeting", day(m.date()), m.kind().label(lang)));
            }
        }
        for (Budget b : facts.budgets()) {
            put(wanted, b.ref(), Messages.word(zh, "fact.budget", b.year()));
        }
        for (Assessment a : facts.assessments()) {
            put(wanted, a.ref(), Messages.word(zh, "fact.assessment", a.year()));
        }
        for (Evaluation e : facts.evaluations()) {
            put(wanted, e.id(), Messages.word(zh, "fact.evaluation", personName.getOrDefault(e.person(), e.person()),
                    e.year()));
        }
        for (Admission a : facts.admissions()) {
            put(wanted, a.id(), Messages.word(zh, "fact.admission", personName.getOrDefault(a.person(), a.person()),
                    day(a.date())));
        }
        for (Inspection i : facts.inspections()) {
            put(wanted, i.id(), i.name());
        }
        for (Problem p : facts.problems()) {
            put(wanted, p.id(), Messages.word(zh, "fact.problem", p.summary()));
        }
    }

    private void put(Set<String> wanted, String id, String name) {
        if (wanted.contains(id) && name != null && !name.isBlank()) {
            names.put(id, name);
        }
    }

    private String day(LocalDate d) {
        return Texts.format(d, lang);
    }

    /** The facts as a reader names them, in the finding's order; an id this base does not name stays as written. */
    List<String> describe(List<String> ids) {
        Map<String, List<Meeting>> series = new LinkedHashMap<>();
        for (String id : ids) {
            Meeting m = meetings.get(id);
            if (m != null) {
                series.computeIfAbsent(m.unit() + "\u0000" + m.kind().name(), k -> new ArrayList<>()).add(m);
            }
        }
        List<String> out = new ArrayList<>();
        java.util.Set<String> counted = new java.util.HashSet<>();
        for (String id : ids) {
            Meeting m = meetings.get(id);
            if (m == null) {
                out.add(names.getOrDefault(id, id));
                continue;
            }
            String key = m.unit() + "\u0000" + m.kind().name();
            List<Meeting> same = series.get(key);
            if (same.size() <= LISTED_MEETINGS) {
                out.add(names.get(id));
            } else if (counted.add(key)) {
                out.add(count(m.kind(), same));
            }
        }
        return out;
    }

    private String count(MeetingKind kind, List<Meeting> same) {
        LocalDate first = same.stream().map(Meeting::date).min(LocalDate::compareTo).orElseThrow();
        LocalDate last = same.stream().map(Meeting::date).max(LocalDate::compareTo).orElseThrow();
        return Messages.word(zh, "fact.meetings", kind.label(lang), same.size(), day(first), day(last));
    }
}
