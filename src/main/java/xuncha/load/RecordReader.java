package xuncha.load;

import xuncha.problems.Diagnostics;
import xuncha.problems.Messages.Term;
import xuncha.yaml.Fields;

import org.yaml.snakeyaml.nodes.Node;
import xuncha.facts.Admission;
import xuncha.facts.Assessment;
import xuncha.facts.AssessmentKind;
import xuncha.facts.Budget;
import xuncha.facts.Evaluation;
import xuncha.facts.EvaluationPart;
import xuncha.facts.Inspection;
import xuncha.facts.Location;
import xuncha.facts.Meeting;
import xuncha.facts.MeetingKind;
import xuncha.facts.Person;
import xuncha.facts.Problem;
import xuncha.facts.Role;
import xuncha.facts.RoleKind;
import xuncha.facts.SchoolLevel;
import xuncha.facts.Source;
import xuncha.facts.Topic;
import xuncha.facts.Unit;
import xuncha.facts.UnitType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import static java.util.Map.entry;

/** Reads each record kind of facts.md from its YAML mapping into {@link Drafts}. */
final class RecordReader {
    private static final Set<UnitType> PARTY = EnumSet.of(UnitType.COUNTY_PARTY_COMMITTEE,
            UnitType.TOWNSHIP_PARTY_COMMITTEE);
    private static final Set<UnitType> LEAGUE = EnumSet.of(UnitType.COUNTY_LEAGUE_COMMITTEE,
            UnitType.TOWNSHIP_LEAGUE_COMMITTEE);
    private static final Set<UnitType> ANY_UNIT = EnumSet.allOf(UnitType.class);
    private static final Set<UnitType> COUNTY = EnumSet.of(UnitType.COUNTY_PARTY_COMMITTEE);

    /** The fields each unit type has beyond id, name, type and parent. */
    private static final Map<UnitType, List<String>> UNIT_EXTRAS = Map.of(
            UnitType.TOWNSHIP_LEAGUE_COMMITTEE, List.of("venue", "annual_funds"),
            UnitType.SCHOOL, List.of("level", "young_pioneers", "young_pioneer_committee"),
            UnitType.ENTERPRISE, List.of("industry", "key", "non_public", "young_employees"),
            UnitType.SOCIAL_ORGANIZATION, List.of("young_members"));
    private static final Map<String, Term> UNIT_EXTRA_OWNER = Map.ofEntries(
            entry("venue", new Term("field.it_is_for", "township_league_committee")),
            entry("annual_funds", new Term("field.it_is_for", "township_league_committee")),
            entry("level", new Term("field.it_is_for", "school")),
            entry("young_pioneers", new Term("field.it_is_for", "school")),
            entry("young_pioneer_committee", new Term("field.it_is_for", "school")),
            entry("industry", new Term("field.it_is_for", "enterprise")),
            entry("key", new Term("field.it_is_for", "enterprise")),
            entry("non_public", new Term("field.it_is_for", "enterprise")),
            entry("young_employees", new Term("field.it_is_for", "enterprise")),
            entry("young_members", new Term("field.it_is_for", "social_organization")));

    private final Drafts drafts;
    private final Diagnostics problems;
    private final String shown;

    RecordReader(Drafts drafts, Diagnostics problems, String shown) {
        this.drafts = drafts;
        this.problems = problems;
        this.shown = shown;
    }

    /** Reads every item of a top-level list with {@code reader}. */
    void each(List<Node> items, Object what, Consumer<Fields> reader) {
        for (Node item : items) {
            one(item, what, reader);
        }
    }

    /** Reads one item of a top-level list with {@code reader}. */
    void one(Node item, Object what, Consumer<Fields> reader) {
        Fields.of(item, what, shown, problems).ifPresent(reader);
    }

