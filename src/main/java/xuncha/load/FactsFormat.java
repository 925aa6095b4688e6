package xuncha.load;

import xuncha.facts.AssessmentKind;
import xuncha.facts.Labelled;
import xuncha.facts.MeetingKind;
import xuncha.facts.RoleKind;
import xuncha.facts.SchoolLevel;
import xuncha.facts.Source;
import xuncha.facts.Topic;
import xuncha.facts.UnitType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields of each mapping of the facts format (facts.md) and what each holds: the one table the
 * reader's list of allowed fields and the JSON Schema ({@link FactsSchema}) are both made from, so
 * that the schema an editor checks with cannot drift from what xuncha reads.
 */
public final class FactsFormat {
    /** What a field holds. */
    public enum Shape {
        VERSION, ID, UNIT_REF, PERSON_REF, TEXT, DATE, YEAR, COUNT, AMOUNT, NUMBER, BOOLEAN, CHOICE, CHOICES,
        UNIT_REFS, PERSON_REFS, PARTS, RECORDS
    }

    /**
     * One field.
     *
     * @param values for {@link Shape#CHOICE} and {@link Shape#CHOICES}: the enum of its values
     * @param records for {@link Shape#RECORDS}: the kind of mapping its items are
     */
    public record Field(String name, Shape shape, boolean required, Class<? extends Labelled> values, String records) {
        static Field of(String name, Shape shape, boolean required) {
            return new Field(name, shape, required, null, null);
        }

        static Field choice(String name, Class<? extends Labelled> values, boolean required) {
            return new Field(name, Shape.CHOICE, required, values, null);
        }

        static Field choices(String name, Class<? extends Labelled> values, boolean required) {
            return new Field(name, Shape.CHOICES, required, values, null);
        }

        static Field records(String name, String kind) {
            return new Field(name, Shape.RECORDS, false, null, kind);
        }
    }

    /** The top level of a facts file. */
    public static final String FILE = "facts";

    private static final Map<String, List<Field>> KINDS = table();

    private FactsFormat() {
    }

