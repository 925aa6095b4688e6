package xuncha.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import xuncha.ledger.LedgerDb;
import xuncha.problems.Messages;
import xuncha.server.Passwords;
import xuncha.server.Users;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code xuncha user}: the workspace's users. */
@Command(name = "user", mixinStandardHelpOptions = true, subcommands = {UserCommand.Add.class, UserCommand.ListUsers.class})
final class UserCommand implements Callable<Integer> {
    /** The database the workspace keeps when none is named: beside where it is started. */
    static final String DEFAULT_DB = "xuncha.db";

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCode.UNUSABLE.status();
    }

    /**
     * {@code user add NAME --role ROLE [--unit ID]...}: adds a user, or changes one (a new password, role
     * or units). The password is read from standard input, never from an argument (it would show in
     * the shell's history and in the list of processes).
     */
    @Command(name = "add", mixinStandardHelpOptions = true)
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(descriptionKey = "name", paramLabel = "NAME", arity = "1")
        String name;

        @Option(names = "--role", paramLabel = "ROLE", required = true)
        String role;

        @Option(names = "--unit", paramLabel = "ID")
        List<String> units = new ArrayList<>();

        @Option(names = "--db", paramLabel = "DB")
        String db = DEFAULT_DB;

        @Mixin
        LangOption lang;

        @Override
        public Integer call() throws IOException {
            Users.Role r = Users.Role.of(role).filter(x -> x != Users.Role.DISABLED)
                    .orElseThrow(() -> new UsageError("usage.user_role", role));
            if (name.isBlank() || name.length() > 100 || !name.strip().equals(name)) {
                throw new UsageError("usage.user_name", name);
            }
            if (r == Users.Role.CLERK && units.isEmpty()) {
                throw new UsageError("usage.user_units");
            }
            if (r != Users.Role.CLERK && !units.isEmpty()) {
                throw new UsageError("usage.user_no_units", role);
            }
            char[] password = password();
            try {
                if (password.length < Passwords.MIN_LENGTH) {
                    throw new UsageError("usage.user_password", Passwords.MIN_LENGTH);
                }
                Users users = new Users(LedgerDb.open(db));
                boolean known = users.find(name).isPresent();
                users.put(name, r, new LinkedHashSet<>(units), Passwords.hash(password), LedgerCommand.who(null),
                        known ? "user.changed" : "user.added");
                spec.commandLine().getOut().println(Messages.text(lang.code(), known ? "user.changed" : "user.added",
                        name, Messages.text(lang.code(), "role." + r.key()), db));
                spec.commandLine().getOut().flush();
                return ExitCode.CLEAN.status();
            } finally {
                Arrays.fill(password, '\0');
            }
        }

        /** At a terminal: asked for twice, not shown. Otherwise: the first line of standard input. */
        private char[] password() throws IOException {
            Console console = System.console();
            if (console != null) {
                char[] first = console.readPassword("%s", Messages.text(lang.code(), "user.password_prompt", name));
                char[] again = console.readPassword("%s", Messages.text(lang.code(), "user.password_again"));
                if (first == null || again == null || !Arrays.equals(first, again)) {
                    throw new UsageError("usage.user_password_differs");
                }
                Arrays.fill(again, '\0');
                return first;
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line = in.readLine();
            if (line == null) {
                throw new UsageError("usage.user_password_missing");
            }
            return line.toCharArray();
        }
    }

    /** {@code user list}: who may sign in, with what role and units. */
    @Command(name = "list", mixinStandardHelpOptions = true)
    static final class ListUsers implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--db", paramLabel = "DB")
        String db = DEFAULT_DB;

        @Mixin
        LangOption lang;

        @Override
        public Integer call() {
            for (Users.User u : new Users(LedgerDb.open(db)).all()) {
                spec.commandLine().getOut().println(u.name() + "\t" + Messages.text(lang.code(), "role." + u.role().key())
                        + (u.units().isEmpty() ? "" : "\t" + String.join(", ", u.units())));
            }
            spec.commandLine().getOut().flush();
            return ExitCode.CLEAN.status();
        }
    }
}
