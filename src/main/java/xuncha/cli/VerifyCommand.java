package xuncha.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import xuncha.engine.RuleInfo;
import xuncha.engine.RulePack;
import xuncha.engine.RuleSources;
import xuncha.problems.InputException;
import xuncha.verify.TestCase;
import xuncha.verify.Verifier;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code xuncha verify}: run the rule test cases of the rules folder (rules/tests/*.yaml). */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Run the rule test cases in the rules folder's tests/ and show each as pass or fail.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:every case passed (and, with --coverage, every rule is covered)",
                "1:some case failed, or a rule is not covered", "2:a case file or the pack is broken"})
final class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    LangOption lang;

    @Mixin
    PackOption pack;

    @Option(names = "--run", paramLabel = "PATTERN", description = "Only the cases whose file or name contains PATTERN.")
    String pattern;

    @Option(names = "--coverage", description = "List, per rule, the cases where it fires and where it holds; fail a rule without either.")
    boolean coverage;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            RuleSources sources = pack.sources();
            RulePack rules = RulePack.load(sources);
            Verifier verifier = new Verifier(rules);
            List<TestCase> cases = verifier.cases(sources.folder().resolve(Verifier.TESTS),
                    sources.shown() + "/" + Verifier.TESTS, pattern);
            List<Verifier.Result> results = new ArrayList<>();
            for (TestCase c : cases) {
                Verifier.Result r = verifier.run(c);
                results.add(r);
                print(out, r);
            }
            long failed = results.stream().filter(r -> !r.passed()).count();
            boolean uncovered = coverage && !coverage(out, rules, results);
            out.printf("%d passed, %d failed%n", results.size() - failed, failed);
            out.flush();
            return failed > 0 || uncovered ? ExitCode.FINDINGS.status() : ExitCode.CLEAN.status();
        } catch (InputException e) {
            return Problems.report(spec, e);
        }
    }

    private static void print(PrintWriter out, Verifier.Result r) {
        out.printf("%s  %s%n", r.passed() ? "PASS" : "FAIL", r.testCase().title());
        if (r.passed()) {
            return;
        }
        r.missing().forEach(e -> out.printf("        - expected, not found:  %s%n", e));
        r.extra().forEach(e -> out.printf("        + found, not expected:  %s%n", e));
        r.mistakes().forEach(m -> out.printf("        ! %s%n", m));
    }

    /** Prints, per rule, how many cases see it fire and hold; false when a rule lacks either. */
    private static boolean coverage(PrintWriter out, RulePack rules, List<Verifier.Result> results) {
        boolean all = true;
        out.println();
        out.printf("%-10s  %5s  %5s%n", "rule", "fires", "holds");
        for (RuleInfo rule : rules.rules()) {
            long fires = results.stream().filter(r -> r.actual().stream().anyMatch(a -> a.rule().equals(rule.id())))
                    .count();
            long holds = results.stream().filter(r -> r.testCase().rules().contains(rule.id()))
                    .filter(r -> r.actual().stream().noneMatch(a -> a.rule().equals(rule.id()))).count();
            boolean ok = fires > 0 && holds > 0;
            all &= ok;
            out.printf("%-10s  %5d  %5d%s%n", rule.id(), fires, holds, ok ? "" : "  NOT COVERED");
        }
        out.println();
        return all;
    }
}
