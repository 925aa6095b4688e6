package xuncha.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import xuncha.engine.RulePack;
import xuncha.ledger.LedgerDb;
import xuncha.problems.Messages;
import xuncha.server.Users;
import xuncha.server.Workspace;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code xuncha serve}: the workspace in a browser, for an office and its units. */
@Command(name = "serve", mixinStandardHelpOptions = true)
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--db", paramLabel = "DB")
    String db = UserCommand.DEFAULT_DB;

    @Option(names = "--host", paramLabel = "HOST")
    String host = "127.0.0.1";

    @Option(names = "--port", paramLabel = "PORT")
    int port = 8080;

    @Option(names = "--data", paramLabel = "DIR")
    Path data;

    @Mixin
    PackOption pack;

    @Mixin
    LangOption lang;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            throw new UsageError("usage.port", port);
        }
        LedgerDb opened = LedgerDb.open(db);
        if (new Users(opened).all().stream().noneMatch(u -> u.role() == Users.Role.ADMIN)) {
            throw new UsageError("usage.serve_no_admin", db);
        }
        RulePack rules = RulePack.load(pack.sources());
        Path folder = data != null ? data : Path.of(db.startsWith("jdbc:") ? "xuncha-data" : db + ".data");
        Workspace w = new Workspace(opened, rules, folder);
        int bound;
        try {
            bound = w.start(host, port);
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof java.net.BindException) {
                    throw new UsageError("usage.serve_taken", host, port);
                }
            }
            throw new UsageError("usage.serve_port", host, port, String.valueOf(e.getMessage()));
        }
        spec.commandLine().getOut().println(Messages.text(lang.code(), "serve.started", host, bound, opened.shown(), folder));
        spec.commandLine().getOut().flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            w.stop();
            stopped.countDown();
        }));
        stopped.await();
        return ExitCode.CLEAN.status();
    }
}
