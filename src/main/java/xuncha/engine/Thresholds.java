package xuncha.engine;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;
import xuncha.facts.Location;
import xuncha.facts.Threshold;
import xuncha.problems.Diagnostics;
import xuncha.problems.Suggest;
import xuncha.yaml.YamlReader;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The thresholds file: a flat mapping {@code name: number}, or {@code name: {key: number, ...}} for
 * a mapping threshold such as {@code evaluation_weights}. Numbers are read exactly, as decimals.
 * {@code local:} maps a county party committee's id to its own stricter values, which apply to that
 * county and every unit under it: {@code local: {yq-party: {county_league_reports_per_year: 2}}}.
 */
public final class Thresholds {
    private final Map<String, Threshold> byName;
    private final Map<String, Location> where;
    private final Set<String> written;
    private final Map<String, Map<String, Threshold>> local;
    /** The pack's version as {@code version:} gives it; empty when none is given. */
    private final String version;

    private Thresholds(Map<String, Threshold> byName, Map<String, Location> where, Set<String> written,
                       Map<String, Map<String, Threshold>> local, String version) {
        this.byName = byName;
        this.where = where;
        this.written = written;
        this.local = local;
        this.version = version;
    }

    /** The pack's version, {@code version:} in the file (e.g. "2022.1"); empty when the file gives none. */
    public String version() {
        return version;
    }

