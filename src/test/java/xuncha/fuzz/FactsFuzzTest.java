package xuncha.fuzz;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import xuncha.engine.Engine;
import xuncha.engine.RulePack;
import xuncha.engine.RuleSources;
import xuncha.facts.FactBase;
import xuncha.facts.Waiver;
import xuncha.findings.Finding;
import xuncha.load.FactLoader;
import xuncha.load.WaiverLoader;
import xuncha.report.Baseline;
import xuncha.render.Renderer;
import xuncha.render.Renderers;
import xuncha.report.Report;
import xuncha.report.ReportBuilder;
import xuncha.report.Tracker;
import xuncha.report.Waivers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Fuzzes what a clerk or an office gives {@code check}: facts files, baselines and waivers, each
 * through the same stages {@code check} runs (load, rules, report, every renderer). Bounded in
 * {@code mvn verify}; longer with {@code -Djqwik.tries.default=N} (README).
 */
class FactsFuzzTest {
    private static final RulePack PACK = RulePack.load(RuleSources.folder(Path.of("rules"), "rules"));
    private static final String SAMPLE = read(Path.of("fixtures/yangqu-2022.yaml"));
    private static final String SMALL = """
            year: 2022
            as_of: 2022-10-24
            units:
              - {id: c, name: 县委, type: county_party_committee}
              - {id: t, name: 镇, type: township_party_committee, parent: c}
              - {id: tl, name: 镇团委, type: township_league_committee, parent: t, venue: 家, annual_funds: 10}
            people:
              - id: p1
                name: 张三
                birth_date: 1990-01-01
                roles:
                  - {unit: tl, role: part_time_deputy_secretary, source: university_student}
            meetings:
              - {id: m1, unit: t, kind: party_committee, date: 2022-03-01, topics: [league_work_report], attendees: [p1]}
            budgets:
              - {unit: c, year: 2022, party_building: 1000, league_building: 99.99, young_pioneer_work: 0}
            evaluations:
              - id: e1
                person: p1
                unit: tl
                year: 2022
                weights: {field_inspection: 20, youth_review: 20, league_report: 30, party_government: 30}
                scores: {field_inspection: 80, youth_review: 90, league_report: 85, party_government: 88}
                total: 85.9
            inspections:
              - id: i1
                unit: c
                name: 第一轮
                start: 2022-03-01
                end: 2022-04-01
                targets: [t]
                problems: [{id: pr1, unit: t, summary: 问题, fed_back: 2022-04-01}]
            """;
    private static final String WAIVERS = """
            waivers:
              - {rule: GRASS-02, unit: dhs-league, reason: 正在建设, approved_by: 县委组织部, approved_on: 2022-09-01, expires: 2023-03-01}
              - {rule: FUND-03, unit: sch-dy-primary, person: p-coun-2, reason: 试行, approved_by: 教育局, approved_on: 2022-01-01, expires: 2022-11-01}
            """;
    private static final Report SAMPLE_REPORT = report(load(Path.of("fixtures/yangqu-2022.yaml")));
    private static final String BASELINE = json(SAMPLE_REPORT);

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path write(String name, String text) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "fuzz"));
            Path file = Files.createTempFile(dir, name, ".tmp");
            Files.write(file, text.getBytes(StandardCharsets.UTF_8));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FactBase load(Path file) {
        return new FactLoader(StandardCharsets.UTF_8).load(List.of(file.toString()));
    }

    private static Report report(FactBase facts) {
        List<Finding> findings = new Engine(PACK).run(facts);
        return ReportBuilder.build(facts, PACK, findings, "zh");
    }

    private static String json(Report report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Renderers.byName("json").orElseThrow().render(report, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Every renderer's output, in bytes. */
    private static long renderAll(Report report) throws IOException {
        long total = 0;
        for (String name : Renderers.names()) {
            Renderer r = Renderers.byName(name).orElseThrow();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            r.render(report, out);
            total += out.size();
        }
        return total;
    }

    @Provide
    Arbitrary<String> facts() {
        return Fuzz.mutated(List.of(SAMPLE, SMALL));
    }

    @Provide
    Arbitrary<String> baselines() {
        return Fuzz.mutated(List.of(BASELINE));
    }

    @Provide
    Arbitrary<String> waivers() {
        return Fuzz.mutated(List.of(WAIVERS));
    }

    @Property
    void factsAreCheckedOrRefusedLocated(@ForAll("facts") String text) {
        Path file = write("facts", text);
        try {
            Fuzz.readsOrRefuses(text.length(), () -> renderAll(report(load(file))));
        } finally {
            delete(file);
        }
    }

    @Property
    void baselinesAreTrackedOrRefusedLocated(@ForAll("baselines") String text) {
        Path file = write("baseline", text);
        try {
            Fuzz.readsOrRefuses(text.length(), () -> {
                Baseline b = Baseline.read(file, file.toString());
                b.checkAgainst(SAMPLE_REPORT.asOf(), SAMPLE_REPORT.coverage().units().stream()
                        .map(Report.UnitRef::id).toList());
                return renderAll(Tracker.track(SAMPLE_REPORT, b, unit -> Optional.empty()));
            });
        } finally {
            delete(file);
        }
    }

    @Property
    void waiversApplyOrAreRefusedLocated(@ForAll("waivers") String text) {
        Path file = write("waivers", text);
        try {
            Fuzz.readsOrRefuses(text.length(), () -> {
                List<Waiver> waivers = WaiverLoader.load(file, file.toString(),
                        PACK.rules().stream().map(r -> r.id()).toList(),
                        SAMPLE_REPORT.coverage().units().stream().map(Report.UnitRef::id).toList(),
                        List.of("p-coun-2", "p-league-sec"));
                return renderAll(Waivers.apply(SAMPLE_REPORT, waivers));
            });
        } finally {
            delete(file);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
