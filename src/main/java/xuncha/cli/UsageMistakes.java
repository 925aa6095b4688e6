package xuncha.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import xuncha.problems.Messages;

import java.util.ArrayList;
import java.util.List;

/**
 * A command line picocli cannot parse (an unknown option, a missing file, a value not allowed),
 * said in the user's language with what to do, instead of picocli's English message and the whole
 * help: one line, then where the help is.
 */
final class UsageMistakes {
    private UsageMistakes() {
    }

    static int report(ParameterException e, String lang) {
        CommandLine cmd = e.getCommandLine();
        String name = cmd.getCommandSpec().qualifiedName();
        cmd.getErr().println(name + ": " + Messages.text(lang, key(e), values(e)));
        cmd.getErr().println(Messages.text(lang, "usage.see_help", name));
        cmd.getErr().flush();
        return ExitCode.UNUSABLE.status();
    }

    private static String key(ParameterException e) {
        if (e instanceof CommandLine.UnmatchedArgumentException u) {
            return u.isUnknownOption() ? (u.getSuggestions().isEmpty() ? "usage.unknown_option" : "usage.unknown_option_like")
                    : "usage.extra_argument";
        }
        if (e instanceof CommandLine.MissingParameterException) {
            return "usage.missing";
        }
        if (e.getArgSpec() == null && e.getCommandLine().getParseResult() != null
                && !e.getCommandLine().getSubcommands().isEmpty() && !e.getCommandLine().getParseResult().hasSubcommand()) {
            return "usage.no_command";
        }
        if (e instanceof CommandLine.OverwrittenOptionException) {
            return "usage.option_twice";
        }
        if (e.getArgSpec() instanceof OptionSpec o && e.getValue() != null) {
            return candidates(o).isEmpty() ? "usage.bad_value" : "usage.bad_choice";
        }
        return "usage.other";
    }

    private static Object[] values(ParameterException e) {
        if (e instanceof CommandLine.UnmatchedArgumentException u) {
            String first = u.getUnmatched().isEmpty() ? "" : u.getUnmatched().get(0);
            return new Object[] {first, String.join(", ", u.getSuggestions())};
        }
        if (e instanceof CommandLine.MissingParameterException m) {
            List<String> missing = new ArrayList<>();
            for (ArgSpec a : m.getMissing()) {
                missing.add(a instanceof OptionSpec o ? o.longestName() : a.paramLabel());
            }
            return new Object[] {String.join(", ", missing)};
        }
        if (e instanceof CommandLine.OverwrittenOptionException o) {
            return new Object[] {o.getOverwritten() instanceof OptionSpec spec ? spec.longestName() : ""};
        }
        if (e.getArgSpec() instanceof OptionSpec o && e.getValue() != null) {
            return new Object[] {o.longestName(), e.getValue(), String.join(", ", candidates(o))};
        }
        return new Object[] {String.valueOf(e.getMessage())};
    }

    private static List<String> candidates(OptionSpec o) {
        List<String> out = new ArrayList<>();
        if (o.completionCandidates() != null) {
            o.completionCandidates().forEach(out::add);
        }
        return out;
    }
}
