package xuncha.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import xuncha.facts.Location;
import xuncha.ledger.ClaimsWorkbook;
import xuncha.ledger.EvidenceStore;
import xuncha.ledger.LedgerDb;
import xuncha.ledger.LedgerJson;
import xuncha.ledger.LedgerStore;
import xuncha.ledger.LedgerText;
import xuncha.ledger.LedgerView;
import xuncha.ledger.LedgerXlsx;
import xuncha.problems.Messages;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code xuncha ledger}: the rectification ledger (整改台账) — every problem ever found with its state, the
 * counts and the rectification rate; {@code import} the units' filled 问题清单, {@code claim} one
 * rectification with its evidence, {@code review} a claim (销号 or 退回).
 */
@Command(name = "ledger", mixinStandardHelpOptions = true,
        subcommands = {LedgerCommand.Import.class, LedgerCommand.Claim.class, LedgerCommand.Review.class})
final class LedgerCommand implements Callable<Integer> {
    enum Format { text, json, xlsx }

    @Spec
    CommandSpec spec;

    @Option(names = "--db", paramLabel = "DB")
    String db;

    @Option(names = "--unit", paramLabel = "ID")
    List<String> units = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text")
    Format format;

    @Option(names = "--output", paramLabel = "FILE")
    Path output;

    @Mixin
    LangOption lang;

    /** Who did it: the name given, else the account's. */
    static String who(String by) {
        return by != null && !by.isBlank() ? by.strip() : System.getProperty("user.name", "");
    }

    @Override
    public Integer call() throws IOException {
        if (db == null) {
            throw new UsageError("usage.ledger_db");
        }
        if (output == null && format == Format.xlsx) {
            throw new UsageError("usage.workbook_to_terminal", "xlsx", "xlsx");
        }
        LedgerView view = new LedgerStore(LedgerDb.open(db)).view();
        if (!units.isEmpty()) {
            List<String> known = view.problems().stream().map(LedgerView.Problem::unit).distinct().toList();
            for (String u : units) {
                if (!known.contains(u)) {
                    throw new UsageError("usage.ledger_unit", u, db);
                }
            }
            view = view.of(units);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        switch (format) {
            case json -> LedgerJson.write(view, bytes);
            case xlsx -> LedgerXlsx.write(view, lang.code(), bytes);
            case text -> {
                PrintWriter w = new PrintWriter(new java.io.OutputStreamWriter(bytes, StandardCharsets.UTF_8));
                LedgerText.write(view, lang.code(), w);
                w.flush();
            }
        }
        if (output == null) {
            spec.commandLine().getOut().print(bytes.toString(StandardCharsets.UTF_8));
            spec.commandLine().getOut().flush();
        } else {
            if (!db.startsWith("jdbc:") && AtomicFile.sameFile(output, Path.of(db))) {
                throw new UsageError("usage.overwrites_input", db);
            }
            Path parent = output.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            AtomicFile.write(output, bytes.toByteArray());
        }
        return ExitCode.CLEAN.status();
    }

    /** {@code ledger import}: the units' filled 问题清单 recorded as claims. */
    @Command(name = "import", mixinStandardHelpOptions = true)
    static final class Import implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--db", paramLabel = "DB", required = true)
        String db;

        @Parameters(descriptionKey = "filled", paramLabel = "FILLED.xlsx", arity = "1..*")
        List<Path> workbooks;

        @Option(names = "--by", paramLabel = "NAME")
        String by;

        @Mixin
        LangOption lang;

        @Override
        public Integer call() {
            List<LedgerStore.ClaimInput> claims = new ArrayList<>();
            for (Path w : workbooks) {
                claims.addAll(ClaimsWorkbook.read(w, w.toString()));
            }
            LedgerStore store = new LedgerStore(LedgerDb.open(db));
            List<LedgerStore.ClaimOutcome> outcomes = store.claim(claims, new LedgerStore.Author(who(by), Instant.now()));
            PrintWriter err = spec.commandLine().getErr();
            int recorded = 0;
            int same = 0;
            int skipped = 0;
            for (LedgerStore.ClaimOutcome o : outcomes) {
                switch (o.outcome()) {
                    case RECORDED -> recorded++;
                    case SAME -> same++;
                    case UNKNOWN, ACCEPTED -> {
                        skipped++;
                        err.println(o.input().at() + ": " + Messages.text(lang.code(), "ledger.import_skipped."
                                + o.outcome().name().toLowerCase(java.util.Locale.ROOT), o.input().fingerprint()));
                    }
                }
            }
            spec.commandLine().getOut().println(Messages.text(lang.code(), "ledger.imported", recorded, same, skipped, db));
            spec.commandLine().getOut().flush();
            err.flush();
            return ExitCode.CLEAN.status();
        }
    }

