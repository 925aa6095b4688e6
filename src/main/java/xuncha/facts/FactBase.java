package xuncha.facts;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Everything one run checks, merged from all files and validated: the period, the units, the
 * people, and the records kept at the units (roles, meetings, budgets …) by their type, in the
 * order of the facts format.
 *
 * @param records the records of each kind, by record type, in the order they are inserted into a session
 * @param origins where each id'd record is written, by id
 */
public record FactBase(Period period, List<Unit> units, List<Person> people, Map<Class<?>, List<? extends Kept>> records,
                       Map<String, Location> origins) {

    public FactBase {
        Map<Class<?>, List<? extends Kept>> copy = new LinkedHashMap<>();
        records.forEach((type, list) -> copy.put(type, List.copyOf(list)));
        records = Collections.unmodifiableMap(copy);
    }

    /** The records of one kind; none when the facts hold none. */
    @SuppressWarnings("unchecked")
    public <T extends Kept> List<T> of(Class<T> type) {
        return (List<T>) records.getOrDefault(type, List.of());
    }

    public List<Role> roles() {
        return of(Role.class);
    }

    public List<Meeting> meetings() {
        return of(Meeting.class);
    }

    public List<Budget> budgets() {
        return of(Budget.class);
    }

    public List<Assessment> assessments() {
        return of(Assessment.class);
    }

    public List<Evaluation> evaluations() {
        return of(Evaluation.class);
    }

    public List<Admission> admissions() {
        return of(Admission.class);
    }

    public List<Inspection> inspections() {
        return of(Inspection.class);
    }

    public List<Problem> problems() {
        return of(Problem.class);
    }

    /** The same facts described on another day (rule test cases set the period). */
    public FactBase withPeriod(Period p) {
        return new FactBase(p, units, people, records, origins);
    }

    /** Every fact, in a fixed order, for insertion into a rule session. */
    public Stream<Object> facts() {
        return Stream.concat(Stream.concat(Stream.of(period), Stream.concat(units.stream(), people.stream())),
                records.values().stream().flatMap(List::stream));
    }
}