    void unit(Fields f) {
        f.allowOnly(FactsFormat.names("unit"));
        Optional<String> id = f.id("id", true);
        Optional<UnitType> type = f.choice("type", UnitType.class, true);
        String name = f.string("name", true).orElse("");
        id.ifPresent(i -> drafts.declare(i, "unit", type.orElse(null), name, f.at("id")));
        if (type.isEmpty() || id.isEmpty()) {
            return;
        }
        UnitType t = type.get();
        List<String> extras = UNIT_EXTRAS.getOrDefault(t, List.of());
        for (String key : f.keys()) {
            if (UNIT_EXTRA_OWNER.containsKey(key) && !extras.contains(key)) {
                problems.say(f.keyAt(key), "unit.field_not_for_type", key, t.yaml(), UNIT_EXTRA_OWNER.get(key));
            }
        }
        String parent = "";
        if (t == UnitType.COUNTY_PARTY_COMMITTEE) {
            if (f.node("parent", false).isPresent()) {
                problems.say(f.keyAt("parent"), "unit.county_has_no_parent", id.get());
            }
        } else {
            parent = f.ref("parent", true).orElse("");
            if (!parent.isEmpty()) {
                Set<UnitType> parents = t == UnitType.COUNTY_LEAGUE_COMMITTEE ? COUNTY : ANY_UNIT;
                drafts.refUnit(f.at("parent"), parent, parents, new Term("ref.parent_of", named(name, id.get())));
            }
        }
        boolean isEnterprise = t == UnitType.ENTERPRISE;
        Unit unit = new Unit(id.get(), name, t, parent, "",
                f.string("venue", false).orElse(""),
                f.amount("annual_funds", false).orElse(BigDecimal.ZERO),
                t == UnitType.SCHOOL ? f.choice("level", SchoolLevel.class, false)
                        .filter(l -> l != SchoolLevel.NONE).orElse(SchoolLevel.NONE) : SchoolLevel.NONE,
                f.count("young_pioneers", false).orElse(0),
                f.flag("young_pioneer_committee"),
                isEnterprise ? f.string("industry", true).orElse("") : "",
                f.flag("key"),
                isEnterprise && f.flag("non_public", true),
                f.count("young_employees", false).orElse(0),
                f.count("young_members", false).orElse(0));
        drafts.units.add(new Drafts.Located<>(unit, f.at()));
    }

    void person(Fields f) {
        f.allowOnly(FactsFormat.names("person"));
        String name = f.string("name", true).orElse("");
        Optional<String> id = declare(f, "person", name);
        LocalDate birth = f.date("birth_date", false).orElse(null);
        Person person = new Person(id.orElse(""), name, birth, f.flag("party_member"), f.flag("league_member"));
        List<Node> roles = f.list("roles", false);
        if (id.isEmpty()) {
            return;
        }
        drafts.people.add(person);
        Map<String, Location> held = new java.util.HashMap<>();
        each(roles, new Term("kind.role_of", named(name, id.get())), r -> role(r, id.get(), name, held));
    }

    /** @param held where each role of the person is written, by {@code role@unit}: a second one is refused */
    private void role(Fields f, String person, String name, Map<String, Location> held) {
        f.allowOnly(FactsFormat.names("role"));
        Optional<RoleKind> kind = f.choice("role", RoleKind.class, true);
        Optional<String> unit = f.ref("unit", true);
        if (kind.isEmpty()) {
            return;
        }
        RoleKind k = kind.get();
        Term by = new Term("ref.role_of", new xuncha.problems.Messages.Label(k), named(name, person));
        unit.ifPresent(u -> drafts.refUnit(f.at("unit"), u, k.heldAt(), by));
        Source source = only(f, "source", k.needsSource(), k)
                ? f.choice("source", Source.class, true).orElse(Source.OTHER) : Source.NONE;
        String grid = only(f, "grid", k == RoleKind.YOUTH_WORK_COMMITTEE_MEMBER, k)
                ? f.ref("grid", true).orElse("") : "";
        if (!grid.isEmpty()) {
            drafts.refUnit(f.at("grid"), grid, EnumSet.of(UnitType.TOWNSHIP_PARTY_COMMITTEE), new Term("ref.grid_of", by));
        }
        String industry = only(f, "industry", k == RoleKind.INDUSTRY_LIAISON, k)
                ? f.string("industry", true).orElse("") : "";
        BigDecimal allowance = only(f, "monthly_allowance", k == RoleKind.BRIGADE_COUNSELOR, k)
                ? f.amount("monthly_allowance", false).orElse(BigDecimal.ZERO) : BigDecimal.ZERO;
        if (unit.isPresent()) {
            Location first = held.putIfAbsent(k.yaml() + "@" + unit.get(), f.at());
            if (first != null) {
                problems.say(f.at(), "role.twice", person, k.yaml(), unit.get(), first.line());
                return;
            }
            drafts.add(Role.class, new Role(person, unit.get(), k, source, grid, industry, allowance), f.at());
        }
    }

    /** True when the role has {@code key}; reports it when given on a role that has not. */
    private boolean only(Fields f, String key, boolean applies, RoleKind kind) {
        if (!applies && f.node(key, false).isPresent()) {
            problems.say(f.keyAt(key), "role.field_not_for_role", key, kind.yaml());
        }
        return applies;
    }

