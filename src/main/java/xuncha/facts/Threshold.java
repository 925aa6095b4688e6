package xuncha.facts;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A number from the rules folder's {@code thresholds.yaml}, inserted as a fact so that rules read it
 * by name: {@code Threshold(name == "township_league_reports_per_year", $min : value)}.
 *
 * @param value the number; zero for a mapping threshold
 * @param parts a mapping threshold's values by key (e.g. {@code evaluation_weights}); empty for a number
 */
public record Threshold(String name, BigDecimal value, Map<String, BigDecimal> parts) {

    public boolean isMapping() {
        return !parts.isEmpty();
    }
}
