package xuncha.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import xuncha.ledger.LedgerDb;
import xuncha.problems.Messages;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code xuncha db}: the ledger's database itself. */
@Command(name = "db", mixinStandardHelpOptions = true, subcommands = DbCommand.Backup.class)
final class DbCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCode.UNUSABLE.status();
    }

    /** {@code db backup DB OUT}: a consistent copy, made while others use the database, into a new SQLite file. */
    @Command(name = "backup", mixinStandardHelpOptions = true)
    static final class Backup implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", descriptionKey = "db", paramLabel = "DB")
        String db;

        @Parameters(index = "1", descriptionKey = "out", paramLabel = "OUT")
        Path out;

        @Mixin
        LangOption lang;

        @Override
        public Integer call() {
            LedgerDb.open(db).backup(out);
            spec.commandLine().getOut().println(Messages.text(lang.code(), "ledger.backed_up", db, out));
            spec.commandLine().getOut().flush();
            return ExitCode.CLEAN.status();
        }
    }
}
