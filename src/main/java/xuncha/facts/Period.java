package xuncha.facts;

import java.time.LocalDate;
import java.time.MonthDay;

/**
 * The assessment year and the day the facts describe. It defines, once for every rule, which dated
 * events count for the year and whether the year is over (rules.md, "Counting", "Frequency levels").
 */
public record Period(int year, LocalDate asOf) {

    /** True when {@code day} is in the year and not after {@code asOf}. */
    public boolean counts(LocalDate day) {
        return day.getYear() == year && !day.isAfter(asOf);
    }

    /** True from 31 December of the year on: frequency shortfalls are then violations. */
    public boolean closed() {
        return !asOf.isBefore(MonthDay.of(12, 31).atYear(year));
    }
}
