package xuncha.load;

import xuncha.facts.Kept;
import xuncha.problems.Messages;
import xuncha.facts.Location;
import xuncha.facts.Person;
import xuncha.facts.Unit;
import xuncha.facts.UnitType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the files say, record by record with where each is written, before ids are linked. */
final class Drafts {
    record Located<T>(T value, Location at) {
    }

    /** An id'd record as declared: its kind for messages, for units their type, and its name ("" when it has none). */
    record Declared(String kind, UnitType unitType, String name, Location at) {
    }

    /**
     * A reference to check once every file is read.
     *
     * @param unitTypes the unit types it may name; null when it names a person
     * @param by what refers, for the message, said in the user's language: "role of person 'p-li'"
     */
    record Ref(Location at, String id, Set<UnitType> unitTypes, Messages.Term by) {
        /** What the reference names: {@code "person"} or {@code "unit"}. */
        String wanted() {
            return unitTypes == null ? "person" : "unit";
        }
    }

    record Stamp(int value, Location at) {
    }

    record DateStamp(LocalDate value, Location at) {
    }

    /** Whether some file writes the key at all, well formed or not. */
    boolean yearWritten;
    boolean asOfWritten;
    final List<Stamp> years = new ArrayList<>();
    final List<DateStamp> asOfs = new ArrayList<>();
    final List<Located<String>> ids = new ArrayList<>();
    final List<Declared> declared = new ArrayList<>();
    final List<Ref> refs = new ArrayList<>();

    final List<Located<Unit>> units = new ArrayList<>();
    final List<Person> people = new ArrayList<>();
    /** The records kept at units, by type, each with where it is written (in {@link RecordKinds} order). */
    final Map<Class<?>, List<Located<? extends Kept>>> records = new LinkedHashMap<>();

    Drafts() {
        RecordKinds.keptTypes().forEach(t -> records.put(t, new ArrayList<>()));
    }

    /** A record read, and where. */
    <T extends Kept> void add(Class<T> type, T record, Location at) {
        records.get(type).add(new Located<>(record, at));
    }

    /** The records of one kind read so far. */
    @SuppressWarnings("unchecked")
    <T extends Kept> List<Located<T>> of(Class<T> type) {
        return (List<Located<T>>) (List<?>) records.get(type);
    }

    /** Adds what another file said, after what this one holds: files merge in path order. */
    void addAll(Drafts o) {
        yearWritten |= o.yearWritten;
        asOfWritten |= o.asOfWritten;
        years.addAll(o.years);
        asOfs.addAll(o.asOfs);
        ids.addAll(o.ids);
        declared.addAll(o.declared);
        refs.addAll(o.refs);
        units.addAll(o.units);
        people.addAll(o.people);
        o.records.forEach((type, list) -> records.get(type).addAll(list));
    }

    void declare(String id, String kind, UnitType type, String name, Location at) {
        ids.add(new Located<>(id, at));
        declared.add(new Declared(kind, type, name, at));
    }

    void refUnit(Location at, String id, Set<UnitType> types, Messages.Term by) {
        refs.add(new Ref(at, id, types, by));
    }

    void refPerson(Location at, String id, Messages.Term by) {
        refs.add(new Ref(at, id, null, by));
    }
}
