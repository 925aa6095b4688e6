package xuncha.report;

import xuncha.engine.ThresholdType;
import xuncha.facts.EvaluationPart;
import xuncha.facts.Share;
import xuncha.problems.Messages;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A threshold as a reader reads it: its name in the language ({@code league_building_min_share}:
 * 团建经费占党建经费的最低比例) and its value in its unit (10%, 60 天, 3.5 元, 35 周岁). A threshold the
 * pack adds that the bundles do not name keeps its name as written.
 */
final class ThresholdWords {
    private ThresholdWords() {
    }

    static String describe(String name, Object value, String lang) {
        boolean zh = "zh".equals(lang);
        String key = "threshold.name." + name;
        String shown = Messages.bundle(lang).containsKey(key) ? Messages.word(zh, key) : name;
        return Messages.word(zh, "threshold.shown", shown, value(ThresholdType.of(name), value, lang));
    }

    private static String value(ThresholdType type, Object value, String lang) {
        boolean zh = "zh".equals(lang);
        if (value instanceof Map<?, ?> parts) {
            return parts.entrySet().stream()
                    .map(e -> part(String.valueOf(e.getKey()), lang) + " " + value(type, e.getValue(), lang))
                    .collect(Collectors.joining(Messages.word(zh, "word.list")));
        }
        if (!(value instanceof BigDecimal number)) {
            return Texts.format(value, lang);
        }
        String plain = Texts.format(number, lang);
        return switch (type) {
            case SHARE -> Share.of(number).toString();
            case PERCENT -> plain + "%";
            case MONEY -> Messages.word(zh, "measure.yuan", plain);
            case DAYS -> Messages.word(zh, "measure.days", plain);
            case AGE -> Messages.word(zh, "measure.age", plain);
            default -> plain;
        };
    }

    /** A part of a mapping threshold: an evaluation part by its name, else as written. */
    private static String part(String key, String lang) {
        return Arrays.stream(EvaluationPart.values()).filter(p -> p.yaml().equals(key)).findFirst()
                .map(p -> p.label(lang)).orElse(key);
    }
}
