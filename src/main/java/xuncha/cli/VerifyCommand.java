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
import xuncha.problems.Messages;
import xuncha.verify.TestCase;
import xuncha.verify.Verifier;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code xuncha verify}: run the rule test cases of the rules folder (rules/tests/*.yaml). */
@Command(name = "verify", mixinStandardHelpOptions = true)
final class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    LangOption lang;

    @Mixin
    PackOption pack;

    @Option(names = "--run", paramLabel = "PATTERN")
    String pattern;

    @Option(names = "--coverage")
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
                print(out, r, lang.code());
            }
            long failed = results.stream().filter(r -> !r.passed()).count();
            boolean uncovered = coverage && !coverage(out, rules, results, lang.code());
            out.println(Messages.text(lang.code(), "verify.tally", results.size() - failed, failed));
            out.flush();
            return failed > 0 || uncovered ? ExitCode.FINDINGS.status() : ExitCode.CLEAN.status();
        } catch (InputException e) {
            return Problems.report(spec, e);
        }
    }

    private static void print(PrintWriter out, Verifier.Result r, String lang) {
        out.printf("%s  %s%n", Messages.text(lang, r.passed() ? "verify.pass" : "verify.fail"), r.testCase().title());
        if (r.passed()) {
            return;
        }
        r.missing().forEach(e -> out.printf("        - %s  %s%n", Messages.text(lang, "verify.missing"), e));
        r.extra().forEach(e -> out.printf("        + %s  %s%n", Messages.text(lang, "verify.extra"), e));
        r.mistakes().forEach(m -> out.printf("        ! %s%n", m.in(lang)));
    }

    /** Prints, per rule, how many cases see it fire and hold; false when a rule lacks either. */
    private static boolean coverage(PrintWriter out, RulePack rules, List<Verifier.Result> results, String lang) {
        boolean all = true;
        out.println();
        out.println(Messages.text(lang, "verify.coverage_head"));
        for (RuleInfo rule : rules.rules()) {
            long fires = results.stream().filter(r -> r.actual().stream().anyMatch(a -> a.rule().equals(rule.id())))
                    .count();
            long holds = results.stream().filter(r -> r.testCase().rules().contains(rule.id()))
                    .filter(r -> r.actual().stream().noneMatch(a -> a.rule().equals(rule.id()))).count();
            boolean ok = fires > 0 && holds > 0;
            all &= ok;
            out.printf("%-10s  %5d  %5d%s%n", rule.id(), fires, holds, ok ? "" : "  " + Messages.text(lang, "verify.not_covered"));
        }
        out.println();
        return all;
    }
}