    /** The key under which the pack's version is written. */
    public static final String VERSION = "version";
    private static final Pattern VERSION_TEXT = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._+-]{0,39}");

    /** The key under which local standards are written. */
    public static final String LOCAL = "local";
    private static final Pattern COUNTY_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");


    /** True when the file gives {@code name}, well formed or not (a malformed one has its own message). */
    boolean written(String name) {
        return written.contains(name);
    }

    /**
     * These thresholds with some replaced everywhere (what-if runs, rule test cases): a replaced
     * value also replaces the local values of that name, so that it applies in every county.
     */
    public Thresholds with(Map<String, Threshold> overrides) {
        Map<String, Threshold> replaced = new LinkedHashMap<>(byName);
        replaced.putAll(overrides);
        Map<String, Map<String, Threshold>> remaining = new TreeMap<>();
        local.forEach((county, values) -> {
            Map<String, Threshold> kept = new LinkedHashMap<>(values);
            kept.keySet().removeAll(overrides.keySet());
            remaining.put(county, Collections.unmodifiableMap(kept));
        });
        return new Thresholds(Collections.unmodifiableMap(replaced), where, written,
                Collections.unmodifiableMap(remaining), version);
    }

    /** The thresholds that apply in a county: these, with the county's local values over them. */
    public Thresholds forCounty(String county) {
        Map<String, Threshold> overrides = local.getOrDefault(county, Map.of());
        return overrides.isEmpty() ? this : new Thresholds(with(overrides).byName, where, written, Map.of(), version);
    }

    public Optional<Threshold> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Map<String, Threshold> all() {
        return byName;
    }

    public Location at(String name) {
        return where.get(name);
    }

    /**
     * Reads {@code file}; each problem goes to {@code problems}. Where {@code reference} (the
     * built-in defaults) knows a name, the value must have the same shape: a number, or a mapping
     * with the same keys.
     */
    static Thresholds read(Path file, String shown, Thresholds reference, Diagnostics problems) {
        return read(new YamlReader(StandardCharsets.UTF_8).read(file, shown, problems), shown, reference, problems);
    }

    /** The shipped pack's thresholds, which another pack's are compared with ({@link RuleSources#builtInThresholds}). */
    static Thresholds builtIn() {
        String shown = RuleSources.BUILT_IN_SHOWN + "/" + RuleSources.THRESHOLDS;
        Diagnostics problems = new Diagnostics();
        return read(new YamlReader(StandardCharsets.UTF_8).read(RuleSources.builtInThresholds(), shown, problems), shown,
                null, problems);
    }

    private static Thresholds read(Optional<Node> root, String shown, Thresholds reference, Diagnostics problems) {
        Map<String, Threshold> byName = new LinkedHashMap<>();
        Map<String, Location> where = new LinkedHashMap<>();
        Set<String> written = new java.util.HashSet<>();
        Node localNode = null;
        String version = "";
        if (root.isPresent() && !(root.get() instanceof MappingNode)) {
            problems.say(at(shown, root.get()), "thresholds.not_mapping");
        } else if (root.isPresent()) {
            for (NodeTuple t : ((MappingNode) root.get()).getValue()) {
                String name = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : "?";
                Location at = at(shown, t.getKeyNode());
                if (name.equals(LOCAL)) {
                    localNode = t.getValueNode();
                    continue;
                }
                if (name.equals(VERSION)) {
                    String text = t.getValueNode() instanceof ScalarNode v ? v.getValue() : "";
                    if (VERSION_TEXT.matcher(text).matches()) {
                        version = text;
                    } else {
                        problems.say(at(shown, t.getValueNode()), "thresholds.version", VERSION);
                    }
                    continue;
                }
                written.add(name);
                if (byName.containsKey(name)) {
                    problems.say(at, "thresholds.twice", name, where.get(name));
                    continue;
                }
                threshold(name, t.getValueNode(), shown, problems).ifPresent(th -> {
                    byName.put(name, th);
                    where.put(name, at);
                    if (reference != null) {
                        sameShape(th, at, reference, problems);
                    }
                });
            }
        }
        Thresholds defaults = new Thresholds(Collections.unmodifiableMap(byName), Map.copyOf(where),
                Set.copyOf(written), Map.of(), version);
        return localNode == null ? defaults : new Thresholds(defaults.byName, defaults.where, defaults.written,
                local(localNode, shown, defaults, problems), version);
    }

    /** {@code local:}: county id → the county's own values, each of a known threshold and of its shape. */
    private static Map<String, Map<String, Threshold>> local(Node node, String shown, Thresholds defaults,
                                                             Diagnostics problems) {
        Map<String, Map<String, Threshold>> out = new TreeMap<>();
        if (!(node instanceof MappingNode counties)) {
            problems.say(at(shown, node), "thresholds.local_not_mapping", LOCAL);
            return out;
        }
        for (NodeTuple c : counties.getValue()) {
            String county = c.getKeyNode() instanceof ScalarNode k ? k.getValue() : "?";
            if (!COUNTY_ID.matcher(county).matches()) {
                problems.say(at(shown, c.getKeyNode()), "thresholds.local_bad_county", county, LOCAL);
            }
            if (!(c.getValueNode() instanceof MappingNode values)) {
                problems.say(at(shown, c.getValueNode()), "thresholds.local_values", county);
                continue;
            }
            Map<String, Threshold> overrides = new LinkedHashMap<>();
            for (NodeTuple t : values.getValue()) {
                String name = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : "?";
                Location at = at(shown, t.getKeyNode());
                if (defaults.get(name).isEmpty()) {
                    problems.say(at, "thresholds.local_unknown", name, county,
                            Suggest.term(name, defaults.all().keySet()));
                    continue;
                }
                threshold(name, t.getValueNode(), shown, problems).ifPresent(th -> {
                    sameShape(th, at, defaults, problems);
                    overrides.put(name, th);
                });
            }
            out.put(county, Collections.unmodifiableMap(overrides));
        }
        return Collections.unmodifiableMap(out);
    }

    /** One threshold's value as written in a YAML file (a number, or a mapping of parts to numbers). */
    public static Optional<Threshold> threshold(String name, Node value, String shown, Diagnostics problems) {
        if (value instanceof MappingNode m) {
            Map<String, BigDecimal> parts = new LinkedHashMap<>();
            for (NodeTuple t : m.getValue()) {
                String key = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : "?";
                number(name + "." + key, t.getValueNode(), shown, problems).ifPresent(v -> parts.put(key, v));
            }
            return parts.size() == m.getValue().size() && !parts.isEmpty()
                    ? Optional.of(new Threshold(name, BigDecimal.ZERO, Collections.unmodifiableMap(parts))) : Optional.empty();
        }
        return number(name, value, shown, problems).map(v -> new Threshold(name, v, Map.of()));
    }

    /**
     * A threshold value written as text ({@code --set}, a rule case) checked as {@link #read} checks
     * the file's: a bounded decimal of the threshold's {@link ThresholdType}.
     *
     * @param name the threshold, or {@code name.part} for a part of a mapping threshold
     */
    public static BigDecimal value(String name, String text) throws xuncha.yaml.Decimals.Refused {
        return ThresholdType.of(name).parse(text);
    }

    private static Optional<BigDecimal> number(String name, Node value, String shown, Diagnostics problems) {
        if (value instanceof ScalarNode s && (s.getTag().equals(Tag.INT) || s.getTag().equals(Tag.FLOAT))) {
            try {
                return Optional.of(value(name, s.getValue()));
            } catch (xuncha.yaml.Decimals.Refused e) {
                problems.say(at(shown, value), "thresholds.refused", name, e.reason());
                return Optional.empty();
            }
        }
        Object found = value instanceof ScalarNode s ? new xuncha.problems.Messages.Term(s.isPlain() ? "thresholds.found"
                : "thresholds.found_quoted", Diagnostics.quote(s.getValue())) : xuncha.yaml.Fields.describe(value);
        problems.say(at(shown, value), "thresholds.must_be", name,
                ThresholdType.of(name).description(), found);
        return Optional.empty();
    }

    private static void sameShape(Threshold th, Location at, Thresholds reference, Diagnostics problems) {
        Threshold ref = reference.byName.get(th.name());
        if (ref == null) {
            return;
        }
        if (ref.isMapping() != th.isMapping()) {
            problems.say(at, "thresholds.shape", th.name(), ref.isMapping() ? new xuncha.problems.Messages.Term("thresholds.shape.mapping", String.join(", ", ref.parts().keySet()))
                    : new xuncha.problems.Messages.Term("thresholds.shape.number"));
        } else if (ref.isMapping() && !ref.parts().keySet().equals(th.parts().keySet())) {
            for (String key : ref.parts().keySet()) {
                if (!th.parts().containsKey(key)) {
                    problems.say(at, "thresholds.lacks", th.name(), key);
                }
            }
            for (String key : th.parts().keySet()) {
                if (!ref.parts().containsKey(key)) {
                    problems.say(at, "thresholds.unknown_key", th.name(), key,
                            Suggest.term(key, ref.parts().keySet()));
                }
            }
        }
    }

    private static Location at(String shown, Node n) {
        return new Location(shown, n.getStartMark().getLine() + 1, n.getStartMark().getColumn() + 1);
    }

    List<Threshold> facts() {
        return List.copyOf(byName.values());
    }
}
