package xuncha.facts;

import java.time.LocalDate;

/**
 * An accepted exception, approved and dated: the findings of {@code rule} at {@code unit} (for
 * {@code person} only, when given) are waived until {@code expires}.
 *
 * @param person "" when the waiver covers every person's finding of that rule at that unit
 */
public record Waiver(String rule, String unit, String person, String reason, String approvedBy, LocalDate approvedOn,
                     LocalDate expires, Location at) {

    public boolean covers(String findingRule, String findingUnit, String findingPerson) {
        return rule.equals(findingRule) && unit.equals(findingUnit) && (person.isEmpty() || person.equals(findingPerson));
    }
}