    void meeting(Fields f) {
        f.allowOnly(FactsFormat.names("meeting"));
        Optional<String> id = declare(f, "meeting");
        Optional<String> unit = f.ref("unit", true);
        Optional<MeetingKind> kind = f.choice("kind", MeetingKind.class, true);
        Optional<LocalDate> date = f.date("date", true);
        Set<Topic> topics = EnumSet.noneOf(Topic.class);
        for (Node n : f.list("topics", false)) {
            f.choice(n, "topic", Topic.class).ifPresent(topics::add);
        }
        Set<String> attendees = new LinkedHashSet<>();
        for (Node n : f.list("attendees", false)) {
            f.ref(n, "attendee").ifPresent(p -> {
                attendees.add(p);
                drafts.refPerson(f.at(n), p, new Term("ref.attendees_of", id.orElse("?")));
            });
        }
        if (id.isEmpty() || unit.isEmpty() || kind.isEmpty() || date.isEmpty()) {
            return;
        }
        drafts.refUnit(f.at("unit"), unit.get(), EnumSet.of(kind.get().heldBy()),
                new Term("ref.meeting_of_kind", id.get(), new xuncha.problems.Messages.Label(kind.get())));
        drafts.add(Meeting.class, new Meeting(id.get(), unit.get(), kind.get(), date.get(), Set.copyOf(topics),
                Set.copyOf(attendees)), f.at());
    }

    void budget(Fields f) {
        f.allowOnly(FactsFormat.names("budget"));
        Optional<String> unit = f.ref("unit", true);
        Optional<Integer> year = f.year("year", true);
        Optional<BigDecimal> party = f.amount("party_building", true);
        Optional<BigDecimal> league = f.amount("league_building", true);
        Optional<BigDecimal> pioneers = f.amount("young_pioneer_work", true);
        unit.ifPresent(u -> drafts.refUnit(f.at("unit"), u, COUNTY, new Term("ref.a_budget")));
        if (unit.isPresent() && year.isPresent() && party.isPresent() && league.isPresent() && pioneers.isPresent()) {
            drafts.add(Budget.class, new Budget(unit.get(), year.get(), party.get(), league.get(), pioneers.get()),
                    f.at());
        }
    }

    void assessment(Fields f) {
        f.allowOnly(FactsFormat.names("assessment"));
        Optional<String> unit = f.ref("unit", true);
        Optional<Integer> year = f.year("year", true);
        if (f.node("includes_league_work", false).isEmpty() && !f.keys().contains("includes_league_work")) {
            problems.say(f.at(), "assessment.missing_includes", f.what());
        }
        Set<AssessmentKind> kinds = EnumSet.noneOf(AssessmentKind.class);
        for (Node n : f.list("includes_league_work", false)) {
            f.choice(n, "assessment", AssessmentKind.class).ifPresent(kinds::add);
        }
        unit.ifPresent(u -> drafts.refUnit(f.at("unit"), u, PARTY, new Term("ref.an_assessment")));
        if (unit.isPresent() && year.isPresent()) {
            drafts.add(Assessment.class, new Assessment(unit.get(), year.get(), Set.copyOf(kinds)), f.at());
        }
    }

    void evaluation(Fields f) {
        f.allowOnly(FactsFormat.names("evaluation"));
        Optional<String> id = declare(f, "evaluation");
        Optional<String> person = f.ref("person", true);
        Optional<String> unit = f.ref("unit", true);
        Optional<Integer> year = f.year("year", true);
        Optional<Map<EvaluationPart, BigDecimal>> weights = parts(f, "weights", BigDecimal.valueOf(100));
        Optional<Map<EvaluationPart, BigDecimal>> scores = parts(f, "scores", BigDecimal.valueOf(100));
        Optional<BigDecimal> total = f.number("total", true);
        Term by = new Term("ref.evaluation", id.orElse("?"));
        person.ifPresent(p -> drafts.refPerson(f.at("person"), p, by));
        unit.ifPresent(u -> drafts.refUnit(f.at("unit"), u, LEAGUE, by));
        if (id.isPresent() && person.isPresent() && unit.isPresent() && year.isPresent() && weights.isPresent()
                && scores.isPresent() && total.isPresent()) {
            drafts.add(Evaluation.class, new Evaluation(id.get(), person.get(), unit.get(), year.get(), weights.get(),
                    scores.get(), total.get()), f.at());
        }
    }

