package xuncha.check;

import xuncha.engine.RuleInfo;
import xuncha.engine.RulePack;
import xuncha.facts.FactBase;
import xuncha.facts.Threshold;
import xuncha.facts.Unit;
import xuncha.problems.Suggest;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What {@code check --rule}, {@code --unit} and {@code --set} restrict or change, each checked against the pack or facts. */
final class Scope {
    private Scope() {
    }

    /** The rule ids named, each known to the pack; empty: every rule. */
    static Set<String> rules(List<String> ids, RulePack pack) {
        List<String> known = pack.rules().stream().map(RuleInfo::id).toList();
        for (String id : ids) {
            if (!known.contains(id)) {
                throw new RequestException("request.no_rule", id, Suggest.term(id, known));
            }
        }
        return new LinkedHashSet<>(ids);
    }

    /** The units named and every unit under them; all units when none is named. */
    static Set<String> units(List<String> ids, FactBase facts) {
        Map<String, Unit> byId = new HashMap<>();
        facts.units().forEach(u -> byId.put(u.id(), u));
        Set<String> out = new LinkedHashSet<>();
        for (String id : ids) {
            if (!byId.containsKey(id)) {
                throw new RequestException("request.no_unit", id, Suggest.term(id, byId.keySet()));
            }
        }
        for (Unit u : facts.units()) {
            if (ids.isEmpty() || underAny(u, ids, byId)) {
                out.add(u.id());
            }
        }
        return out;
    }

    /** The units of {@code facts} that are, or are under, one of {@code roots}; roots it lacks are passed over. */
    static Set<String> under(List<String> roots, FactBase facts) {
        Map<String, Unit> byId = new HashMap<>();
        facts.units().forEach(u -> byId.put(u.id(), u));
        Set<String> out = new LinkedHashSet<>();
        for (Unit u : facts.units()) {
            if (underAny(u, roots, byId)) {
                out.add(u.id());
            }
        }
        return out;
    }

    private static boolean underAny(Unit u, List<String> roots, Map<String, Unit> byId) {
        Set<String> seen = new LinkedHashSet<>();
        for (Unit at = u; at != null && seen.add(at.id()); at = byId.get(at.parent())) {
            if (roots.contains(at.id())) {
                return true;
            }
        }
        return false;
    }

    /** {@code NAME=VALUE} (or {@code NAME.KEY=VALUE} for a mapping threshold) as threshold overrides. */
    static Map<String, Threshold> thresholds(Map<String, String> sets, RulePack pack) {
        Map<String, Threshold> out = new LinkedHashMap<>();
        sets.forEach((key, written) -> {
            String text = written;
            String name = key.contains(".") ? key.substring(0, key.indexOf('.')) : key;
            text = xuncha.problems.Diagnostics.quote(text);
            Threshold current = out.getOrDefault(name, pack.thresholds().get(name).orElseThrow(() -> new RequestException(
                    "request.no_threshold", xuncha.problems.Diagnostics.quote(name),
                    Suggest.term(name, pack.thresholds().all().keySet()))));
            BigDecimal value = number(key, written);
            if (current.isMapping() != key.contains(".")) {
                throw current.isMapping()
                        ? new RequestException("request.set_mapping", name, current.parts().keySet().iterator().next(), text)
                        : new RequestException("request.set_number", name, text);
            }
            if (current.isMapping()) {
                String part = key.substring(key.indexOf('.') + 1);
                if (!current.parts().containsKey(part)) {
                    throw new RequestException("request.no_part", name, xuncha.problems.Diagnostics.quote(part),
                            Suggest.term(part, current.parts().keySet()));
                }
                Map<String, BigDecimal> parts = new LinkedHashMap<>(current.parts());
                parts.put(part, value);
                out.put(name, new Threshold(name, BigDecimal.ZERO, parts));
            } else {
                out.put(name, new Threshold(name, value, Map.of()));
            }
        });
        return out;
    }

    private static BigDecimal number(String key, String text) {
        try {
            return xuncha.engine.Thresholds.value(key, text);
        } catch (xuncha.yaml.Decimals.Refused e) {
            throw new RequestException("request.bad_value", xuncha.problems.Diagnostics.quote(key + "=" + text),
                    e.reason());
        }
    }
}