    private static Map<String, List<Field>> table() {
        Map<String, List<Field>> k = new LinkedHashMap<>();
        k.put(FILE, List.of(Field.of("version", Shape.VERSION, false), Field.of("year", Shape.YEAR, false),
                Field.of("as_of", Shape.DATE, false), Field.records("units", "unit"), Field.records("people", "person"),
                Field.records("meetings", "meeting"), Field.records("budgets", "budget"),
                Field.records("assessments", "assessment"), Field.records("evaluations", "evaluation"),
                Field.records("admissions", "admission"), Field.records("inspections", "inspection")));
        k.put("unit", List.of(Field.of("id", Shape.ID, true), Field.of("name", Shape.TEXT, true),
                Field.choice("type", UnitType.class, true), Field.of("parent", Shape.UNIT_REF, false),
                Field.of("venue", Shape.TEXT, false), Field.of("annual_funds", Shape.AMOUNT, false),
                Field.choice("level", SchoolLevel.class, false), Field.of("young_pioneers", Shape.COUNT, false),
                Field.of("young_pioneer_committee", Shape.BOOLEAN, false), Field.of("industry", Shape.TEXT, false),
                Field.of("key", Shape.BOOLEAN, false), Field.of("non_public", Shape.BOOLEAN, false),
                Field.of("young_employees", Shape.COUNT, false), Field.of("young_members", Shape.COUNT, false)));
        k.put("person", List.of(Field.of("id", Shape.ID, true), Field.of("name", Shape.TEXT, true),
                Field.of("birth_date", Shape.DATE, false), Field.of("party_member", Shape.BOOLEAN, false),
                Field.of("league_member", Shape.BOOLEAN, false), Field.records("roles", "role")));
        k.put("role", List.of(Field.of("unit", Shape.UNIT_REF, true), Field.choice("role", RoleKind.class, true),
                Field.choice("source", Source.class, false), Field.of("grid", Shape.UNIT_REF, false),
                Field.of("industry", Shape.TEXT, false), Field.of("monthly_allowance", Shape.AMOUNT, false)));
        k.put("meeting", List.of(Field.of("id", Shape.ID, true), Field.of("unit", Shape.UNIT_REF, true),
                Field.choice("kind", MeetingKind.class, true), Field.of("date", Shape.DATE, true),
                Field.choices("topics", Topic.class, false), Field.of("attendees", Shape.PERSON_REFS, false)));
        k.put("budget", List.of(Field.of("unit", Shape.UNIT_REF, true), Field.of("year", Shape.YEAR, true),
                Field.of("party_building", Shape.AMOUNT, true), Field.of("league_building", Shape.AMOUNT, true),
                Field.of("young_pioneer_work", Shape.AMOUNT, true)));
        k.put("assessment", List.of(Field.of("unit", Shape.UNIT_REF, true), Field.of("year", Shape.YEAR, true),
                Field.choices("includes_league_work", AssessmentKind.class, true)));
        k.put("evaluation", List.of(Field.of("id", Shape.ID, true), Field.of("person", Shape.PERSON_REF, true),
                Field.of("unit", Shape.UNIT_REF, true), Field.of("year", Shape.YEAR, true),
                Field.of("weights", Shape.PARTS, true), Field.of("scores", Shape.PARTS, true),
                Field.of("total", Shape.NUMBER, true)));
        k.put("admission", List.of(Field.of("id", Shape.ID, true), Field.of("person", Shape.PERSON_REF, true),
                Field.of("unit", Shape.UNIT_REF, true), Field.of("date", Shape.DATE, true),
                Field.of("recommended_by_league", Shape.BOOLEAN, false)));
        k.put("inspection", List.of(Field.of("id", Shape.ID, true), Field.of("unit", Shape.UNIT_REF, true),
                Field.of("name", Shape.TEXT, true), Field.of("start", Shape.DATE, true), Field.of("end", Shape.DATE, true),
                Field.of("covers_league_work", Shape.BOOLEAN, false), Field.of("targets", Shape.UNIT_REFS, true),
                Field.records("problems", "problem")));
        k.put("problem", List.of(Field.of("id", Shape.ID, true), Field.of("unit", Shape.UNIT_REF, true),
                Field.of("summary", Shape.TEXT, true), Field.of("fed_back", Shape.DATE, true),
                Field.of("rectified", Shape.DATE, false)));
        return java.util.Collections.unmodifiableMap(k);
    }

    /** The mapping kinds, the file's top level first. */
    public static List<String> kinds() {
        return List.copyOf(KINDS.keySet());
    }

    /** The fields of a kind of mapping, in facts.md's order. */
    public static List<Field> fields(String kind) {
        return KINDS.get(kind);
    }

    /** The names of the fields of a kind of mapping: what the reader allows in it. */
    static List<String> names(String kind) {
        return NAMES.get(kind);
    }

    /**
     * Each kind's field names, made once: every record read asks for its kind's (issue 14: making
     * them anew for each record was 2% of a province's check). In order, for "did you mean"; asked
     * whether it holds a key through a hash set.
     */
    private static final Map<String, List<String>> NAMES = KINDS.entrySet().stream().collect(
            java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey,
                    e -> new Names(e.getValue().stream().map(Field::name).toList())));

    /** A list of names in order whose {@code contains} is a hash lookup. */
    private static final class Names extends java.util.AbstractList<String> implements java.util.RandomAccess {
        private final List<String> order;
        private final java.util.Set<String> set;

        Names(List<String> order) {
            this.order = order;
            this.set = java.util.Set.copyOf(order);
        }

        @Override
        public String get(int index) {
            return order.get(index);
        }

        @Override
        public int size() {
            return order.size();
        }

        @Override
        public boolean contains(Object o) {
            return set.contains(o);
        }
    }
}
