package xuncha.engine;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;
import xuncha.facts.FactBase;
import xuncha.findings.Finding;
import xuncha.load.FactLoader;
import xuncha.report.Report;
import xuncha.report.ReportBuilder;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rule cases of {@code src/test/resources/rule-cases/}: per group, facts that make a rule fire
 * and facts where it holds, at the boundaries rules.md names. Each case's facts are loaded together
 * with {@code base.yaml} (a county, its league committee, a township and its league committee) and
 * the findings of the case's rule must be exactly those expected: a failure names missing and extra.
 */
class RuleCasesTest {
    private static final Path CASES = Path.of("src/test/resources/rule-cases");
    private static RulePack pack;

    @TempDir
    static Path temp;

    @BeforeAll
    static void compile() {
        pack = RulePack.load(RuleSources.folder(Path.of("rules"), "rules"));
    }

    @TestFactory
    Stream<DynamicNode> ruleCases() throws Exception {
        List<DynamicNode> groups = new ArrayList<>();
        try (Stream<Path> files = Files.list(CASES)) {
            for (Path file : files.filter(f -> !f.getFileName().toString().equals("base.yaml")).sorted().toList()) {
                List<Map<String, Object>> cases = new Yaml().load(Files.readString(file, StandardCharsets.UTF_8));
                groups.add(DynamicContainer.dynamicContainer(file.getFileName().toString(),
                        cases.stream().map(c -> DynamicTest.dynamicTest(c.get("rule") + " " + c.get("name"),
                                () -> run(file.getFileName().toString(), c)))));
            }
        }
        return groups.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyRuleHasACaseWhereItFiresAndOneWhereItHolds() throws Exception {
        List<Map<String, Object>> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(CASES)) {
            for (Path file : files.filter(f -> !f.getFileName().toString().equals("base.yaml")).toList()) {
                all.addAll(new Yaml().<List<Map<String, Object>>>load(Files.readString(file)));
            }
        }
        return pack.rules().stream().map(r -> DynamicTest.dynamicTest(r.id(), () -> {
            assertThat(all).as("a case where %s fires", r.id())
                    .anyMatch(c -> r.id().equals(c.get("rule")) && !expected(c).isEmpty());
            assertThat(all).as("a case where %s holds", r.id())
                    .anyMatch(c -> r.id().equals(c.get("rule")) && expected(c).isEmpty());
        }));
    }

    private static void run(String file, Map<String, Object> c) throws Exception {
        Path dir = Files.createTempDirectory(temp, "case");
        String base = Files.readString(CASES.resolve("base.yaml"))
                .replace("${as_of}", String.valueOf(c.getOrDefault("as_of", "2022-10-24")))
                .replace("${year}", String.valueOf(c.getOrDefault("year", 2022)));
        Files.writeString(dir.resolve("base.yaml"), base);
        Files.writeString(dir.resolve("case.yaml"), String.valueOf(c.getOrDefault("facts", "")));
        FactBase facts = new FactLoader(StandardCharsets.UTF_8).load(List.of(dir.toString()));
        String rule = String.valueOf(c.get("rule"));
        List<Finding> findings = new Engine(pack).run(facts);
        for (String lang : List.of("zh", "en")) {
            for (Report.Entry e : ReportBuilder.build(facts, pack, findings, lang).findings()) {
                assertThat(e.title() + " " + e.message()).as("%s %s in %s", e.rule(), e.unit(), lang)
                        .doesNotContainPattern("\\{[a-z_]+}");
            }
        }
        TreeSet<String> actual = new TreeSet<>();
        for (Finding f : findings) {
            if (f.rule().equals(rule)) {
                actual.add(f.unit() + " " + f.level().yaml() + (f.hasPerson() ? " " + f.person() : ""));
            }
        }
        TreeSet<String> expected = expected(c);
        TreeSet<String> missing = new TreeSet<>(expected);
        missing.removeAll(actual);
        TreeSet<String> extra = new TreeSet<>(actual);
        extra.removeAll(expected);
        assertThat(missing.isEmpty() && extra.isEmpty())
                .as("%s / %s: missing %s, extra %s", file, c.get("name"), missing, extra).isTrue();
    }

    @SuppressWarnings("unchecked")
    private static TreeSet<String> expected(Map<String, Object> c) {
        TreeSet<String> expected = new TreeSet<>();
        for (Map<String, Object> e : (List<Map<String, Object>>) c.getOrDefault("expect", List.of())) {
            expected.add(e.get("unit") + " " + e.get("level") + (e.get("person") == null ? "" : " " + e.get("person")));
        }
        return expected;
    }
}
