package xuncha.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import xuncha.lint.Lint;
import xuncha.problems.Diagnostics;
import xuncha.problems.InputException;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code xuncha lint}: everything wrong with a rules folder, located. */
@Command(name = "lint", mixinStandardHelpOptions = true)
final class LintCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    LangOption lang;

    @Mixin
    PackOption pack;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            Lint.Result result = Lint.run(pack.sources());
            if (result.problems().isEmpty()) {
                out.println(xuncha.problems.Messages.text(lang.code(), "lint.clean", result.rules(), result.thresholds(),
                        result.cases()));
                out.flush();
                return ExitCode.CLEAN.status();
            }
            out.print(Diagnostics.render(result.problems(), lang.code()));
            out.flush();
            return ExitCode.FINDINGS.status();
        } catch (InputException e) {
            return Problems.report(spec, e);
        }
    }
}
