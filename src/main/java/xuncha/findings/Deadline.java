package xuncha.findings;

import xuncha.facts.Period;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Arrays;
import java.util.Optional;

/**
 * How a rule's findings are given their deadline ({@code @deadline}): the day by which the unit is
 * to have rectified the problem. A rule says which; the report computes the day.
 */
public enum Deadline {
    /**
     * The rectification period from the day the finding is first seen: that day + the county's
     * {@code rectification_days}. What every rule has unless it says otherwise.
     */
    RECTIFICATION("rectification"),
    /**
     * A count for the year that is short so far: 31 December of the year while the year is open (it
     * can still be met), else the rectification period. What a pro-rated rule has unless it says otherwise.
     */
    YEAR_END("year_end"),
    /**
     * The day the finding itself gives as its value {@code deadline} (INSPECT-02: the problem's own
     * feed-back day + the period, already past); the rectification period when it gives none.
     */
    FINDING("finding");

    /** The name of the finding's value that {@link #FINDING} reads. */
    public static final String VALUE = "deadline";

    private final String yaml;

    Deadline(String yaml) {
        this.yaml = yaml;
    }

    /** As {@code @deadline} writes it. */
    public String yaml() {
        return yaml;
    }

    /** The kind {@code @deadline("text")} names, if it is one. */
    public static Optional<Deadline> of(String text) {
        return Arrays.stream(values()).filter(d -> d.yaml.equals(text)).findFirst();
    }

    /** What a rule of this level has when it writes no {@code @deadline}. */
    public static Deadline byDefault(RuleLevel level) {
        return level == RuleLevel.PRO_RATED ? YEAR_END : RECTIFICATION;
    }

    /**
     * How the deadline is computed this period: this kind, or the rectification period where it
     * falls back to that (a year already over, a finding that gives no day).
     */
    public Deadline effective(Period period, Optional<LocalDate> given) {
        return switch (this) {
            case YEAR_END -> period.closed() ? RECTIFICATION : YEAR_END;
            case FINDING -> given.isPresent() ? FINDING : RECTIFICATION;
            default -> this;
        };
    }

    /**
     * The deadline of a finding.
     *
     * @param firstSeen the as-of day of the round that first found it
     * @param period    the year and as-of day of this round
     * @param days      the rectification period at the finding's unit, if the pack has one
     * @param given     the day the finding gives as {@link #VALUE}, if any
     */
    public Optional<LocalDate> due(LocalDate firstSeen, Period period, Optional<BigDecimal> days,
                                   Optional<LocalDate> given) {
        Optional<LocalDate> afterPeriod = days.map(d -> firstSeen.plusDays(d.longValue()));
        return switch (this) {
            case RECTIFICATION -> afterPeriod;
            case YEAR_END -> period.closed() ? afterPeriod : Optional.of(MonthDay.of(12, 31).atYear(period.year()));
            case FINDING -> given.isPresent() ? given : afterPeriod;
        };
    }

    @Override
    public String toString() {
        return yaml;
    }
}
