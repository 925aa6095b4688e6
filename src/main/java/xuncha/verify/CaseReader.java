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
        Map<String, Node> top = mapping(root, shown, new xuncha.problems.Messages.Term("case.what.file"), FILE_KEYS);
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
                problems.say(tc.at(), "case.twice", tc.name());
            }
            if (tc != null) {
                cases.add(tc);
            }
        }
        return cases;
    }

    private TestCase testCase(Node node, Path file, String shown, List<String> shared) {
        Map<String, Node> f = mapping(node, shown, new xuncha.problems.Messages.Term("case.what.case"), CASE_KEYS);
        if (f == null) {
            return null;
        }
        Location at = at(shown, node);
        String name = f.containsKey("name") ? text(f.get("name"), shown, "name").orElse("?") : null;
        if (name == null) {
            problems.say(at, "case.no_name");
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
            problems.say(at(shown, inline), "case.facts_mapping");
            inline = null;
        }
        Integer year = f.containsKey("year") ? year(f.get("year"), shown) : null;
        LocalDate asOf = f.containsKey("as_of") ? date(f.get("as_of"), shown) : null;
        String defaultRule = rules.size() == 1 ? rules.get(0) : null;
        Set<TestCase.Expected> exact = f.containsKey("expect") ? findings(f.get("expect"), shown, defaultRule) : null;
        Set<TestCase.Expected> contains = findings(f.get("contains"), shown, defaultRule);
        Set<TestCase.Expected> notContains = findings(f.get("not_contains"), shown, defaultRule);
        if (exact == null && contains.isEmpty() && notContains.isEmpty()) {
            problems.say(at, "case.no_expectation", name);
        }
        return new TestCase(shown, name, at, List.copyOf(rules), List.copyOf(files), inline, year, asOf,
                thresholds(f.get("thresholds"), shown), exact, contains, notContains);
    }

    private String ruleId(String id, Node at, String shown) {
        List<String> known = pack.rules().stream().map(r -> r.id()).toList();
        if (!known.contains(id)) {
            problems.say(at(shown, at), "case.no_rule", id, Suggest.term(id, known));
        }
        return id;
    }

    private Set<TestCase.Expected> findings(Node node, String shown, String defaultRule) {
        Set<TestCase.Expected> out = new TreeSet<>();
        for (Node n : list(node, shown, "findings")) {
            Map<String, Node> f = mapping(n, shown, new xuncha.problems.Messages.Term("case.what.finding"), FINDING_KEYS);
            if (f == null) {
                continue;
            }
            String rule = f.containsKey("rule") ? text(f.get("rule"), shown, "rule").map(r -> ruleId(r, f.get("rule"),
                    shown)).orElse("?") : defaultRule;
            if (rule == null) {
                problems.say(at(shown, n), "case.finding_rule");
                continue;
            }
            String unit = f.containsKey("unit") ? text(f.get("unit"), shown, "unit").orElse("?") : null;
            String level = f.containsKey("level") ? text(f.get("level"), shown, "level").orElse("?") : null;
            if (unit == null || level == null) {
                problems.say(at(shown, n), "case.finding_unit_level");
                continue;
            }
            if (!level.equals("violation") && !level.equals("warning")) {
                problems.say(at(shown, f.get("level")), "case.level", level);
            }
            String person = f.containsKey("person") ? text(f.get("person"), shown, "person").orElse("") : "";
            out.add(new TestCase.Expected(rule, unit, level, person));
        }
        return out;
    }

    private Map<String, Threshold> thresholds(Node node, String shown) {
        Map<String, Threshold> out = new HashMap<>();
        Map<String, Node> m = mapping(node, shown, new xuncha.problems.Messages.Term("case.what.thresholds"), null);
        if (m == null) {
            return out;
        }
        m.forEach((name, value) -> {
            if (pack.thresholds().get(name).isEmpty()) {
                problems.say(at(shown, value), "case.no_threshold", name,
                        Suggest.term(name, pack.thresholds().all().keySet()));
            } else {
                xuncha.engine.Thresholds.threshold(name, value, shown, problems).ifPresent(th -> {
                    Threshold current = pack.thresholds().get(name).orElseThrow();
                    if (current.isMapping() != th.isMapping()
                            || !current.parts().keySet().containsAll(th.parts().keySet())) {
                        problems.say(at(shown, value), "case.threshold_shape", name, current.isMapping()
                                ? new xuncha.problems.Messages.Term("case.shape.mapping", String.join(", ", current.parts().keySet()))
                                : new xuncha.problems.Messages.Term("thresholds.shape.number"));
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
        problems.say(at(shown, n), "case.year",
                xuncha.problems.Diagnostics.quote(v));
        return null;
    }

    private LocalDate date(Node n, String shown) {
        String v = text(n, shown, "as_of").orElse("");
        Optional<LocalDate> day = xuncha.yaml.Dates.parse(v);
        if (day.isEmpty()) {
            problems.say(at(shown, n), "case.as_of",
                    xuncha.problems.Diagnostics.quote(v));
        }
        return day.orElse(null);
    }

    /** A mapping's values by key; null (with the problem recorded) when it is not a mapping. */
    private Map<String, Node> mapping(Node node, String shown, Object what, List<String> allowed) {
        if (node == null) {
            return null;
        }
        if (!(node instanceof MappingNode m)) {
            problems.say(at(shown, node), "case.not_mapping", what);
            return null;
        }
        Map<String, Node> out = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            String key = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : "?";
            if (allowed != null && !allowed.contains(key)) {
                problems.say(at(shown, t.getKeyNode()), "case.unknown_field", key, what,
                        Suggest.term(key, allowed));
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
        problems.say(at(shown, node), "case.not_list", what);
        return List.of();
    }

    private java.util.Optional<String> text(Node node, String shown, String what) {
        if (node instanceof ScalarNode s) {
            return java.util.Optional.of(s.getValue());
        }
        problems.say(at(shown, node), "case.not_single", what);
        return java.util.Optional.empty();
    }

    /** A path written in a case file, relative to that file, shown likewise. */
    private String sibling(Path file, String shown, String relative) {
        Path dir = file.getParent();
        String shownDir = shown.contains("/") ? shown.substring(0, shown.lastIndexOf('/') + 1) : "";
        if (!Files.exists(dir.resolve(relative))) {
            problems.say(Location.ofFile(shown), "case.facts_not_found", relative);
        }
        return Path.of(shownDir + relative).normalize().toString();
    }

    private static Location at(String shown, Node n) {
        return new Location(shown, n.getStartMark().getLine() + 1, n.getStartMark().getColumn() + 1);
    }
}
