package xuncha.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import xuncha.load.FactsSchema;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code xuncha schema}: the JSON Schema of the facts format, for editors that check YAML as it is typed. */
@Command(name = "schema", mixinStandardHelpOptions = true)
final class SchemaCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE")
    Path output;

    @Mixin
    LangOption lang;

    @Override
    public Integer call() {
        String schema = FactsSchema.json(lang.code());
        if (output == null) {
            spec.commandLine().getOut().print(schema);
            return ExitCode.CLEAN.status();
        }
        AtomicFile.writeNamed(output, schema.getBytes(StandardCharsets.UTF_8));
        return ExitCode.CLEAN.status();
    }
}
