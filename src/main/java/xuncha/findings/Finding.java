package xuncha.findings;

import java.util.List;
import java.util.Map;

/**
 * A problem a rule found: which rule, how serious, the unit accountable and, where the rule names
 * one, the person. {@code variant} picks the rule's message ("" for its main one) and {@code args}
 * are the values the message states (expected, actual, missing where they apply).
 *
 * @param person the person's id, or "" when the finding names none
 * @param facts the ids of the facts behind the finding: the evidence an inspector checks
 * @param subject what the finding is about beyond its unit and person (a problem's id, an industry, a role);
 *                "" when the unit is the subject. Stable across rounds: the fingerprint is made of it
 */
public record Finding(String rule, Level level, String unit, String person, String variant, Map<String, Object> args,
                      List<String> facts, String subject) {

    public boolean hasPerson() {
        return !person.isEmpty();
    }
}
