package xuncha.findings;

import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.RuleContext;
import xuncha.facts.Period;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a rule's consequence calls to raise a finding:
 * {@code finding(drools, $unit.id(), $person, "variant", "actual", $n, "expected", $min)}.
 * The rule's id and level come from its metadata ({@code @id}, {@code @level}), so a consequence
 * states only what it found. The argument {@code "facts"} names the ids of the facts behind the
 * finding (one id or a list); the unit comes first and the person last in any case. The argument
 * {@code "subject"} names what the finding is about beyond its unit and person (a problem's id, an
 * industry, a role): with the rule, unit and person it makes the finding's fingerprint.
 */
public final class Emit {
    /** The session global that holds the {@link Period}: pro-rated levels depend on it. */
    public static final String PERIOD = "period";
    /** The argument name under which a consequence gives the ids of the facts behind a finding. */
    public static final String FACTS = "facts";
    /** The argument name under which a consequence names the subject of a finding beyond its unit and person. */
    public static final String SUBJECT = "subject";

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
        List<String> facts = new ArrayList<>(List.of(unit));
        String subject = "";
        for (int i = 0; i < keyValues.length; i += 2) {
            if (FACTS.equals(keyValues[i])) {
                addIds(facts, keyValues[i + 1]);
            } else if (SUBJECT.equals(keyValues[i])) {
                subject = String.valueOf(keyValues[i + 1] instanceof xuncha.facts.Labelled l ? l.yaml()
                        : keyValues[i + 1]);
            } else {
                args.put(String.valueOf(keyValues[i]), keyValues[i + 1]);
            }
        }
        if (person != null && !facts.contains(person)) {
            facts.add(person);
        }
        Rule rule = drools.getRule();
        Period period = (Period) drools.getKieRuntime().getGlobal(PERIOD);
        drools.getKieRuntime().insert(new Finding(String.valueOf(rule.getMetaData().get("id")),
                level(String.valueOf(rule.getMetaData().get("level")), period), unit,
                person == null ? "" : person, variant == null ? "" : variant, Collections.unmodifiableMap(args),
                List.copyOf(facts), subject));
    }

    private static void addIds(List<String> facts, Object ids) {
        if (ids instanceof Collection<?> c) {
            c.forEach(id -> addIds(facts, id));
        } else if (ids != null && !facts.contains(String.valueOf(ids))) {
            facts.add(String.valueOf(ids));
        }
    }

    /**
     * The level a rule's {@code @level} gives in this period: {@code pro-rated} rules count events
     * "so far", so a shortfall is a warning until the year is over (rules.md, "Frequency levels").
     */
    public static Level level(String declared, Period period) {
        return RuleLevel.of(declared).orElseThrow(() -> new IllegalStateException("unknown level '" + declared + "'"))
                .in(period);
    }
}
