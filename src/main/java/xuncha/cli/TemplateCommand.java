package xuncha.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import xuncha.facts.FactBase;
import xuncha.load.FactLoader;
import xuncha.problems.Messages;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code xuncha template}: a facts workbook to fill in, with the example rows of one township (the
 * template of docs/模板-乡镇.yaml), drop-down lists of the allowed values and the instructions.
 */
@Command(name = "template", mixinStandardHelpOptions = true)
final class TemplateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", defaultValue = "台账.xlsx")
    Path output;

    @Mixin
    LangOption lang;

    @Override
    public Integer call() throws IOException {
        if (!output.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx")) {
            throw new UsageError("usage.template_output", output);
        }
        if (Files.exists(output)) {
            throw new UsageError("usage.template_exists", output);
        }
        Path example = Files.createTempFile("xuncha-template", ".yaml");
        try (InputStream in = TemplateCommand.class.getResourceAsStream("/xuncha/template.yaml")) {
            Files.write(example, in.readAllBytes());
            FactBase facts = new FactLoader(StandardCharsets.UTF_8).load(List.of(example.toString()));
            byte[] bytes = ConvertCommand.workbook(facts, lang.code());
            AtomicFile.writeNamed(output, bytes);
            spec.commandLine().getOut().println(Messages.text(lang.code(), "template.written", output));
            return ExitCode.CLEAN.status();
        } finally {
            Files.deleteIfExists(example);
        }
    }
}
