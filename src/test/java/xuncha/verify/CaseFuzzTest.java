package xuncha.verify;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import xuncha.engine.RulePack;
import xuncha.engine.RuleSources;
import xuncha.fuzz.Fuzz;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Fuzzes the rule test cases policy staff write: read and run, or refused located. */
class CaseFuzzTest {
    private static final RulePack PACK = RulePack.load(RuleSources.folder(Path.of("rules"), "rules"));

    @Provide
    Arbitrary<String> cases() throws Exception {
        return Fuzz.mutated(List.of(Files.readString(Path.of("rules/tests/inspect.yaml")),
                Files.readString(Path.of("rules/tests/assess.yaml"))));
    }

    @Property
    void casesRunOrAreRefusedLocated(@ForAll("cases") String text) throws Exception {
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "fuzz")), "tests");
        try {
            Files.copy(Path.of("rules/tests/base.yaml"), dir.resolve("base.yaml"));
            Files.write(dir.resolve("case.yaml"), text.getBytes(StandardCharsets.UTF_8));
            Verifier verifier = new Verifier(PACK);
            Fuzz.readsOrRefuses(text.length(), () -> {
                long ran = 0;
                for (TestCase c : verifier.cases(dir, dir.toString(), null)) {
                    try {
                        verifier.run(c);
                        ran++;
                    } catch (xuncha.problems.InputException e) {
                        e.problems().forEach(p -> assertThat(p.message()).doesNotContain("Exception"));
                    }
                }
                return ran;
            });
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
