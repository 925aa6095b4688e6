package xuncha.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xuncha.Run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Inspection rounds: each check against the report of the round before. */
class RoundsTest {
    private static final Path SAMPLE = Path.of("fixtures/yangqu-2022.yaml");

    @TempDir
    Path dir;

    private Path round(String name, String... fromTo) throws Exception {
        String text = Files.readString(SAMPLE);
        for (int i = 0; i < fromTo.length; i += 2) {
            assertThat(text).contains(fromTo[i]);
            text = text.replace(fromTo[i], fromTo[i + 1]);
        }
        Path file = dir.resolve(name + ".yaml");
        Files.writeString(file, text);
        return file;
    }

    private JsonNode check(Path facts, Path baseline, Path out) throws Exception {
        List<String> args = new ArrayList<>(List.of("check", "--format", "json", "--output", out.toString()));
        if (baseline != null) {
            args.addAll(List.of("--baseline", baseline.toString()));
        }
        args.add(facts.toString());
        Run run = Run.xuncha(args.toArray(String[]::new));
        assertThat(run.err()).isEmpty();
        return new ObjectMapper().readTree(out.toFile());
    }

    private static List<String> withState(JsonNode report, String state) {
        List<String> out = new ArrayList<>();
        report.get("findings").forEach(f -> {
            if (f.get("state").asText().equals(state)) {
                out.add(f.get("rule").asText() + " " + f.get("unit").asText());
            }
        });
        return out;
    }

    private static final String[] FIX_TWO_BREAK_ONE = {
            "venue: \"\", annual_funds: 0", "venue: 东黄水镇青年之家, annual_funds: 0",
            "role: brigade_counselor, monthly_allowance: 800", "role: brigade_counselor, monthly_allowance: 1000",
            "  - {id: dhs-v1, name: 东黄水村, type: village, parent: dhs-party}",
            "  - {id: dhs-v1, name: 东黄水村, type: village, parent: dhs-party}\n  - {id: dhs-v2, name: 新村, type: village, parent: dhs-party}"};

    @Test
    void twoProblemsFixedAndOneNewGiveTwoRectifiedOneNewAndTheRestPersisting() throws Exception {
        Path r1 = dir.resolve("r1.json");
        JsonNode first = check(SAMPLE, null, r1);
        assertThat(withState(first, "new")).hasSize(24);

        JsonNode second = check(round("round2", FIX_TWO_BREAK_ONE), r1, dir.resolve("r2.json"));
        assertThat(withState(second, "new")).containsExactly("COVER-03 dhs-v2");
        assertThat(withState(second, "persisting")).hasSize(22);
        assertThat(withState(second, "regressed")).isEmpty();
        List<String> rectified = new ArrayList<>();
        second.get("rectified").forEach(f -> rectified.add(f.get("rule").asText() + " " + f.get("unit").asText()));
        assertThat(rectified).containsExactlyInAnyOrder("GRASS-02 dhs-league", "FUND-03 sch-dy-primary");
        assertThat(second.get("counts").get("new").asInt()).isEqualTo(1);
        assertThat(second.get("counts").get("persisting").asInt()).isEqualTo(22);
        assertThat(second.get("counts").get("rectified").asInt()).isEqualTo(2);
        assertThat(second.get("rectified_ever")).hasSize(2);
        second.get("findings").forEach(f -> {
            if (f.get("state").asText().equals("persisting")) {
                assertThat(f.get("first_seen").asText()).isEqualTo("2022-10-24");
            }
        });
    }

    @Test
    void aProblemRectifiedInOneRoundThatComesBackLaterIsRegressed() throws Exception {
        check(SAMPLE, null, dir.resolve("r1.json"));
        check(round("round2", FIX_TWO_BREAK_ONE), dir.resolve("r1.json"), dir.resolve("r2.json"));
        // round 3: the venue is gone again; nothing else changes
        String[] venueGoneAgain = FIX_TWO_BREAK_ONE.clone();
        venueGoneAgain[1] = venueGoneAgain[0];
        JsonNode third = check(round("round3", venueGoneAgain), dir.resolve("r2.json"), dir.resolve("r3.json"));
        assertThat(withState(third, "regressed")).containsExactly("GRASS-02 dhs-league");
        assertThat(withState(third, "new")).isEmpty();
        assertThat(third.get("rectified_ever")).hasSize(2);
    }

    @Test
    void persistingPastTheRectificationPeriodIsOverdue() throws Exception {
        check(SAMPLE, null, dir.resolve("r1.json"));
        JsonNode day60 = check(round("day60", "as_of: 2022-10-24", "as_of: 2022-12-23"), dir.resolve("r1.json"),
                dir.resolve("r2.json"));
        JsonNode day61 = check(round("day61", "as_of: 2022-10-24", "as_of: 2022-12-24"), dir.resolve("r1.json"),
                dir.resolve("r3.json"));
        // On day 60 only the problem fed back in May is overdue: its deadline is its own (INSPECT-02).
        assertThat(overdue(day60)).containsExactly("INSPECT-02");
        // On day 61 every finding is, but the year counts: they can be made good until 31 December.
        List<String> late = overdue(day61);
        assertThat(late).hasSize(22).doesNotContain("REPORT-02");
        assertThat(day61.get("findings")).filteredOn(f -> f.get("rule").asText().equals("REPORT-02"))
                .allSatisfy(f -> assertThat(f.get("deadline").asText()).isEqualTo("2022-12-31"));
    }

    private static List<String> overdue(JsonNode report) {
        List<String> overdue = new ArrayList<>();
        report.get("findings").forEach(f -> {
            if (f.get("overdue").asBoolean()) {
                overdue.add(f.get("rule").asText());
            }
        });
        return overdue;
    }

    @Test
    void textTallySaysTheStates() throws Exception {
        check(SAMPLE, null, dir.resolve("r1.json"));
        Run run = Run.xuncha("check", "--baseline", dir.resolve("r1.json").toString(),
                round("round2", FIX_TWO_BREAK_ONE).toString());
        assertThat(run.out()).startsWith("本轮对比：新发现 1，仍存在 22，逾期未整改 1，反弹 0，已整改 2，整改率 8%\n"
                        + "本轮新发现和反弹的问题：\n  违规  COVER-03    新村未配备团建指导员\n上轮以来已整改的问题：\n")
                .contains("[新发现]").contains("[仍存在，2022年10月24日起]")
                .endsWith("；新发现 1，仍存在 22，反弹 0，已整改 2\n");
    }

    @Test
    void baselineThatIsNotAReportIsExitTwoLocated() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"findings\": [\n  {\"rule\": }\n]}");
        Run run = Run.xuncha("check", "--lang", "en", "--baseline", bad.toString(), SAMPLE.toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains(bad + ":2:12: error: the baseline is not JSON: Unexpected character");
        Files.writeString(bad, "{\"version\": 1}");
        assertThat(Run.xuncha("check", "--lang", "en", "--baseline", bad.toString(), SAMPLE.toString()).err())
                .contains("the baseline is not a JSON report of xuncha check");
    }
}
