package xuncha.facts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Splits a fact base by county: a county party committee, every unit under it, the records kept
 * there (of every kind, by their unit) and the people they name. Every rule judges within one
 * county, so the counties can be checked apart (each with its own local thresholds, in parallel).
 */
public final class Partitions {
    private Partitions() {
    }

    /** One fact base per county, by county id, in id order. */
    public static Map<String, FactBase> byCounty(FactBase all) {
        Map<String, String> countyOf = new HashMap<>();
        all.units().forEach(u -> countyOf.put(u.id(), u.county()));
        Map<String, Builder> parts = new TreeMap<>();
        Function<String, Builder> part = unit -> parts.computeIfAbsent(countyOf.get(unit), c -> new Builder(all));
        all.units().forEach(u -> part.apply(u.id()).units.add(u));
        all.records().forEach((type, records) -> records.forEach(r -> part.apply(r.unit()).add(type, r)));
        Map<String, Person> people = new HashMap<>();
        all.people().forEach(p -> people.put(p.id(), p));
        Map<String, FactBase> out = new TreeMap<>();
        parts.forEach((county, b) -> out.put(county, b.build(all, people)));
        return out;
    }

    private static final class Builder {
        final List<Unit> units = new ArrayList<>();
        final Map<Class<?>, List<Kept>> records = new LinkedHashMap<>();

        /** Every kind the whole fact base has, in its order, so that each part inserts its facts in the same order. */
        Builder(FactBase all) {
            all.records().keySet().forEach(type -> records.put(type, new ArrayList<>()));
        }

        void add(Class<?> type, Kept record) {
            records.get(type).add(record);
        }

        FactBase build(FactBase all, Map<String, Person> byId) {
            Set<String> named = new TreeSet<>();
            records.values().forEach(list -> list.forEach(r -> named.addAll(r.named())));
            List<Person> people = named.stream().map(byId::get).filter(Objects::nonNull).toList();
            Map<Class<?>, List<? extends Kept>> kept = new LinkedHashMap<>(records);
            return new FactBase(all.period(), units, people, kept, all.origins());
        }
    }
}
