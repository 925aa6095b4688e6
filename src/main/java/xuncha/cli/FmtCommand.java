package xuncha.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import xuncha.facts.Location;
import xuncha.load.Canonical;
import xuncha.load.FactLoader;
import xuncha.problems.Diagnostic;
import xuncha.problems.Diagnostics;
import xuncha.problems.InputException;
import xuncha.problems.Messages;
import xuncha.problems.Rewrite;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code xuncha fmt}: rewrites facts files into the canonical form: the values a clerk may write in
 * Chinese ({@code 村}, {@code 是}) as their spellings, and dates written another way as YYYY-MM-DD.
 * Comments, order and layout stay as written; a file is replaced whole or not at all.
 */
@Command(name = "fmt", mixinStandardHelpOptions = true)
final class FmtCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(descriptionKey = "facts", paramLabel = "FACTS", arity = "1..*")
    List<String> paths = new ArrayList<>();

    @Option(names = "--check")
    boolean check;

    @Mixin
    EncodingOption encoding;

    @Mixin
    LangOption lang;

    @Override
    public Integer call() {
        Charset charset = encoding.charset();
        List<FactLoader.Input> files = FactLoader.inputs(paths);
        // The bytes as the loader read them: the rewrites' offsets are into exactly these.
        Map<Path, byte[]> read = new HashMap<>();
        FactLoader loader = new FactLoader(charset).onFile(read::put);
        List<Diagnostic> unreadable = new ArrayList<>();
        int rewritten = 0;
        for (FactLoader.Input file : files) {
            String shown = file.shown();
            if (!FactLoader.isYaml(file.path())) {
                unreadable.add(Diagnostic.of(Location.ofFile(shown), "fmt.not_yaml"));
                continue;
            }
            FactLoader.Rewrites r = loader.rewrites(file);
            unreadable.addAll(r.unreadable());
            if (!r.rewrites().isEmpty()) {
                rewritten += r.rewrites().size();
                list(shown, r.rewrites());
                if (!check && !write(file.path(), read.get(file.path()), shown, charset, r.rewrites(), unreadable)) {
                    break;
                }
            }
        }
        if (!unreadable.isEmpty()) {
            throw new InputException(unreadable);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(Messages.text(lang.code(), rewritten == 0 ? "fmt.nothing" : check ? "fmt.would" : "fmt.done",
                rewritten, files.size()));
        return check && rewritten > 0 ? ExitCode.FINDINGS.status() : ExitCode.CLEAN.status();
    }

    private void list(String shown, List<Rewrite> rewrites) {
        PrintWriter out = spec.commandLine().getOut();
        out.println(Messages.text(lang.code(), check ? "fmt.file_would" : "fmt.file", shown, rewrites.size()));
        for (Rewrite r : rewrites) {
            Location at = r.at();
            out.println("  " + Messages.text(lang.code(), "fmt.item", at.line(), at.column(),
                    Diagnostics.quote(r.was()), r.canonical()));
        }
    }

    /** Writes the file rewritten, in its own encoding; whether it was written (else why not, in {@code problems}). */
    private boolean write(Path file, byte[] bytes, String shown, Charset charset, List<Rewrite> rewrites,
                          List<Diagnostic> problems) {
        try {
            String text = new String(bytes, charset);
            AtomicFile.write(file, Canonical.apply(text, rewrites).getBytes(charset));
            return true;
        } catch (IOException e) {
            problems.add(Diagnostic.of(Location.ofFile(shown), "fmt.cannot_write", String.valueOf(e.getMessage())));
            return false;
        }
    }
}
