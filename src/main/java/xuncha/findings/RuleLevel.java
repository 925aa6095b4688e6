package xuncha.findings;

import xuncha.facts.Period;

import java.util.Arrays;
import java.util.Optional;

/**
 * The level a rule declares ({@code @level}): a finding of a {@code pro-rated} rule counts events
 * "so far", so it is a warning until the year is over (rules.md, "Frequency levels").
 */
public enum RuleLevel {
    VIOLATION("violation"),
    WARNING("warning"),
    PRO_RATED("pro-rated");

    private final String yaml;

    RuleLevel(String yaml) {
        this.yaml = yaml;
    }

    /** As {@code @level} writes it. */
    public String yaml() {
        return yaml;
    }

    /** The level {@code @level("text")} declares, if it is one. */
    public static Optional<RuleLevel> of(String text) {
        return Arrays.stream(values()).filter(l -> l.yaml.equals(text)).findFirst();
    }

    /** The level of a finding this period. */
    public Level in(Period period) {
        return switch (this) {
            case VIOLATION -> Level.VIOLATION;
            case WARNING -> Level.WARNING;
            case PRO_RATED -> period.closed() ? Level.VIOLATION : Level.WARNING;
        };
    }

    @Override
    public String toString() {
        return yaml;
    }
}
