package xuncha.cli;

import picocli.CommandLine.Model.CommandSpec;
import xuncha.problems.Diagnostics;
import xuncha.problems.InputException;

/** What every command does with input it cannot use: each located problem on standard error, exit 2. */
final class Problems {
    private Problems() {
    }

    static int report(CommandSpec spec, InputException e) {
        spec.commandLine().getOut().flush();
        spec.commandLine().getErr().print(Diagnostics.render(e.problems()));
        spec.commandLine().getErr().flush();
        return ExitCode.UNUSABLE.status();
    }
}
