package xuncha.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xuncha.Run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** A finding's fingerprint survives what does not change the finding: lines, files, thresholds. */
class FingerprintTest {
    private static final Path SAMPLE = Path.of("fixtures/yangqu-2022.yaml");

    @TempDir
    Path dir;

    private static Map<String, String> fingerprints(String... args) throws Exception {
        Run run = Run.xuncha(args);
        Map<String, String> out = new TreeMap<>();
        for (JsonNode f : new ObjectMapper().readTree(run.out()).get("findings")) {
            String who = f.get("rule").asText() + " " + f.get("unit").asText() + " " + f.get("person").asText()
                    + " " + f.get("evidence").get("facts");
            assertThat(out.put(f.get("fingerprint").asText(), who)).as("unique fingerprint").isNull();
        }
        return out;
    }

    @Test
    void fingerprintsSurviveShiftedLinesARenamedSplitFileAndOtherThresholds() throws Exception {
        Map<String, String> before = fingerprints("check", "--format", "json", SAMPLE.toString());
        assertThat(before).hasSize(24);
        assertThat(before.keySet()).allMatch(f -> f.matches("[0-9a-f]{16}"));

        String text = Files.readString(SAMPLE);
        int people = text.indexOf("\npeople:");
        Files.writeString(dir.resolve("b-units.yaml"), "# moved and renamed\n\n\n" + text.substring(0, people) + "\n");
        Files.writeString(dir.resolve("a-people-and-the-rest.yaml"), text.substring(people + 1));
        Map<String, String> after = fingerprints("check", "--format", "json",
                "--set", "township_league_reports_per_year=3", "--set", "rectification_days=100", dir.toString());
        assertThat(after.keySet()).contains(before.entrySet().stream()
                .filter(e -> !e.getValue().startsWith("INSPECT-03")).map(Map.Entry::getKey).toArray(String[]::new));
    }
}
