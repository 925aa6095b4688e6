package xuncha.facts;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Everything one run checks, merged from all files and validated.
 *
 * @param origins where each id'd record is written, by id
 */
public record FactBase(
        Period period,
        List<Unit> units,
        List<Person> people,
        List<Role> roles,
        List<Meeting> meetings,
        List<Budget> budgets,
        List<Assessment> assessments,
        List<Evaluation> evaluations,
        List<Admission> admissions,
        List<Inspection> inspections,
        List<Problem> problems,
        Map<String, Location> origins) {

    /** Every fact, in a fixed order, for insertion into a rule session. */
    public Stream<Object> facts() {
        return Stream.of(Stream.of(period), units.stream(), people.stream(), roles.stream(), meetings.stream(),
                        budgets.stream(), assessments.stream(), evaluations.stream(), admissions.stream(),
                        inspections.stream(), problems.stream())
                .flatMap(s -> s);
    }
}
