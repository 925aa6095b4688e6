package xuncha.cli;

import picocli.CommandLine.Command;
import xuncha.problems.Messages;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import xuncha.gen.Generator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/** {@code xuncha gen}: synthetic counties, a folder each, for trying xuncha at scale and for benchmarks. */
@Command(name = "gen", mixinStandardHelpOptions = true)
final class GenCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    LangOption lang;

    @Option(names = "--counties", paramLabel = "N", required = true)
    int counties;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1")
    long seed;

    @Option(names = "--problem-rate", paramLabel = "R", defaultValue = "0.05")
    double problemRate;

    @Option(names = "--out", paramLabel = "DIR", required = true)
    Path out;

    @Override
    public Integer call() {
        if (counties < 1 || counties > 9999) {
            return usage("usage.counties", counties);
        }
        if (!(problemRate >= 0 && problemRate <= 1)) {
            return usage("usage.problem_rate", problemRate);
        }
        try {
            if (Files.exists(out) && (!Files.isDirectory(out) || !isEmpty(out))) {
                return usage("usage.gen_folder_not_empty", out);
            }
            Generator gen = new Generator(seed, problemRate);
            long bytes = 0;
            for (int n = 1; n <= counties; n++) {
                Path folder = out.resolve(Generator.folder(n));
                Files.createDirectories(folder);
                for (Map.Entry<String, String> file : gen.county(n).entrySet()) {
                    byte[] content = file.getValue().getBytes(StandardCharsets.UTF_8);
                    Files.write(folder.resolve(file.getKey()), content);
                    bytes += content.length;
                }
            }
            spec.commandLine().getOut().println(xuncha.problems.Messages.text(lang.code(), "gen.written", out, counties,
                    bytes, seed));
            return ExitCode.CLEAN.status();
        } catch (IOException e) {
            return usage("usage.cannot_write", out, String.valueOf(e.getMessage()));
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    private int usage(String key, Object... args) {
        spec.commandLine().getErr().println("xuncha gen: " + Messages.text(lang.code(), key, args));
        return ExitCode.UNUSABLE.status();
    }
}