    /** {@code ledger claim}: one unit's rectification of one problem, with its evidence files. */
    @Command(name = "claim", mixinStandardHelpOptions = true)
    static final class Claim implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--db", paramLabel = "DB", required = true)
        String db;

        @Parameters(descriptionKey = "fingerprint", paramLabel = "FINGERPRINT", arity = "1")
        String fingerprint;

        @Option(names = "--measures", paramLabel = "TEXT", required = true)
        String measures;

        @Option(names = "--responsible", paramLabel = "NAME", required = true)
        String responsible;

        @Option(names = "--done-on", paramLabel = "DATE")
        String doneOn;

        @Option(names = "--status", paramLabel = "TEXT")
        String status = "";

        @Option(names = "--evidence", paramLabel = "FILE")
        List<Path> evidence = new ArrayList<>();

        @Option(names = "--evidence-dir", paramLabel = "DIR")
        Path evidenceDir;

        @Option(names = "--by", paramLabel = "NAME")
        String by;

        @Mixin
        LangOption lang;

        @Override
        public Integer call() throws IOException {
            java.util.Optional<LocalDate> done = doneOn == null ? java.util.Optional.empty() : day(doneOn, "--done-on");
            if (measures.isBlank() || responsible.isBlank()) {
                throw new UsageError("usage.claim_blank");
            }
            LedgerDb opened = LedgerDb.open(db);
            List<EvidenceStore.Stored> stored = new ArrayList<>();
            if (!evidence.isEmpty()) {
                EvidenceStore files = EvidenceStore.beside(opened, evidenceDir);
                for (Path f : evidence) {
                    if (!Files.isRegularFile(f)) {
                        throw new UsageError("usage.evidence_file", f);
                    }
                    try (InputStream in = Files.newInputStream(f)) {
                        stored.add(files.store(f.getFileName().toString(), in, Location.ofFile(f.toString())));
                    }
                }
            }
            LedgerStore.ClaimInput input = new LedgerStore.ClaimInput(fingerprint, measures.strip(), responsible.strip(),
                    done, status.strip(), Location.ofFile("cli"), stored);
            LedgerStore.ClaimOutcome o = new LedgerStore(opened).claim(List.of(input),
                    new LedgerStore.Author(who(by), Instant.now())).get(0);
            switch (o.outcome()) {
                case UNKNOWN -> throw new UsageError("usage.ledger_unknown", fingerprint, db);
                case ACCEPTED -> throw new UsageError("usage.ledger_accepted", fingerprint);
                default -> spec.commandLine().getOut().println(Messages.text(lang.code(),
                        o.outcome() == LedgerStore.Outcome.SAME ? "ledger.claim_same" : "ledger.claimed", fingerprint,
                        stored.size()));
            }
            spec.commandLine().getOut().flush();
            return ExitCode.CLEAN.status();
        }
    }

    /** {@code ledger review}: the office accepts (销号) or returns (退回) a problem's latest claim. */
    @Command(name = "review", mixinStandardHelpOptions = true)
    static final class Review implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--db", paramLabel = "DB", required = true)
        String db;

        @Parameters(descriptionKey = "fingerprint", paramLabel = "FINGERPRINT", arity = "1")
        String fingerprint;

        @Option(names = "--accept")
        boolean accept;

        @Option(names = "--return")
        boolean giveBack;

        @Option(names = "--by", paramLabel = "NAME", required = true)
        String by;

        @Option(names = "--note", paramLabel = "TEXT")
        String note = "";

        @Option(names = "--on", paramLabel = "DATE")
        String on;

        @Mixin
        LangOption lang;

        @Override
        public Integer call() {
            if (accept == giveBack) {
                throw new UsageError("usage.accept_or_return");
            }
            LocalDate day = on == null ? LocalDate.now() : day(on, "--on").orElseThrow();
            LedgerView.Problem p = new LedgerStore(LedgerDb.open(db)).review(fingerprint, accept, by.strip(), day,
                    note.strip(), Instant.now());
            spec.commandLine().getOut().println(Messages.text(lang.code(), accept ? "ledger.reviewed_accept"
                    : "ledger.reviewed_return", fingerprint, p.unitName(), p.title()));
            spec.commandLine().getOut().flush();
            return ExitCode.CLEAN.status();
        }
    }

    static java.util.Optional<LocalDate> day(String text, String option) {
        java.util.Optional<LocalDate> d = xuncha.yaml.Dates.parse(text.strip())
                .or(() -> xuncha.yaml.Dates.corrected(text).flatMap(xuncha.yaml.Dates::parse));
        if (d.isEmpty()) {
            throw new UsageError("usage.date_option", option, text);
        }
        return d;
    }
}
