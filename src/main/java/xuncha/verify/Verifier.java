package xuncha.verify;

import xuncha.problems.Messages;
import xuncha.check.Check;
import xuncha.check.CheckListener;
import xuncha.check.CheckRequest;
import xuncha.engine.RuleInfo;
import xuncha.engine.RulePack;
import xuncha.facts.FactBase;
import xuncha.facts.Location;
import xuncha.facts.Period;
import xuncha.facts.UnitType;
import xuncha.problems.Diagnostics;
import xuncha.load.FactLoader;
import xuncha.problems.InputException;
import xuncha.report.Report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Runs the rule test cases of a rules folder's {@code tests/} against its pack. */
public final class Verifier {
    public static final String TESTS = "tests";
    private static final Pattern UNFILLED = Pattern.compile("\\{[a-z_][a-z0-9_]*}");

    /**
     * What one case gave. {@code missing}: expected (exactly or by contains) but not found;
     * {@code extra}: found but not expected (exactly) or found though not_contains names it;
     * {@code mistakes}: what the rules did wrong whatever the case expects (a message with a value
     * missing, a finding on a unit of a type the rule's {@code @checks} does not name).
     */
    public record Result(TestCase testCase, Set<TestCase.Expected> actual, Set<TestCase.Expected> missing,
                         Set<TestCase.Expected> extra, List<Messages.Term> mistakes) {
        public boolean passed() {
            return missing.isEmpty() && extra.isEmpty() && mistakes.isEmpty();
        }
    }

    private final RulePack pack;

    public Verifier(RulePack pack) {
        this.pack = pack;
    }

    /** Every case of every {@code *.yaml} under {@code testsDir}, whose names contain {@code pattern}. */
    public List<TestCase> cases(Path testsDir, String shownDir, String pattern) {
        Diagnostics problems = new Diagnostics();
        List<TestCase> cases = new ArrayList<>();
        if (!Files.isDirectory(testsDir)) {
            problems.say(Location.ofFile(shownDir), "verify.no_folder", shownDir);
            problems.throwIfAny();
        }
        try (Stream<Path> files = Files.list(testsDir)) {
            for (Path f : files.filter(Verifier::isCaseFile).sorted().toList()) {
                cases.addAll(new CaseReader(pack, problems).read(f, shownDir + "/" + f.getFileName()));
            }
        } catch (IOException | UncheckedIOException e) {
            problems.say(Location.ofFile(shownDir), "verify.cannot_read_folder", e.getMessage());
        }
        problems.throwIfAny();
        return cases.stream().filter(c -> pattern == null || c.title().contains(pattern)).toList();
    }

    /** Case files are the YAML files that hold {@code cases:}; the others are facts they share. */
    private static boolean isCaseFile(Path f) {
        String name = f.getFileName().toString();
        if (!(name.endsWith(".yaml") || name.endsWith(".yml"))) {
            return false;
        }
        try {
            return Files.readAllLines(f, StandardCharsets.UTF_8).stream().anyMatch(l -> l.startsWith("cases:"));
        } catch (IOException e) {
            return true; // read again by CaseReader, which reports the problem located
        }
    }

    /** Runs one case; bad facts in it throw {@link InputException}, located. */
    public Result run(TestCase c) {
        List<FactLoader.Inline> inline = c.inline() == null ? List.of()
                : List.of(new FactLoader.Inline(c.inline(), c.file()));
        FactBase facts = new FactLoader(StandardCharsets.UTF_8).load(c.files(), inline);
        if (c.year() != null || c.asOf() != null) {
            facts = facts.withPeriod(new Period(c.year() != null ? c.year() : facts.period().year(),
                    c.asOf() != null ? c.asOf() : facts.period().asOf()));
        }
        RulePack casePack = pack.withThresholds(c.thresholds());
        Report zh = judge(casePack, facts, "zh");
        Report en = judge(casePack, facts, "en");
        Set<TestCase.Expected> actual = new TreeSet<>();
        for (Report.Entry f : zh.findings()) {
            if (c.compares(f.rule())) {
                actual.add(new TestCase.Expected(f.rule(), f.unit(), f.level().yaml(), f.person()));
            }
        }
        Set<TestCase.Expected> missing = new TreeSet<>();
        Set<TestCase.Expected> extra = new TreeSet<>();
        c.exactly().ifPresent(exact -> {
            exact.stream().filter(e -> !actual.contains(e)).forEach(missing::add);
            actual.stream().filter(a -> !exact.contains(a)).forEach(extra::add);
        });
        c.contains().stream().filter(e -> !actual.contains(e)).forEach(missing::add);
        c.notContains().stream().filter(actual::contains).forEach(extra::add);
        List<Messages.Term> mistakes = new ArrayList<>(unfilled(List.of(zh, en)));
        mistakes.addAll(outOfScope(casePack, facts, zh.findings()));
        return new Result(c, actual, missing, extra, mistakes);
    }

    /** Findings on a unit whose type the rule's {@code @checks} leaves out: the declaration is wrong. */
    private static List<Messages.Term> outOfScope(RulePack pack, FactBase facts, List<Report.Entry> findings) {
        Map<String, UnitType> types = new HashMap<>();
        facts.units().forEach(u -> types.put(u.id(), u.type()));
        List<Messages.Term> out = new ArrayList<>();
        for (Report.Entry f : findings) {
            UnitType type = types.get(f.unit());
            RuleInfo rule = pack.rule(f.rule());
            if (type != null && !rule.checks(type)) {
                out.add(new Messages.Term("verify.out_of_scope", f.rule(), f.unit(), type.yaml(),
                        String.join(", ", rule.checks().stream().map(UnitType::yaml).toList())));
            }
        }
        return out;
    }

    /** Messages whose template names a value the rule did not give: a mistake in the rule. */
    private static List<Messages.Term> unfilled(List<Report> reports) {
        List<Messages.Term> out = new ArrayList<>();
        for (Report report : reports) {
            for (Report.Entry e : report.findings()) {
                if (UNFILLED.matcher(e.title() + e.message()).find()) {
                    out.add(new Messages.Term("verify.unfilled", e.rule(), report.lang(), e.message()));
                }
            }
        }
        return out;
    }

    /** The case's report in one language, through the same check as {@code xuncha check}. */
    private static Report judge(RulePack pack, FactBase facts, String lang) {
        return Check.run(CheckRequest.of(new CheckRequest.Rules.Compiled(pack), new CheckRequest.Facts.Loaded(facts))
                .lang(lang).jobs(1), CheckListener.NONE).report();
    }
}
