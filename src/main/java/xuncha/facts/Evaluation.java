package xuncha.facts;

import java.util.List;

import java.math.BigDecimal;
import java.util.Map;

/** Annual evaluation of a grassroots league cadre; weights in percent, scores 0–100. */
public record Evaluation(String id, String person, String unit, int year,
                         Map<EvaluationPart, BigDecimal> weights,
                         Map<EvaluationPart, BigDecimal> scores,
                         BigDecimal total) implements Kept {
    /** The people this record names. */
    @Override
    public List<String> named() {
        return List.of(person);
    }

}
