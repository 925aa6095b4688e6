package xuncha.check;

import xuncha.facts.FactBase;
import xuncha.facts.Person;
import xuncha.facts.Unit;
import xuncha.problems.Suggest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The unit and person ids that {@code --unit} and {@code --waivers} name, looked up part by part
 * when the facts are checked one county folder at a time. What each part keeps is small: which of
 * those ids it holds, the units in the {@code --unit} scope, and for each id it lacks its nearest
 * id, so that a misspelt one gets the suggestion a whole load would give.
 */
final class Named {
    private final List<String> roots;
    private final Set<String> units;
    private final Set<String> people;
    private final Map<Integer, Seen> parts = new TreeMap<>();

    private record Seen(Set<String> units, Set<String> people, List<String> unitHints, List<String> personHints,
                        Set<String> scoped) {
    }

    Named(List<String> roots, Collection<String> units, Collection<String> people) {
        this.roots = List.copyOf(roots);
        this.units = new LinkedHashSet<>(roots);
        this.units.addAll(units);
        this.people = new LinkedHashSet<>(people);
    }

    /** Looks the named ids up in one part of the facts. */
    void see(int key, FactBase facts) {
        if (units.isEmpty() && people.isEmpty()) {
            return;
        }
        Set<String> unitIds = new HashSet<>();
        facts.units().forEach(u -> unitIds.add(u.id()));
        Set<String> personIds = new HashSet<>();
        facts.people().forEach(p -> personIds.add(p.id()));
        Seen seen = new Seen(found(units, unitIds), found(people, personIds),
                hints(units, facts.units().stream().map(Unit::id).toList(), unitIds),
                hints(people, facts.people().stream().map(Person::id).toList(), personIds),
                roots.isEmpty() ? Set.of() : Scope.under(roots, facts));
        synchronized (parts) {
            parts.put(key, seen);
        }
    }

    void forget(int key) {
        synchronized (parts) {
            parts.remove(key);
        }
    }

    private static Set<String> found(Set<String> named, Set<String> ids) {
        Set<String> out = new HashSet<>();
        named.stream().filter(ids::contains).forEach(out::add);
        return out;
    }

    /** For each named id this part lacks, its nearest id here, if near enough to suggest. */
    private static List<String> hints(Set<String> named, List<String> inOrder, Set<String> ids) {
        List<String> out = new ArrayList<>();
        for (String id : named) {
            if (!ids.contains(id)) {
                Suggest.closest(id, inOrder).ifPresent(out::add);
            }
        }
        return out;
    }

    /** The unit ids to check waivers and {@code --unit} against: the named ones found, and the nearest to the others. */
    Collection<String> knownUnits() {
        return known(Seen::units, Seen::unitHints);
    }

    Collection<String> knownPeople() {
        return known(Seen::people, Seen::personHints);
    }

    private Collection<String> known(java.util.function.Function<Seen, Set<String>> found,
                                     java.util.function.Function<Seen, List<String>> hints) {
        Set<String> out = new LinkedHashSet<>();
        synchronized (parts) {
            parts.values().forEach(s -> out.addAll(found.apply(s)));
            parts.values().forEach(s -> out.addAll(hints.apply(s)));
        }
        return out;
    }

    /** The units named by {@code --unit} and every unit under them; an id no part holds is a usage error. */
    Set<String> scope() {
        Collection<String> known = knownUnits();
        Set<String> found = new HashSet<>();
        synchronized (parts) {
            parts.values().forEach(s -> found.addAll(s.units()));
        }
        for (String root : roots) {
            if (!found.contains(root)) {
                throw new RequestException("request.no_unit", root, Suggest.term(root, known));
            }
        }
        Set<String> out = new LinkedHashSet<>();
        synchronized (parts) {
            parts.values().forEach(s -> out.addAll(s.scoped()));
        }
        return out;
    }
}
