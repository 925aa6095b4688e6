package xuncha.findings;

import java.util.Map;

/**
 * A problem a rule found: which rule, how serious, the unit accountable and, where the rule names
 * one, the person. {@code variant} picks the rule's message ("" for its main one) and {@code args}
 * are the values the message states: expected, actual, missing and the ids of the facts behind it.
 *
 * @param person the person's id, or "" when the finding names none
 */
public record Finding(String rule, Level level, String unit, String person, String variant, Map<String, Object> args) {

    public boolean hasPerson() {
        return !person.isEmpty();
    }
}
