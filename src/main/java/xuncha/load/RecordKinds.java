package xuncha.load;

import xuncha.facts.Admission;
import xuncha.facts.Assessment;
import xuncha.facts.Budget;
import xuncha.facts.Evaluation;
import xuncha.facts.Inspection;
import xuncha.facts.Meeting;
import xuncha.facts.Person;
import xuncha.facts.Problem;
import xuncha.facts.Role;
import xuncha.facts.Unit;
import xuncha.yaml.Fields;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The record kinds of the facts format (facts.md), in its order: the top-level list each is
 * written under, the record type, how an item is read, and the kind written inside its items
 * (roles inside people, problems inside inspections). Adding a record kind is its record (in
 * {@code xuncha.facts}, {@link xuncha.facts.Kept}), its reader (in {@link RecordReader}) and a
 * line here: loading, linking, splitting by county and the rule session follow from this table.
 */
final class RecordKinds {
    /** One top-level list of the facts format. */
    record Kind(String key, String what, Class<?> type, BiConsumer<RecordReader, Fields> reader, Class<?> nested) {
    }

    static final List<Kind> ALL = List.of(
            new Kind("units", "unit", Unit.class, RecordReader::unit, null),
            new Kind("people", "person", Person.class, RecordReader::person, Role.class),
            new Kind("meetings", "meeting", Meeting.class, RecordReader::meeting, null),
            new Kind("budgets", "budget", Budget.class, RecordReader::budget, null),
            new Kind("assessments", "assessment", Assessment.class, RecordReader::assessment, null),
            new Kind("evaluations", "evaluation", Evaluation.class, RecordReader::evaluation, null),
            new Kind("admissions", "admission", Admission.class, RecordReader::admission, null),
            new Kind("inspections", "inspection", Inspection.class, RecordReader::inspection, Problem.class));

    private RecordKinds() {
    }

    /** The kinds by top-level key. */
    static Map<String, Kind> byKey() {
        Map<String, Kind> out = new LinkedHashMap<>();
        ALL.forEach(k -> out.put(k.key(), k));
        return out;
    }

    /** The top-level keys, in the format's order. */
    static List<String> keys() {
        return ALL.stream().map(Kind::key).toList();
    }

    /** The types of the records kept at units, in the order a session receives them: each kind, then what it holds. */
    static List<Class<?>> keptTypes() {
        List<Class<?>> out = new ArrayList<>();
        for (Kind k : ALL) {
            if (k.type() != Unit.class && k.type() != Person.class) {
                out.add(k.type());
            }
            if (k.nested() != null) {
                out.add(k.nested());
            }
        }
        return out;
    }
}
