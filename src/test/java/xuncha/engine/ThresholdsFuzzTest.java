package xuncha.engine;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import xuncha.fuzz.Fuzz;
import xuncha.problems.Diagnostics;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Fuzzes the thresholds file (defaults and local standards) that policy staff edit. */
class ThresholdsFuzzTest {
    private static final Path SHIPPED = Path.of("rules", RuleSources.THRESHOLDS);

    @Provide
    Arbitrary<String> thresholds() throws Exception {
        String shipped = Files.readString(SHIPPED);
        String local = shipped + "local:\n  yq-party: {rectification_days: 30, league_building_min_share: 0.12,"
                + " evaluation_weights: {field_inspection: 20, youth_review: 20, league_report: 30,"
                + " party_government: 30}}\n";
        return Fuzz.mutated(List.of(shipped, local));
    }

    @Property
    void thresholdsAreReadOrRefusedLocated(@ForAll("thresholds") String text) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "fuzz"));
        Path file = Files.createTempFile(dir, "thresholds", ".yaml");
        Files.write(file, text.getBytes(StandardCharsets.UTF_8));
        Thresholds reference = Thresholds.read(SHIPPED, "rules/thresholds.yaml", null, new Diagnostics());
        try {
            Fuzz.readsOrRefuses(text.length(), () -> {
                Diagnostics problems = new Diagnostics();
                Thresholds read = Thresholds.read(file, file.toString(), reference, problems);
                problems.throwIfAny();
                read.forCounty("yq-party").facts();
                return 0L;
            });
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Provide
    Arbitrary<String> values() {
        return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(50),
                Arbitraries.of("1e999999999", "0.5", "-1", "1e18", "NaN", "Infinity", "0x10", "1_0", "", " ", "2.",
                        ".5", "1e-7", "00001", "+3", "١٢", "３", "99999999999999999999999999999999999999999"));
    }

    @Property
    void anyThresholdValueIsCheckedByItsType(@ForAll("values") String text) {
        for (String name : List.of("rectification_days", "league_building_min_share", "evaluation_weights.youth_review",
                "navigator_max_age", "counselor_min_monthly_allowance", "evaluation_total_tolerance", "made_up")) {
            Fuzz.readsOrRefuses(text.length(), () -> {
                try {
                    java.math.BigDecimal v = Thresholds.value(name, text);
                    org.assertj.core.api.Assertions.assertThat(v.precision() - v.scale()).isLessThanOrEqualTo(16);
                } catch (xuncha.yaml.Decimals.Refused e) {
                    org.assertj.core.api.Assertions.assertThat(e.getMessage().length()).isLessThan(300);
                }
                return 0L;
            });
        }
    }
}
