package xuncha.check;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import xuncha.engine.RulePack;
import xuncha.engine.RuleSources;
import xuncha.fuzz.Fuzz;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Fuzzes {@code check --set NAME=VALUE}: applied, or a usage error of one short line. */
class SetFuzzTest {
    private static final RulePack PACK = RulePack.load(RuleSources.folder(Path.of("rules"), "rules"));

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.oneOf(Arbitraries.of(PACK.thresholds().all().keySet()),
                Arbitraries.of("evaluation_weights.youth_review", "evaluation_weights.nope", "nope", "",
                        "rectification_days.x", "x".repeat(100_000)),
                Arbitraries.strings().all().ofMaxLength(30));
    }

    @Provide
    Arbitrary<String> values() {
        return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.of("1e999999999", "0.5", "-1", "1e18", "NaN", "60", "0.1", "9".repeat(100_000)));
    }

    @Property
    void setIsAppliedOrAShortUsageError(@ForAll("names") String name, @ForAll("values") String value) {
        Fuzz.readsOrRefuses(name.length() + value.length(), () -> {
            try {
                Scope.thresholds(Map.of(name, value), PACK).values().forEach(t -> assertThat(t.name()).isNotEmpty());
            } catch (RequestException e) {
                assertThat(e.getMessage().length()).isLessThan(700);
            }
            return 0L;
        });
    }
}
