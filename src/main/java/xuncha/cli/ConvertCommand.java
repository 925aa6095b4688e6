package xuncha.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import xuncha.convert.WorkbookWriter;
import xuncha.convert.YamlWriter;
import xuncha.facts.FactBase;
import xuncha.load.FactLoader;
import xuncha.problems.InputException;
import xuncha.problems.Messages;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code xuncha convert}: facts from YAML files, folders and workbooks into one workbook (台账) or one
 * YAML file, by the extension of {@code --output}. The facts are read and checked as {@code check}
 * reads them; nothing is written from facts that are refused.
 */
@Command(name = "convert", mixinStandardHelpOptions = true)
final class ConvertCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(descriptionKey = "facts", paramLabel = "FACTS", arity = "1..*")
    List<String> paths = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true)
    Path output;

    @Mixin
    EncodingOption encoding;

    @Mixin
    LangOption lang;

    @Override
    public Integer call() {
        String name = output.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean workbook = name.endsWith(".xlsx");
        if (!workbook && !name.endsWith(".yaml") && !name.endsWith(".yml")) {
            throw new UsageError("usage.convert_output", output);
        }
        for (Path input : FactLoader.files(paths)) {
            if (AtomicFile.sameFile(input, output)) {
                throw new UsageError("usage.overwrites_input", output);
            }
        }
        try {
            FactBase facts = new FactLoader(encoding.charset()).load(paths);
            byte[] bytes = workbook ? workbook(facts, lang.code()) : YamlWriter.write(facts).getBytes(StandardCharsets.UTF_8);
            AtomicFile.writeNamed(output, bytes);
            spec.commandLine().getOut().println(Messages.text(lang.code(), "written.file", output, bytes.length));
            return ExitCode.CLEAN.status();
        } catch (InputException e) {
            return Problems.report(spec, e);
        }
    }

    /** The workbook of {@code facts}, its instructions sheet in {@code lang}. */
    static byte[] workbook(FactBase facts, String lang) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            WorkbookWriter.write(facts, instructions(lang), out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // written to memory: not the user's doing
        }
        return out.toByteArray();
    }

    static List<String> instructions(String lang) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; ; i++) {
            String key = "workbook.instructions." + i;
            if (!Messages.bundle(lang).containsKey(key)) {
                return lines;
            }
            lines.add(Messages.text(lang, key));
        }
    }
}
