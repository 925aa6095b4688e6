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
        spec.commandLine().getErr().print(Diagnostics.render(e.problems(), lang(spec)));
        spec.commandLine().getErr().flush();
        return ExitCode.UNUSABLE.status();
    }

    /** The language the command speaks: its {@code --lang}, Chinese when it has none. */
    static String lang(CommandSpec spec) {
        var option = spec.findOption("--lang");
        Object value = option == null ? null : option.getValue();
        return value == null ? "zh" : value.toString();
    }
}
