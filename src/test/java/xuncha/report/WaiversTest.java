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

/** Waivers are governed records: approved, dated, reported when expired, stale or about to expire. */
class WaiversTest {
    private static final String SAMPLE = "fixtures/yangqu-2022.yaml";

    @TempDir
    Path dir;

    private Path waivers(String... lines) throws Exception {
        Path file = dir.resolve("waivers.yaml");
        Files.writeString(file, "waivers:\n" + String.join("\n", lines) + "\n");
        return file;
    }

    private static final String INSPECT_01 = "  - {rule: INSPECT-01, unit: yq-party, reason: 方案已印发, approved_by: 县委巡察办,"
            + " approved_on: 2022-09-01, expires: %s}";

    @Test
    void waivingTheOnlyViolationMakesTheExitStatusZeroAndKeepsTheFinding() throws Exception {
        assertThat(Run.xuncha("check", "--rule", "INSPECT-01", SAMPLE).status()).isEqualTo(1);
        Path w = waivers(INSPECT_01.formatted("2023-06-30"));
        Run run = Run.xuncha("check", "--format", "json", "--rule", "INSPECT-01", "--waivers", w.toString(), SAMPLE);
        assertThat(run.status()).isZero();
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertThat(report.get("findings")).hasSize(1);
        assertThat(report.get("findings").get(0).get("waiver").get("approved_by").asText()).isEqualTo("县委巡察办");
        assertThat(report.get("counts").get("violation").asInt()).isZero();
        assertThat(report.get("counts").get("waived").asInt()).isEqualTo(1);
        assertThat(report.get("waiver_notices")).isEmpty();
    }

    @Test
    void expiredStaleAndExpiringWaiversAreEachReported() throws Exception {
        Path w = waivers(INSPECT_01.formatted("2022-11-23"),
                "  - {rule: GRASS-02, unit: hz-league, reason: 改造中, approved_by: 组织部, approved_on: 2022-06-01, expires: 2023-06-01}",
                "  - {rule: FUND-03, unit: sch-dy-primary, person: p-coun-2, reason: 预算调整, approved_by: 财政局,"
                        + " approved_on: 2022-01-01, expires: 2022-10-23}");
        Run run = Run.xuncha("check", "--format", "json", "--waivers", w.toString(), SAMPLE);
        JsonNode report = new ObjectMapper().readTree(run.out());
        List<String> notices = new ArrayList<>();
        report.get("waiver_notices").forEach(n -> notices.add(n.get("status").asText() + " " + n.get("rule").asText()
                + " " + n.get("expires").asText()));
        assertThat(notices).containsExactly("expiring INSPECT-01 2022-11-23", "stale GRASS-02 2023-06-01",
                "expired FUND-03 2022-10-23");
        assertThat(report.get("counts").get("waived").asInt()).isEqualTo(1);
        assertThat(report.get("counts").get("violation").asInt()).isEqualTo(19);
        assertThat(Run.xuncha("check", "--waivers", w.toString(), SAMPLE).out())
                .contains("豁免提示").contains("已过期（2022-10-23），不再适用").contains("未对应任何问题")
                .contains("将于 2022-11-23 到期");
    }

    @Test
    void waiverExpiringThirtyOneDaysAfterAsOfIsNoReminder() throws Exception {
        Path w = waivers(INSPECT_01.formatted("2022-11-24"));
        JsonNode report = new ObjectMapper().readTree(
                Run.xuncha("check", "--format", "json", "--waivers", w.toString(), SAMPLE).out());
        assertThat(report.get("waiver_notices")).isEmpty();
    }

    @Test
    void badWaiversFileIsLocatedAndExitTwo() throws Exception {
        Path w = waivers("  - {rule: INSPECT-1, unit: yq-party, reason: x, approved_by: y, approved_on: 2022-09-01, expires: 2022-13-01}",
                "  - {rule: GRASS-02, unit: hz-league, approved_by: y, approved_on: 2022-09-01, expires: 2023-01-01}");
        Run run = Run.xuncha("check", "--lang", "en", "--waivers", w.toString(), SAMPLE);
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains(w + ":2:12: error: rule 'INSPECT-1' not found; did you mean 'INSPECT-01'?")
                .contains(w + ":2:100: error: 'expires' is not a real date: '2022-13-01'")
                .contains(w + ":3:5: error: missing required field 'reason' in waiver")
                .doesNotContain("Exception");
    }
}
