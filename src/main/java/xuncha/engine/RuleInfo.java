package xuncha.engine;

import xuncha.facts.Location;
import xuncha.facts.UnitType;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One finding rule of the pack, as its metadata describes it.
 *
 * @param level the level {@code @level} declares
 * @param texts the titles and message templates by key: {@code title_zh}, {@code zh}, {@code en_no_budget}, …
 * @param checks the unit types the rule examines ({@code @checks}); empty when it examines every unit
 * @param deadline how its findings' deadlines are computed ({@code @deadline}, else the level's default)
 */
public record RuleInfo(String id, String name, xuncha.findings.RuleLevel level, List<String> thresholds, String cites,
                       Map<String, String> texts, Location at, List<UnitType> checks,
                       xuncha.findings.Deadline deadline) {

    /** The rule's group: {@code COVER} for {@code COVER-03}. */
    public String group() {
        return groupOf(id);
    }

    /** The group of a rule id: what comes before its number. */
    public static String groupOf(String id) {
        int dash = id.lastIndexOf('-');
        return dash > 0 ? id.substring(0, dash) : id;
    }

    /** Whether the rule examines units of this type. */
    public boolean checks(UnitType type) {
        return checks.isEmpty() || checks.contains(type);
    }

    public String title(String lang) {
        return texts.getOrDefault("title_" + lang, id);
    }

    /** The message template for a variant ("" for the main message) in a language. */
    public Optional<String> message(String lang, String variant) {
        return Optional.ofNullable(texts.get(variant.isEmpty() ? lang : lang + "_" + variant));
    }
}
