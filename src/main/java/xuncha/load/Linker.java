package xuncha.load;

import xuncha.problems.Diagnostics;
import xuncha.problems.Messages;
import xuncha.problems.Suggest;
import xuncha.yaml.Fields;

import xuncha.facts.FactBase;
import xuncha.facts.Kept;
import xuncha.facts.Assessment;
import xuncha.facts.Budget;
import xuncha.facts.Inspection;
import xuncha.facts.Location;
import xuncha.facts.Period;
import xuncha.facts.Problem;
import xuncha.facts.Role;
import xuncha.facts.RoleKind;
import xuncha.facts.Unit;
import xuncha.facts.UnitType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks what spans records and files (unique ids, references, parent chains, the year) and builds
 * the fact base, each unit with its county.
 */
final class Linker {
    private final Drafts drafts;
    private final Diagnostics problems;
    private final String firstFile;
    private final Map<String, Drafts.Declared> byId = new HashMap<>();
    private final Map<String, Unit> units = new LinkedHashMap<>();
    private final Map<String, String> countyOf = new HashMap<>();
    /** Ids declared more than once: never proposed as what a reference meant. */
    private final Set<String> duplicated = new java.util.HashSet<>();
    /** The declared records by name, built when a reference is written as something other than an id. */
    private Map<String, List<Integer>> byName;

    Linker(Drafts drafts, Diagnostics problems, String firstFile) {
        this.drafts = drafts;
        this.problems = problems;
        this.firstFile = firstFile;
        for (int i = 0; i < drafts.ids.size(); i++) {
            String id = drafts.ids.get(i).value();
            Drafts.Declared here = drafts.declared.get(i);
            Drafts.Declared first = byId.putIfAbsent(id, here);
            if (first != null) {
                duplicated.add(id);
                problems.say(here.at(), "link.duplicate_id", id, kind(first.kind()), first.at());
            }
        }
        drafts.units.forEach(u -> units.putIfAbsent(u.value().id(), u.value()));
        units.values().forEach(u -> countyOf(u.id()));
    }

    /** @param allRead false when some file could not be parsed: what it would define is then not missing */
    void check(boolean allRead) {
        if (allRead) {
            period();
        }
        drafts.refs.stream().filter(r -> allRead || byId.containsKey(r.id()) || !Fields.isId(r.id()))
                .forEach(this::resolve);
        oneLeagueCommitteePerCounty();
        gridsInTheirCounty();
        problemsAtTargets();
        oneRecordPerUnitAndYear(drafts.of(Budget.class).stream().map(b -> new Keyed(b.value().unit(), b.value().year(),
                b.at())).toList(), "budget");
        oneRecordPerUnitAndYear(drafts.of(Assessment.class).stream().map(a -> new Keyed(a.value().unit(), a.value().year(),
                a.at())).toList(), "assessment");
    }

    FactBase build() {
        Period period = new Period(drafts.years.get(0).value(), drafts.asOfs.get(0).value());
        List<Unit> linked = units.values().stream().map(u -> withCounty(u, countyOf.get(u.id()))).toList();
        // Hashed once: kept as it is made (an immutable copy would hash every id again).
        Map<String, Location> origins = new java.util.HashMap<>(drafts.ids.size() * 4 / 3 + 16);
        for (int i = 0; i < drafts.ids.size(); i++) {
            origins.putIfAbsent(drafts.ids.get(i).value(), drafts.ids.get(i).at());
        }
        // Budgets and assessments have no id of their own; findings name them by unit and year.
        drafts.of(Budget.class).forEach(b -> origins.putIfAbsent(b.value().ref(), b.at()));
        drafts.of(Assessment.class).forEach(a -> origins.putIfAbsent(a.value().ref(), a.at()));
        Map<Class<?>, List<? extends Kept>> records = new LinkedHashMap<>();
        drafts.records.forEach((type, located) -> records.put(type, values(located)));
        return new FactBase(period, linked, List.copyOf(drafts.people), records,
                java.util.Collections.unmodifiableMap(origins));
    }

    private static <T> List<T> values(List<? extends Drafts.Located<? extends T>> located) {
        return located.stream().<T>map(Drafts.Located::value).toList();
    }

    private static Unit withCounty(Unit u, String county) {
        return new Unit(u.id(), u.name(), u.type(), u.parent(), county, u.venue(), u.annualFunds(), u.level(),
                u.youngPioneers(), u.youngPioneerCommittee(), u.industry(), u.key(), u.nonPublic(),
                u.youngEmployees(), u.youngMembers());
    }

