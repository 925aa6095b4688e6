package xuncha.engine;

import java.time.Duration;

/**
 * What one rule session (one county) may do: rule firings, facts the rules insert, and wall-clock
 * time. {@link #DEFAULT} is far above what the shipped pack needs (at most 96 firings and 56 facts
 * inserted in any county of {@code gen --counties 12}; derived counts grow with a county's party
 * committees), and low enough that a rule inserting without end stops within a few hundred MB;
 * past a limit the run ends with exit 2 and a message naming the limit and the rule.
 */
public record SessionLimits(long firings, long inserted, Duration time) {
    public static final SessionLimits DEFAULT = new SessionLimits(1_000_000, 1_000_000, Duration.ofSeconds(60));
}
