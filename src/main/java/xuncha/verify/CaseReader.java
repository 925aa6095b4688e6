package xuncha.verify;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import xuncha.engine.RulePack;
import xuncha.facts.Location;
import xuncha.facts.Threshold;
import xuncha.problems.Diagnostics;
import xuncha.problems.Suggest;
import xuncha.yaml.YamlReader;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a case file:
 * <pre>
 * facts: [base.yaml]            # loaded with every case of the file, relative to it
 * cases:
 *   - name: townshipWithTwoReportsByDec31Holds
 *     rule: REPORT-02           # or rules: [...]; the findings compared (absent: all rules)
 *     as_of: 2022-12-31         # replaces the facts' as_of (year: likewise)
 *     facts: {meetings: [...]}  # facts written here (files: [...] for more files)
 *     thresholds: {township_league_reports_per_year: 1}
 *     expect: [{unit: t-party, level: violation}]      # exactly these findings
 *     contains: [...]           # at least these
 *     not_contains: [...]       # none of these
 * </pre>
 * Every problem is located in the case file.
 */
final class CaseReader {
    private static final List<String> FILE_KEYS = List.of("facts", "cases");
    private static final List<String> CASE_KEYS = List.of("name", "rule", "rules", "as_of", "year", "facts", "files",
            "thresholds", "expect", "contains", "not_contains");
    private static final List<String> FINDING_KEYS = List.of("rule", "unit", "level", "person");

    private final RulePack pack;
    private final Diagnostics problems;

    CaseReader(RulePack pack, Diagnostics problems) {
        this.pack = pack;
        this.problems = problems;
    }

    List<TestCase> read(Path file, String shown) {
        List<TestCase> cases = new ArrayList<>();
        Node root = new YamlReader(StandardCharsets.UTF_8).read(file, shown, problems).orElse(null);
        Map<String, Node> top = mapping(root, shown, "a case file", FILE_KEYS);
        if (top == null) {
            return cases;
        }
        List<String> shared = new ArrayList<>();
        for (Node n : list(top.get("facts"), shown, "facts")) {
            text(n, shown, "facts").ifPresent(f -> shared.add(sibling(file, shown, f)));
        }
        Set<String> names = new java.util.HashSet<>();
        for (Node c : list(top.get("cases"), shown, "cases")) {
            TestCase tc = testCase(c, file, shown, shared);
            if (tc != null && !names.add(tc.name())) {
                problems.error(tc.at(), "a second case named '%s' in this file", tc.name());
            }
            if (tc != null) {
                cases.add(tc);
            }
        }
        return cases;
    }

    private TestCase testCase(Node node, Path file, String shown, List<String> shared) {
        Map<String, Node> f = mapping(node, shown, "a case", CASE_KEYS);
        if (f == null) {
            return null;
        }
        Location at = at(shown, node);
        String name = f.containsKey("name") ? text(f.get("name"), shown, "name").orElse("?") : null;
        if (name == null) {
            problems.error(at, "a case needs a 'name'");
            name = "?";
        }
        List<String> rules = new ArrayList<>();
        if (f.containsKey("rule")) {
            text(f.get("rule"), shown, "rule").ifPresent(r -> rules.add(ruleId(r, f.get("rule"), shown)));
        }
        for (Node r : list(f.get("rules"), shown, "rules")) {
            text(r, shown, "rules").ifPresent(id -> rules.add(ruleId(id, r, shown)));
        }
        List<String> files = new ArrayList<>(shared);
        for (Node n : list(f.get("files"), shown, "files")) {
            text(n, shown, "files").ifPresent(p -> files.add(sibling(file, shown, p)));
        }
        Node inline = f.get("facts");
        if (inline != null && !(inline instanceof MappingNode)) {
            problems.error(at(shown, inline), "'facts' of a case is a mapping in the facts format");
            inline = null;
        }
        Integer year = f.containsKey("year") ? year(f.get("year"), shown) : null;
        LocalDate asOf = f.containsKey("as_of") ? date(f.get("as_of"), shown) : null;
        String defaultRule = rules.size() == 1 ? rules.get(0) : null;
        Set<TestCase.Expected> exact = f.containsKey("expect") ? findings(f.get("expect"), shown, defaultRule) : null;
        Set<TestCase.Expected> contains = findings(f.get("contains"), shown, defaultRule);
        Set<TestCase.Expected> notContains = findings(f.get("not_contains"), shown, defaultRule);
        if (exact == null && contains.isEmpty() && notContains.isEmpty()) {
            problems.error(at, "case '%s' states no expectation: give 'expect' (exactly), 'contains' or"
                    + " 'not_contains'", name);
        }
        return new TestCase(shown, name, at, List.copyOf(rules), List.copyOf(files), inline, year, asOf,
                thresholds(f.get("thresholds"), shown), exact, contains, notContains);
    }

    private String ruleId(String id, Node at, String shown) {
        List<String> known = pack.rules().stream().map(r -> r.id()).toList();
        if (!known.contains(id)) {
            problems.error(at(shown, at), "no rule '%s' in the pack%s", id, Suggest.hint(id, known));
        }
        return id;
    }

