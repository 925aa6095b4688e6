package xuncha.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** {@code xuncha}: the command line. {@link #run} is what tests call. */
@Command(name = "xuncha", mixinStandardHelpOptions = true, version = "xuncha 0.1.0",
        description = "巡察: checks Party-led Youth League building (党建带团建) facts against the rule pack.",
        subcommands = {CheckCommand.class, VerifyCommand.class, RulesCommand.class, ImpactCommand.class, LintCommand.class,
                GenCommand.class, CommandLine.HelpCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.exit(run(args, utf8(FileDescriptor.out), utf8(FileDescriptor.err)));
    }

    /** Runs xuncha with {@code args}; the report and messages go to {@code out} and {@code err}. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main())
                .setOut(out)
                .setErr(err)
                .setCaseInsensitiveEnumValuesAllowed(false)
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    cmd.getErr().println("xuncha: internal error: " + e);
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
            err.printf("xuncha: out of memory (the Java heap is %d MB). Give Java more (XUNCHA_JAVA_OPTS=-Xmx2g"
                    + " with ./xuncha, java -Xmx2g -jar otherwise), or keep the facts as a folder per county: such a"
                    + " folder is checked county by county, in the memory of one county.%n",
                    Runtime.getRuntime().maxMemory() >> 20);
            status = ExitCode.UNUSABLE.status();
        }
        out.flush();
        err.flush();
        return status;
    }

    /** Standard streams in UTF-8 whatever the locale, so that Chinese prints under LANG=C too. */
    private static PrintWriter utf8(FileDescriptor fd) {
        return new PrintWriter(new OutputStreamWriter(new FileOutputStream(fd), StandardCharsets.UTF_8), true);
    }
}
