package xuncha.engine;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xuncha.facts.FactBase;
import xuncha.findings.Finding;
import xuncha.gen.Generator;
import xuncha.load.FactLoader;
import xuncha.report.ReportBuilder;
import xuncha.render.Renderers;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Checking county by county gives exactly what one session over everything gives. */
class PartitionTest {
    private static RulePack pack;

    @TempDir
    Path dir;

    @BeforeAll
    static void compile() {
        pack = RulePack.load(RuleSources.folder(Path.of("rules"), "rules"));
    }

    private static void assertSameFindings(FactBase facts) {
        List<Finding> whole = Engine.runWhole(pack, facts, Set.of(), SessionLimits.DEFAULT, "");
        assertThat(new Engine(pack).run(facts)).isNotEmpty().containsExactlyInAnyOrderElementsOf(whole);
        assertThat(new Engine(pack, 3).run(facts)).containsExactlyInAnyOrderElementsOf(whole);
    }

    private static byte[] json(FactBase facts, List<Finding> findings) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Renderers.byName("json").orElseThrow().render(ReportBuilder.build(facts, pack, findings, "zh"), out);
        return out.toByteArray();
    }

    /**
     * A report keeps every unit until it is written: a unit's parent and county are the very strings
     * of those units' ids, not copies (at a million units, a hundred megabytes of copies).
     */
    @Test
    void theReportsUnitsShareTheStringsOfTheirParentsAndCounties() {
        FactBase facts = new FactLoader(StandardCharsets.UTF_8).load(List.of("fixtures/yangqu-2022.yaml"));
        var units = ReportBuilder.build(facts, pack, List.of(), "zh").coverage().units();
        java.util.Map<String, String> ids = new java.util.HashMap<>();
        units.forEach(u -> ids.put(u.id(), u.id()));
        assertThat(units).filteredOn(u -> !u.parent().isEmpty()).isNotEmpty()
                .allSatisfy(u -> assertThat(u.parent()).isSameAs(ids.get(u.parent())))
                .allSatisfy(u -> assertThat(u.county()).isSameAs(ids.get(u.county())));
    }

    @Test
    void generatedCountiesGiveByteIdenticalReportsWhateverTheJobs() throws Exception {
        Generator gen = new Generator(3, 0.05);
        for (int n = 1; n <= 12; n++) {
            Path county = dir.resolve(Generator.folder(n));
            Files.createDirectories(county);
            for (var file : gen.county(n).entrySet()) {
                Files.writeString(county.resolve(file.getKey()), file.getValue());
            }
        }
        FactBase facts = new FactLoader(StandardCharsets.UTF_8).load(List.of(dir.toString()));
        byte[] whole = json(facts, Engine.runWhole(pack, facts, Set.of(), SessionLimits.DEFAULT, ""));
        assertThat(new String(whole, StandardCharsets.UTF_8)).contains("\"rule\" : \"COVER-06\"");
        assertThat(json(facts, new Engine(pack, 1).run(facts))).isEqualTo(whole);
        assertThat(json(facts, new Engine(pack, 4).run(facts))).isEqualTo(whole);
    }

    @Test
    void sampleGivesTheSameFindingsPartitioned() {
        assertSameFindings(new FactLoader(StandardCharsets.UTF_8).load(List.of("fixtures/yangqu-2022.yaml")));
    }

    @Test
    void twoCountiesWithAPersonHoldingRolesInBothGiveTheSameFindingsPartitioned() throws Exception {
        Path both = dir.resolve("both.yaml");
        Files.writeString(both, """
                people:
                  - {id: p-both, name: 两县兼职, birth_date: 1980-01-01,
                     roles: [{unit: a-town-league, role: part_time_deputy_secretary, source: other},
                             {unit: b-league, role: secretary}]}
                meetings:
                  - {id: b-scm-2, unit: b-party, kind: standing_committee, date: 2022-06-01, attendees: [p-both]}
                """);
        FactBase facts = new FactLoader(StandardCharsets.UTF_8).load(List.of("fixtures/two-counties", both.toString()));
        assertSameFindings(facts);
        assertThat(new Engine(pack).run(facts)).extracting(Finding::rule, Finding::unit, Finding::person)
                .contains(org.assertj.core.groups.Tuple.tuple("STAFF-01", "a-town-league", "p-both"),
                        org.assertj.core.groups.Tuple.tuple("LEAD-01", "b-league", "p-both"));
    }
}