    private void period() {
        Location first = Location.ofFile(firstFile);
        if (!drafts.yearWritten) {
            problems.say(first, "link.no_year");
        }
        if (!drafts.asOfWritten) {
            problems.say(first, "link.no_as_of");
        }
        for (Drafts.Stamp y : drafts.years) {
            Drafts.Stamp y0 = drafts.years.get(0);
            if (y.value() != y0.value()) {
                problems.say(y.at(), "link.year_disagrees", y.value(), y0.value(), y0.at());
            }
        }
        for (Drafts.DateStamp d : drafts.asOfs) {
            Drafts.DateStamp d0 = drafts.asOfs.get(0);
            if (!d.value().equals(d0.value())) {
                problems.say(d.at(), "link.as_of_disagrees", d.value(), d0.value(), d0.at());
            }
        }
        if (!drafts.years.isEmpty() && !drafts.asOfs.isEmpty()
                && drafts.asOfs.get(0).value().getYear() < drafts.years.get(0).value()) {
            problems.say(drafts.asOfs.get(0).at(), "link.as_of_before_year", drafts.asOfs.get(0).value(),
                    drafts.years.get(0).value());
        }
    }

    private void resolve(Drafts.Ref ref) {
        if (!Fields.isId(ref.id())) {
            notAnId(ref);
            return;
        }
        Drafts.Declared target = byId.get(ref.id());
        String wanted = ref.wanted();
        if (target == null) {
            problems.say(ref.at(), "link.not_found", kind(wanted), ref.id(), ref.by(), suggestion(ref));
        } else if (!target.kind().equals(wanted)) {
            problems.say(ref.at(), "link.wrong_kind", ref.id(), kind(target.kind()), kind(wanted), ref.by(),
                    suggestion(ref));
        } else if (ref.unitTypes() != null && target.unitType() != null
                && !ref.unitTypes().contains(target.unitType())) {
            problems.say(ref.at(), "link.wrong_unit_type", RecordReader.named(target.name(), ref.id()),
                    new Messages.Label(target.unitType()), ref.by(),
                    new Messages.Joined("list.or", ref.unitTypes().stream().map(Messages.Label::new).toList()));
        }
    }

    /**
     * A reference written as something that is not an id: most often the unit's or person's name,
     * which is then named with its id; else the rules for ids, and the name it may have meant.
     */
    private void notAnId(Drafts.Ref ref) {
        List<Integer> named = names().getOrDefault(ref.id().strip(), List.of()).stream()
                .filter(i -> fits(ref, drafts.declared.get(i))).toList();
        if (named.size() == 1) {
            String id = drafts.ids.get(named.get(0)).value();
            problems.say(ref.at(), "link.name_not_id", ref.id(), kind(ref.wanted()), id, ref.by());
        } else if (named.size() > 1) {
            problems.say(ref.at(), "link.name_of_several", ref.id(), kind(ref.wanted()),
                    new Messages.Joined("list.comma", named.stream().map(i -> drafts.ids.get(i).value()).toList()),
                    ref.by());
        } else {
            Map<String, String> idByName = new LinkedHashMap<>();
            candidates(ref).forEach((id, d) -> {
                if (!d.name().isBlank()) {
                    idByName.putIfAbsent(d.name(), id);
                }
            });
            Messages.Term hint = Suggest.closest(ref.id(), idByName.keySet())
                    .map(name -> new Messages.Term("suggest.name_of", name, idByName.get(name)))
                    .orElse(new Messages.Term("suggest.none"));
            problems.say(ref.at(), "link.bad_id", ref.id(), ref.by(), hint);
        }
    }

    private Map<String, List<Integer>> names() {
        if (byName == null) {
            byName = new HashMap<>();
            for (int i = 0; i < drafts.declared.size(); i++) {
                String name = drafts.declared.get(i).name();
                if (!name.isBlank()) {
                    byName.computeIfAbsent(name.strip(), n -> new ArrayList<>()).add(i);
                }
            }
        }
        return byName;
    }

    /**
     * "Did you mean" for an id not found: the closest id of the kind (and unit type) the reference
     * needs, never one declared twice (that would attach the record to a person it may not be
     * about), shown with its name so the user sees whom it names.
     */
    private Messages.Term suggestion(Drafts.Ref ref) {
        Map<String, Drafts.Declared> candidates = candidates(ref);
        // Of ids equally close, the one written nearest the reference (same file, then same folder):
        // the county's own unit rather than another county's.
        java.util.Comparator<String> nearest = java.util.Comparator.comparingInt(
                id -> -sharedPrefix(candidates.get(id).at().file(), ref.at().file()));
        return Suggest.closest(ref.id(), candidates.keySet(), nearest)
                .map(id -> candidates.get(id).name().isBlank() ? new Messages.Term("suggest.did_you_mean", id)
                        : new Messages.Term("suggest.did_you_mean_named", id, candidates.get(id).name()))
                .orElse(new Messages.Term("suggest.none"));
    }