    private Set<TestCase.Expected> findings(Node node, String shown, String defaultRule) {
        Set<TestCase.Expected> out = new TreeSet<>();
        for (Node n : list(node, shown, "findings")) {
            Map<String, Node> f = mapping(n, shown, "an expected finding", FINDING_KEYS);
            if (f == null) {
                continue;
            }
            String rule = f.containsKey("rule") ? text(f.get("rule"), shown, "rule").map(r -> ruleId(r, f.get("rule"),
                    shown)).orElse("?") : defaultRule;
            if (rule == null) {
                problems.error(at(shown, n), "an expected finding names its 'rule' when the case compares several");
                continue;
            }
            String unit = f.containsKey("unit") ? text(f.get("unit"), shown, "unit").orElse("?") : null;
            String level = f.containsKey("level") ? text(f.get("level"), shown, "level").orElse("?") : null;
            if (unit == null || level == null) {
                problems.error(at(shown, n), "an expected finding names its 'unit' and 'level'");
                continue;
            }
            if (!level.equals("violation") && !level.equals("warning")) {
                problems.error(at(shown, f.get("level")), "'%s' is not a level (violation or warning)", level);
            }
            String person = f.containsKey("person") ? text(f.get("person"), shown, "person").orElse("") : "";
            out.add(new TestCase.Expected(rule, unit, level, person));
        }
        return out;
    }

    private Map<String, Threshold> thresholds(Node node, String shown) {
        Map<String, Threshold> out = new HashMap<>();
        Map<String, Node> m = mapping(node, shown, "thresholds", null);
        if (m == null) {
            return out;
        }
        m.forEach((name, value) -> {
            if (pack.thresholds().get(name).isEmpty()) {
                problems.error(at(shown, value), "no threshold '%s' in the pack%s", name,
                        Suggest.hint(name, pack.thresholds().all().keySet()));
            } else {
                xuncha.engine.Thresholds.threshold(name, value, shown, problems).ifPresent(th -> {
                    Threshold current = pack.thresholds().get(name).orElseThrow();
                    if (current.isMapping() != th.isMapping()
                            || !current.parts().keySet().containsAll(th.parts().keySet())) {
                        problems.error(at(shown, value), "threshold '%s' must be %s", name, current.isMapping()
                                ? "a mapping of some of " + String.join(", ", current.parts().keySet()) + " to numbers"
                                : "a number");
                    } else if (current.isMapping()) {
                        java.util.Map<String, BigDecimal> parts = new LinkedHashMap<>(current.parts());
                        parts.putAll(th.parts());
                        out.put(name, new Threshold(name, BigDecimal.ZERO, java.util.Collections.unmodifiableMap(parts)));
                    } else {
                        out.put(name, th);
                    }
                });
            }
        });
        return out;
    }

    /** A case's assessment year: a whole number from 1900 to 2999, as in a facts file. */
    private Integer year(Node n, String shown) {
        String v = text(n, shown, "year").orElse(null);
        if (v == null) {
            return null;
        }
        if (v.length() == 4 && v.chars().allMatch(c -> c >= '0' && c <= '9') && v.compareTo("1900") >= 0
                && v.compareTo("2999") <= 0) {
            return Integer.valueOf(v);
        }
        problems.error(at(shown, n), "'year' of a case must be a year from 1900 to 2999, found '%s'",
                xuncha.problems.Diagnostics.quote(v));
        return null;
    }

    private LocalDate date(Node n, String shown) {
        String v = text(n, shown, "as_of").orElse("");
        Optional<LocalDate> day = xuncha.yaml.Dates.parse(v);
        if (day.isEmpty()) {
            problems.error(at(shown, n), "'as_of' must be a real date written YYYY-MM-DD, found '%s'",
                    xuncha.problems.Diagnostics.quote(v));
        }
        return day.orElse(null);
    }

    /** A mapping's values by key; null (with the problem recorded) when it is not a mapping. */
    private Map<String, Node> mapping(Node node, String shown, String what, List<String> allowed) {
        if (node == null) {
            return null;
        }
        if (!(node instanceof MappingNode m)) {
            problems.error(at(shown, node), "%s must be a mapping", what);
            return null;
        }
        Map<String, Node> out = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            String key = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : "?";
            if (allowed != null && !allowed.contains(key)) {
                problems.error(at(shown, t.getKeyNode()), "unknown field '%s' in %s%s", key, what,
                        Suggest.hint(key, allowed));
            }
            out.put(key, t.getValueNode());
        }
        return out;
    }

    private List<Node> list(Node node, String shown, String what) {
        if (node == null) {
            return List.of();
        }
        if (node instanceof SequenceNode s) {
            return s.getValue();
        }
        problems.error(at(shown, node), "'%s' must be a list", what);
        return List.of();
    }

    private java.util.Optional<String> text(Node node, String shown, String what) {
        if (node instanceof ScalarNode s) {
            return java.util.Optional.of(s.getValue());
        }
        problems.error(at(shown, node), "'%s' must be a single value", what);
        return java.util.Optional.empty();
    }

    /** A path written in a case file, relative to that file, shown likewise. */
    private String sibling(Path file, String shown, String relative) {
        Path dir = file.getParent();
        String shownDir = shown.contains("/") ? shown.substring(0, shown.lastIndexOf('/') + 1) : "";
        if (!Files.exists(dir.resolve(relative))) {
            problems.error(Location.ofFile(shown), "facts file '%s' not found next to the case file", relative);
        }
        return Path.of(shownDir + relative).normalize().toString();
    }

    private static Location at(String shown, Node n) {
        return new Location(shown, n.getStartMark().getLine() + 1, n.getStartMark().getColumn() + 1);
    }
}
