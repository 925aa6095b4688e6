package xuncha.cli;

import picocli.CommandLine.Option;
import xuncha.engine.RuleSources;

import java.nio.file.Files;
import java.nio.file.Path;

/** {@code --rules DIR}, shared by every command that loads a rule pack. */
final class PackOption {
    @Option(names = "--rules", paramLabel = "DIR")
    String rules;

    RuleSources sources() {
        if (rules != null) {
            return RuleSources.folder(Path.of(rules), rules);
        }
        return Files.isDirectory(Path.of("rules")) ? RuleSources.folder(Path.of("rules"), "rules")
                : RuleSources.builtIn();
    }
}