    /** What a reference may have meant: the records of the kind it needs, by id, never an id declared twice. */
    private Map<String, Drafts.Declared> candidates(Drafts.Ref ref) {
        Map<String, Drafts.Declared> out = new LinkedHashMap<>();
        for (int i = 0; i < drafts.ids.size(); i++) {
            Drafts.Declared d = drafts.declared.get(i);
            String id = drafts.ids.get(i).value();
            if (fits(ref, d) && !duplicated.contains(id)) {
                out.put(id, d);
            }
        }
        return out;
    }

    private static int sharedPrefix(String a, String b) {
        int n = Math.min(a.length(), b.length());
        int i = 0;
        while (i < n && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i == a.length() && i == b.length() ? Integer.MAX_VALUE : a.lastIndexOf('/', Math.max(i - 1, 0)) + 1;
    }

    /** Whether a declared record is of the kind (and unit type) a reference needs. */
    private static boolean fits(Drafts.Ref ref, Drafts.Declared d) {
        return ref.unitTypes() == null ? d.kind().equals("person")
                : d.kind().equals("unit") && (d.unitType() == null || ref.unitTypes().contains(d.unitType()));
    }

    /** The county of a unit by its parent chain; null (and a problem, once) when the chain is broken. */
    private String countyOf(String id) {
        if (countyOf.containsKey(id)) {
            return countyOf.get(id);
        }
        Set<String> chain = new LinkedHashSet<>();
        String at = id;
        while (at != null && units.containsKey(at) && chain.add(at)) {
            Unit u = units.get(at);
            if (u.type() == UnitType.COUNTY_PARTY_COMMITTEE) {
                break;
            }
            at = u.parent().isEmpty() ? null : u.parent();
        }
        String county = at != null && units.containsKey(at) && units.get(at).type() == UnitType.COUNTY_PARTY_COMMITTEE
                ? at : null;
        if (at != null && chain.contains(at) && units.get(at).type() != UnitType.COUNTY_PARTY_COMMITTEE) {
            List<String> path = new ArrayList<>(chain);
            path.add(at);
            problems.say(unitAt(id), "link.parent_loop", id, String.join(" → ", path));
        }
        for (String member : chain) {
            countyOf.putIfAbsent(member, county);
        }
        countyOf.put(id, county);
        return county;
    }

    private Location unitAt(String id) {
        Drafts.Declared d = byId.get(id);
        return d == null ? Location.ofFile(firstFile) : d.at();
    }

    private void oneLeagueCommitteePerCounty() {
        Map<String, Unit> first = new HashMap<>();
        for (Unit u : units.values()) {
            String county = countyOf.get(u.id());
            if (u.type() != UnitType.COUNTY_LEAGUE_COMMITTEE || county == null) {
                continue;
            }
            Unit before = first.putIfAbsent(county, u);
            if (before != null) {
                problems.say(unitAt(u.id()), "link.second_league_committee", county, before.id(), unitAt(before.id()));
            }
        }
    }

    private void gridsInTheirCounty() {
        for (Drafts.Located<Role> located : drafts.of(Role.class)) {
            Role r = located.value();
            if (r.role() != RoleKind.YOUTH_WORK_COMMITTEE_MEMBER || r.grid().isEmpty()) {
                continue;
            }
            String roleCounty = countyOf.get(r.unit());
            String gridCounty = countyOf.get(r.grid());
            if (roleCounty != null && gridCounty != null && !roleCounty.equals(gridCounty)) {
                problems.say(located.at(), "link.grid_county", r.grid(), r.person(), gridCounty, roleCounty);
            }
        }
    }

    private void problemsAtTargets() {
        Map<String, Inspection> inspections = new HashMap<>();
        drafts.of(Inspection.class).forEach(i -> inspections.put(i.value().id(), i.value()));
        for (Drafts.Located<Problem> located : drafts.of(Problem.class)) {
            Problem p = located.value();
            Inspection i = inspections.get(p.inspection());
            if (i != null && !i.targets().contains(p.unit())) {
                problems.say(located.at(), "link.problem_not_target", p.id(), p.unit(), i.id(), String.join(", ", i.targets()));
            }
        }
    }

    private record Keyed(String unit, int year, Location at) {
    }

    private void oneRecordPerUnitAndYear(List<Keyed> records, String kind) {
        Map<String, Keyed> first = new HashMap<>();
        for (Keyed k : records) {
            Keyed before = first.putIfAbsent(k.unit() + "/" + k.year(), k);
            if (before != null) {
                problems.say(k.at(), "link.second_per_year", kind(kind), k.unit(), k.year(), before.at());
            }
        }
    }

    /** A record kind as messages name it, in the user's language: {@code unit} → 单位. */
    private static Messages.Term kind(String kind) {
        return new Messages.Term("kind." + kind);
    }
}