    /** A mapping of the four evaluation parts to numbers from 0 to {@code max}, all four given. */
    private Optional<Map<EvaluationPart, BigDecimal>> parts(Fields owner, String key, BigDecimal max) {
        Optional<Fields> map = owner.node(key, true)
                .flatMap(n -> Fields.of(n, new Term("kind.field_of", key, owner.what()), shown, problems));
        if (map.isEmpty()) {
            return Optional.empty();
        }
        Fields f = map.get();
        List<String> names = new ArrayList<>();
        for (EvaluationPart p : EvaluationPart.values()) {
            names.add(p.yaml());
        }
        f.acceptKeys(xuncha.yaml.Spellings.partKeys());
        f.allowOnly(names);
        Map<EvaluationPart, BigDecimal> values = new EnumMap<>(EvaluationPart.class);
        for (EvaluationPart p : EvaluationPart.values()) {
            f.amount(p.yaml(), true).ifPresent(v -> {
                if (v.compareTo(max) > 0) {
                    problems.say(f.at(p.yaml()), "evaluation.part_too_large", p.yaml(), f.what(), max, v.toPlainString());
                } else {
                    values.put(p, v);
                }
            });
        }
        return values.size() == EvaluationPart.values().length
                ? Optional.of(java.util.Collections.unmodifiableMap(values)) : Optional.empty();
    }

    void admission(Fields f) {
        f.allowOnly(FactsFormat.names("admission"));
        Optional<String> id = declare(f, "admission");
        Optional<String> person = f.ref("person", true);
        Optional<String> unit = f.ref("unit", true);
        Optional<LocalDate> date = f.date("date", true);
        boolean recommended = f.flag("recommended_by_league");
        Term by = new Term("ref.admission", id.orElse("?"));
        person.ifPresent(p -> drafts.refPerson(f.at("person"), p, by));
        unit.ifPresent(u -> drafts.refUnit(f.at("unit"), u, PARTY, by));
        if (id.isPresent() && person.isPresent() && unit.isPresent() && date.isPresent()) {
            drafts.add(Admission.class, new Admission(id.get(), person.get(), unit.get(), date.get(), recommended),
                    f.at());
        }
    }

    void inspection(Fields f) {
        f.allowOnly(FactsFormat.names("inspection"));
        String name = f.string("name", true).orElse("");
        Optional<String> id = declare(f, "inspection", name);
        Optional<String> unit = f.ref("unit", true);
        Optional<LocalDate> start = f.date("start", true);
        Optional<LocalDate> end = f.date("end", true);
        if (start.isPresent() && end.isPresent() && end.get().isBefore(start.get())) {
            problems.say(f.at("end"), "inspection.ends_before_start", id.orElse("?"), end.get(), start.get());
        }
        boolean covers = f.flag("covers_league_work");
        Term by = new Term("ref.inspection", id.orElse("?"));
        unit.ifPresent(u -> drafts.refUnit(f.at("unit"), u, COUNTY, by));
        List<String> targets = new ArrayList<>();
        for (Node n : f.list("targets", true)) {
            f.ref(n, "target").ifPresent(t -> {
                targets.add(t);
                drafts.refUnit(f.at(n), t, ANY_UNIT, new Term("ref.targets_of", by));
            });
        }
        if (id.isEmpty()) {
            return;
        }
        each(f.list("problems", false), new Term("kind.problem_of", id.get()), p -> problem(p, id.get()));
        if (unit.isPresent() && start.isPresent() && end.isPresent()) {
            drafts.add(Inspection.class, new Inspection(id.get(), unit.get(), name, start.get(), end.get(), covers,
                    List.copyOf(targets)), f.at());
        }
    }

    private void problem(Fields f, String inspection) {
        f.allowOnly(FactsFormat.names("problem"));
        Optional<String> id = declare(f, "problem");
        Optional<String> unit = f.ref("unit", true);
        String summary = f.string("summary", true).orElse("");
        Optional<LocalDate> fedBack = f.date("fed_back", true);
        LocalDate rectified = f.date("rectified", false).orElse(null);
        if (fedBack.isPresent() && rectified != null && rectified.isBefore(fedBack.get())) {
            problems.say(f.at("rectified"), "problem.rectified_before_fed_back", id.orElse("?"), rectified,
                    fedBack.get());
        }
        unit.ifPresent(u -> drafts.refUnit(f.at("unit"), u, ANY_UNIT, new Term("ref.problem", id.orElse("?"))));
        if (id.isPresent() && unit.isPresent() && fedBack.isPresent()) {
            drafts.add(Problem.class, new Problem(id.get(), inspection, unit.get(), summary, fedBack.get(), rectified),
                    f.at());
        }
    }

    /** Reads and declares the record's id. */
    private Optional<String> declare(Fields f, String kind) {
        return declare(f, kind, "");
    }

    private Optional<String> declare(Fields f, String kind, String name) {
        Optional<String> id = f.id("id", true);
        id.ifPresent(i -> drafts.declare(i, kind, null, name, f.at("id")));
        return id;
    }

    /** A person or unit as messages show it: its name with its id beside it, {@code 张三（p06）}; the id alone when it has no name. */
    static Object named(String name, String id) {
        return name.isBlank() ? id : new Term("named", name, id);
    }
}
