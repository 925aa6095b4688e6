package xuncha.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import xuncha.check.Check;
import xuncha.check.CheckListener;
import xuncha.check.CheckRequest;
import xuncha.engine.SessionLimits;
import xuncha.findings.Level;
import xuncha.ledger.LedgerDb;
import xuncha.ledger.LedgerStore;
import xuncha.problems.InputException;
import xuncha.render.Renderer;
import xuncha.render.Renderers;
import xuncha.report.Report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code xuncha check}: load the facts, run the pack, print the report (cli.md). */
@Command(name = "check", mixinStandardHelpOptions = true)
final class CheckCommand implements Callable<Integer> {
    enum FailOn { violation, warning, never }

    @Spec
    CommandSpec spec;

    @Parameters(descriptionKey = "facts", paramLabel = "PATH", arity = "1..*")
    List<String> paths;

    @Mixin
    PackOption pack;

    @Option(names = "--format", paramLabel = "FORMAT", split = ",")
    List<String> formats = new ArrayList<>();

    @Option(names = "--output", paramLabel = "FILE")
    Path output;

    @Option(names = "--output-dir", paramLabel = "DIR")
    Path outputDir;

    @Mixin
    LangOption lang;

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "violation")
    FailOn failOn;

    @Mixin
    EncodingOption encoding;

    @Option(names = "--rule", paramLabel = "ID")
    List<String> onlyRules = new ArrayList<>();

    @Option(names = "--unit", paramLabel = "ID")
    List<String> onlyUnits = new ArrayList<>();

    @Option(names = "--set", paramLabel = "NAME=VALUE")
    Map<String, String> sets = new LinkedHashMap<>();

    @Option(names = "--baseline", paramLabel = "PREVIOUS.json")
    Path baseline;

    @Option(names = "--waivers", paramLabel = "FILE")
    Path waivers;

    @Option(names = "--jobs", paramLabel = "N")
    int jobs = Runtime.getRuntime().availableProcessors();

    @Mixin
    LimitsOption limits;

    @Option(names = "--sender", paramLabel = "TEXT")
    String sender;

    @Option(names = "--every-unit")
    boolean everyUnit;

    @Option(names = "--explain")
    boolean explain;

    @Option(names = "--db", paramLabel = "DB")
    String db;

    @Option(names = "--round", paramLabel = "NAME")
    String round;

    @Option(names = "--by", paramLabel = "NAME")
    String by;

    @Override
    public Integer call() {
        try {
            List<Renderer> renderers = renderers();
            if (jobs < 1) {
                throw new UsageError("usage.jobs", jobs);
            }
            SessionLimits sessionLimits = limits.limits();
            Charset charset = encoding.charset();
            notAnInput(renderers);
            ProgressLine progress = ProgressLine.forTerminal(spec.commandLine().getErr(), lang.chinese());
            CheckRequest request = CheckRequest.of(new CheckRequest.Rules.Folder(pack::sources),
                            new CheckRequest.Facts.Files(paths, charset))
                    .lang(lang.code()).jobs(jobs).explain(explain).sets(sets).only(onlyRules, onlyUnits)
                    .rounds(baseline, waivers).limits(sessionLimits);
            CheckListener listener = progress == null ? CheckListener.NONE : progress.listener();
            Report report = db == null ? Check.run(request, listener).report() : recorded(request, listener);
            write(renderers, report);
            if (db != null) {
                spec.commandLine().getErr().println(xuncha.problems.Messages.text(lang.code(), "ledger.recorded", round,
                        db, report.findings().stream().filter(e -> !e.waived()).count()));
            }
            return exitCode(report).status();
        } catch (InputException e) {
            return Problems.report(spec, e);
        } catch (IOException e) {
            spec.commandLine().getErr().println("xuncha check: " + xuncha.problems.Messages.text(lang.code(),
                    "check.cannot_write", String.valueOf(e.getMessage())));
            return ExitCode.UNUSABLE.status();
        }
    }

    /** The check run as a round of the ledger {@code --db}: its states from the rounds before, the round recorded. */
    private Report recorded(CheckRequest request, CheckListener listener) {
        LedgerStore store = new LedgerStore(LedgerDb.open(db));
        return store.recordRound(round, new LedgerStore.Author(LedgerCommand.who(by), java.time.Instant.now()),
                prior -> Check.run(request.priorRound(prior::apply), listener).report());
    }

    private ExitCode exitCode(Report report) {
        return switch (failOn) {
            case never -> ExitCode.CLEAN;
            case warning -> report.anyAtLeast(Level.WARNING) ? ExitCode.FINDINGS : ExitCode.CLEAN;
            case violation -> report.anyAtLeast(Level.VIOLATION) ? ExitCode.FINDINGS : ExitCode.CLEAN;
        };
    }

    /** The formats asked for, checked against the outputs given before anything is loaded or run. */
    private List<Renderer> renderers() {
        if (db != null && round == null || db == null && round != null) {
            throw new UsageError("usage.db_and_round");
        }
        if (db != null && baseline != null) {
            throw new UsageError("usage.db_or_baseline");
        }
        if (output != null && outputDir != null) {
            throw new UsageError("usage.output_and_folder");
        }
        List<String> names = formats.isEmpty() ? (outputDir == null ? List.of("text") : Renderers.names())
                : formats.stream().distinct().toList();
        List<Renderer> out = new ArrayList<>();
        for (String name : names) {
            Renderer r = Renderers.byName(name).orElseThrow(() -> new UsageError("usage.format", name,
                    String.join(", ", Renderers.names())));
            out.add(r.with(new Renderer.Options(sender == null ? "" : sender, everyUnit)));
        }
        if (out.size() > 1 && outputDir == null) {
            throw new UsageError("usage.formats_need_folder", String.join(", ", names));
        }
        if (outputDir == null && output == null && out.get(0).binary()) {
            throw new UsageError("usage.workbook_to_terminal", out.get(0).name(), out.get(0).extension());
        }
        return out;
    }

    /**
     * Every report is rendered before any is put in place, so that a failure never leaves half a file
     * behind: each file is written beside its target (a province's JSON is never held in memory), and
     * only when all are written does each replace its earlier version in one step.
     */
    private void write(List<Renderer> renderers, Report report) throws IOException {
        Map<Path, AtomicFile.Staged> files = new LinkedHashMap<>();
        Map<Path, Map<String, byte[]>> folders = new LinkedHashMap<>();
        Map<Path, String> pieces = new LinkedHashMap<>();
        try {
            for (Renderer renderer : renderers) {
                boolean oneFile = output != null && output.getFileName().toString().endsWith("." + renderer.extension());
                if (renderer.isFolder() && !oneFile && (output != null || outputDir != null)) {
                    Path target = output != null ? output : outputDir.resolve(renderer.name());
                    folders.put(target, renderer.files(report));
                    pieces.put(target, renderer.pieces());
                    continue;
                }
                if (output == null && outputDir == null) {
                    CharsOut stdout = new CharsOut(spec.commandLine().getOut());
                    renderer.render(report, stdout);
                    stdout.flush();
                    return;
                }
                Path target = output != null ? output : outputDir.resolve("report." + renderer.extension());
                Files.createDirectories(target.toAbsolutePath().getParent());
                files.put(target, AtomicFile.stage(target, out -> renderer.render(report, out)));
            }
        } catch (IOException | RuntimeException e) {
            files.values().forEach(AtomicFile.Staged::discard);
            throw e;
        }
        PrintWriter out = spec.commandLine().getOut();
        for (Map.Entry<Path, AtomicFile.Staged> file : files.entrySet()) {
            long size = file.getValue().size();
            file.getValue().commit();
            if (outputDir != null) {
                out.println(xuncha.problems.Messages.text(lang.code(), "written.file", file.getKey(), size));
            }
        }
        for (Map.Entry<Path, Map<String, byte[]>> folder : folders.entrySet()) {
            AtomicFile.replaceFolder(folder.getKey(), folder.getValue());
            if (outputDir != null) {
                out.println(xuncha.problems.Messages.text(lang.code(), "written.folder", folder.getKey(),
                        folder.getValue().size(), new xuncha.problems.Messages.Term("written.pieces." + pieces.get(folder.getKey()))));
            }
        }
        out.flush();
    }

    /**
     * Refuses a report that would overwrite one of the run's own inputs (a facts file, the baseline,
     * the waivers): the input would be lost, and a rerun would read the report as facts.
     */
    private void notAnInput(List<Renderer> renderers) {
        List<Path> targets = new ArrayList<>();
        if (output != null) {
            targets.add(output);
        } else if (outputDir != null) {
            renderers.forEach(r -> targets.add(outputDir.resolve(r.isFolder() ? r.name()
                    : "report." + r.extension())));
        }
        List<Path> inputs = new ArrayList<>(xuncha.load.FactLoader.files(paths));
        if (baseline != null) {
            inputs.add(baseline);
        }
        if (waivers != null) {
            inputs.add(waivers);
        }
        for (Path target : targets) {
            for (Path input : inputs) {
                if (AtomicFile.sameFile(target, input) || Files.isDirectory(target) && input.toAbsolutePath().normalize()
                        .startsWith(target.toAbsolutePath().normalize())) {
                    throw new UsageError("usage.overwrites_input", input);
                }
            }
        }
    }
}
