package xuncha.findings;

import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.RuleContext;
import xuncha.facts.Period;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a rule's consequence calls to raise a finding:
 * {@code finding(drools, $unit.id(), $person, "variant", "actual", $n, "expected", $min)}.
 * The rule's id and level come from its metadata ({@code @id}, {@code @level}), so a consequence
 * states only what it found.
 */
public final class Emit {
    /** The session global that holds the {@link Period}: pro-rated levels depend on it. */
    public static final String PERIOD = "period";

    private Emit() {
    }

    /**
     * Inserts a {@link Finding} into the session.
     *
     * @param person the person's id, or null when the finding names none
     * @param variant the message variant ("" for the main message, else {@code @zh_<variant>})
     * @param keyValues names and values the message states, alternating
     */
    public static void finding(RuleContext drools, String unit, String person, String variant, Object... keyValues) {
        if (keyValues.length % 2 != 0) {
            throw new IllegalArgumentException("rule " + drools.getRule().getName()
                    + " gives a message value without a name");
        }
        Map<String, Object> args = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            args.put(String.valueOf(keyValues[i]), keyValues[i + 1]);
        }
        Rule rule = drools.getRule();
        Period period = (Period) drools.getKieRuntime().getGlobal(PERIOD);
        drools.getKieRuntime().insert(new Finding(String.valueOf(rule.getMetaData().get("id")),
                level(String.valueOf(rule.getMetaData().get("level")), period), unit,
                person == null ? "" : person, variant == null ? "" : variant, Collections.unmodifiableMap(args)));
    }

    /**
     * The level a rule's {@code @level} gives in this period: {@code pro-rated} rules count events
     * "so far", so a shortfall is a warning until the year is over (rules.md, "Frequency levels").
     */
    public static Level level(String declared, Period period) {
        return switch (declared) {
            case "violation" -> Level.VIOLATION;
            case "warning" -> Level.WARNING;
            case "pro-rated" -> period.closed() ? Level.VIOLATION : Level.WARNING;
            default -> throw new IllegalStateException("unknown level '" + declared + "'");
        };
    }
}
