package xuncha.cli;

import xuncha.problems.Messages;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** {@code xuncha}: the command line. {@link #run} is what tests call. */
@Command(name = "xuncha", mixinStandardHelpOptions = true, version = "xuncha 0.1.0")
public final class Main {
    /** Every subcommand, in the order help lists them. */
    private static final java.util.List<Class<?>> COMMANDS = java.util.List.of(CheckCommand.class,
            VerifyCommand.class, RulesCommand.class, ImpactCommand.class, LintCommand.class, GenCommand.class,
            FmtCommand.class, SchemaCommand.class, ConvertCommand.class, TemplateCommand.class, LedgerCommand.class,
            DbCommand.class, UserCommand.class, ServeCommand.class, CommandLine.HelpCommand.class);

    /** Each subcommand by the name its own {@code @Command} gives it. */
    private static final java.util.Map<String, Class<?>> BY_NAME = COMMANDS.stream().collect(
            java.util.stream.Collectors.toUnmodifiableMap(c -> c.getAnnotation(Command.class).name(), c -> c));

    /** The command line with every subcommand: what help lists, and what a mistyped command is matched against. */
    static CommandLine all() {
        CommandLine cli = new CommandLine(new Main());
        COMMANDS.forEach(cli::addSubcommand);
        return cli;
    }

    /**
     * The command line for {@code args}: when they start with the name of a subcommand other than
     * help, with that subcommand alone, else with all ({@link #all}). Picocli reads every option of
     * every command it is given by reflection, a fifth of a second before anything starts; a run
     * needs its own command only, and help and mistakes still see them all.
     */
    static CommandLine forArgs(String[] args) {
        Class<?> named = args.length > 0 ? BY_NAME.get(args[0]) : null;
        if (named != null && named != CommandLine.HelpCommand.class) {
            return new CommandLine(new Main()).addSubcommand(named);
        }
        return all();
    }

    public static void main(String[] args) {
        System.exit(run(args, utf8(FileDescriptor.out), utf8(FileDescriptor.err)));
    }

    /** Runs xuncha with {@code args}; the report and messages go to {@code out} and {@code err}. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, System.getenv());
    }

    /** {@link #run} in the environment {@code env}, which says the language when no --lang does ({@link #defaultLang}). */
    public static int run(String[] args, PrintWriter out, PrintWriter err, java.util.Map<String, String> env) {
        String fallback = defaultLang(env);
        String lang = lang(args, fallback);
        CommandLine cli = forArgs(args)
                .setResourceBundle(Messages.help(lang))
                .setDefaultValueProvider(arg -> arg instanceof CommandLine.Model.OptionSpec o
                        && o.longestName().equals("--lang") ? fallback : null)
                .setOut(out)
                .setErr(err)
                .setParameterExceptionHandler((e, given) -> UsageMistakes.report(e, lang))
                .setCaseInsensitiveEnumValuesAllowed(false)
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    String said = Problems.lang(cmd.getCommandSpec());
                    // What the user wrote wrong, said once here for every command, in their language.
                    if (e instanceof UsageError u) {
                        cmd.getErr().println("xuncha " + cmd.getCommandName() + ": " + u.in(said));
                        return ExitCode.UNUSABLE.status();
                    }
                    if (e instanceof xuncha.check.RequestException r) {
                        cmd.getErr().println("xuncha " + cmd.getCommandName() + ": " + r.in(said));
                        return ExitCode.UNUSABLE.status();
                    }
                    if (e instanceof xuncha.problems.InputException i) {
                        return Problems.report(cmd.getCommandSpec(), i);
                    }
                    cmd.getErr().println("xuncha: " + Messages.text(said, "main.internal_error", String.valueOf(e)));
                    if (System.getenv("XUNCHA_DEBUG") != null) {
                        e.printStackTrace(cmd.getErr());
                    }
                    return ExitCode.UNUSABLE.status();
                });
        cli.setExitCodeExceptionMapper(e -> ExitCode.UNUSABLE.status());
        int status;
        try {
            status = cli.execute(args);
        } catch (OutOfMemoryError e) {
            err.println("xuncha: " + Messages.text(lang, "main.out_of_memory", Runtime.getRuntime().maxMemory() >> 20));
            status = ExitCode.UNUSABLE.status();
        }
        out.flush();
        err.flush();
        return status;
    }

    /** The language the arguments ask for with --lang, else {@code fallback}. */
    private static String lang(String[] args, String fallback) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--lang=en") || args[i].equals("--lang") && i + 1 < args.length && args[i + 1].equals("en")) {
                return "en";
            }
            if (args[i].equals("--lang=zh") || args[i].equals("--lang") && i + 1 < args.length && args[i + 1].equals("zh")) {
                return "zh";
            }
        }
        return fallback;
    }

    /**
     * The language when --lang is not given: {@code XUNCHA_LANG} ({@code zh} or {@code en}) when set,
     * else English under an English locale (the first of LC_ALL, LC_MESSAGES and LANG that is set
     * begins with {@code en}), else Chinese, the language of the people xuncha is for.
     */
    static String defaultLang(java.util.Map<String, String> env) {
        String chosen = env.getOrDefault("XUNCHA_LANG", "");
        if (chosen.equals("zh") || chosen.equals("en")) {
            return chosen;
        }
        for (String name : java.util.List.of("LC_ALL", "LC_MESSAGES", "LANG")) {
            String locale = env.getOrDefault(name, "");
            if (!locale.isEmpty()) {
                return locale.startsWith("en") ? "en" : "zh";
            }
        }
        return "zh";
    }

    /** Standard streams in UTF-8 whatever the locale, so that Chinese prints under LANG=C too. */
    private static PrintWriter utf8(FileDescriptor fd) {
        return new PrintWriter(new OutputStreamWriter(new FileOutputStream(fd), StandardCharsets.UTF_8), true);
    }
}
