package xuncha.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import xuncha.Run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schema an editor checks facts files with: the shipped copy is what {@code xuncha schema}
 * writes, it accepts the sample and every fixture, and refuses what a schema can see of the
 * mistakes xuncha refuses (a misspelled field first of all).
 */
class FactsSchemaTest {
    private static final Path SHIPPED = Path.of("docs/facts.schema.json");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonSchema schema() throws IOException {
        // enumDescriptions: the meanings editors show in completion lists; nothing to validate.
        JsonMetaSchema meta = JsonMetaSchema.builder(JsonMetaSchema.getV7())
                .keyword(new NonValidationKeyword("enumDescriptions")).build();
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7, b -> b.metaSchema(meta))
                .getSchema(JSON.readTree(FactsSchema.json("zh")));
    }

    private static Set<ValidationMessage> validate(String yaml) throws IOException {
        return schema().validate(YAML.readTree(yaml));
    }

    @Test
    void theShippedSchemaIsTheOneXunchaWrites() throws IOException {
        String made = Run.xuncha("schema").out();
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(SHIPPED, made);
        }
        assertThat(Files.readString(SHIPPED)).as("docs/facts.schema.json: run mvn test -Dgolden.update=true").isEqualTo(made);
        assertThat(made).contains("\"description\" : \"上级单位的编号（不是名称）；县委不写\"");
        assertThat(Run.xuncha("schema", "--lang", "en").out()).contains("The id (not the name) of the unit it belongs to");
    }

    @Test
    void theSampleAndEveryFixtureAreValid() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of("fixtures"))) {
            files = walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).contains(Path.of("fixtures/yangqu-2022.yaml"));
        for (Path file : files) {
            JsonNode facts = YAML.readTree(file.toFile());
            assertThat(schema().validate(facts)).as(file.toString()).isEmpty();
        }
    }

    @Test
    void valuesWrittenInChineseAreValid() throws IOException {
        assertThat(validate("""
                year: 2024
                as_of: 2024-11-15
                units:
                  - {id: c, name: 县委, type: 县委}
                  - {id: s, name: 小学, type: 中小学校, parent: c, level: 小学, young_pioneer_committee: 是}
                people:
                  - {id: p1, name: 甲, party_member: 否, roles: [{unit: s, role: 大队辅导员}]}
                evaluations:
                  - {id: e1, person: p1, unit: c, year: 2024, total: 80,
                     weights: {实地考察: 20, 青年点评: 20, 团内述职: 30, 党政主评: 30},
                     scores: {field_inspection: 80, youth_review: 80, league_report: 80, party_government: 80}}
                """)).isEmpty();
    }

    @Test
    void aMisspelledFieldIsFlaggedWhereItIs() throws IOException {
        Set<ValidationMessage> found = validate("""
                year: 2024
                as_of: 2024-11-15
                units:
                  - id: lh-v1
                    name: 柳河村
                    type: village
                    parnet: lh-party
                """);
        assertThat(found).anySatisfy(m -> {
            assertThat(m.getInstanceLocation().toString()).isEqualTo("$.units[0]");
            assertThat(m.getMessage()).contains("parnet");
        });
    }

    private static final String COUNTY = "year: 2024\nas_of: 2024-11-15\nunits:\n"
            + "  - {id: c, name: 阳曲县委, type: county_party_committee}\n";

    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of("a value outside its list", COUNTY + "  - {id: v, name: 村, type: vilage, parent: c}\n"),
                Arguments.of("a date written another way", COUNTY + "people:\n  - {id: p, name: 甲, birth_date: 2024/3/5}\n"),
                Arguments.of("a boolean neither yes nor no", COUNTY + "people:\n  - {id: p, name: 甲, party_member: 可能}\n"),
                Arguments.of("a negative amount",
                        COUNTY + "  - {id: t, name: 团委, type: township_league_committee, parent: c, annual_funds: -5}\n"),
                Arguments.of("a number in quotes",
                        COUNTY + "  - {id: s, name: 学校, type: school, parent: c, young_pioneers: '30'}\n"),
                Arguments.of("a unit without its parent", COUNTY + "  - {id: v, name: 村, type: village}\n"),
                Arguments.of("a county with a parent", COUNTY + "  - {id: c2, name: 县委, type: county_party_committee, parent: c}\n"),
                Arguments.of("a name where an id belongs", COUNTY + "  - {id: v, name: 村, type: village, parent: 阳曲县委}\n"),
                Arguments.of("an id with capitals", COUNTY + "  - {id: V1, name: 村, type: village, parent: c}\n"),
                Arguments.of("an instructor without a source", COUNTY
                        + "people:\n  - {id: p, name: 甲, roles: [{unit: c, role: league_building_instructor}]}\n"),
                Arguments.of("a full-width colon taken as part of a key", COUNTY + "people:\n  - {id: p, name：甲}\n"),
                Arguments.of("an evaluation with three parts", "evaluations:\n  - {id: e, person: p, unit: c, year: 2024,"
                        + " total: 1, weights: {field_inspection: 50, youth_review: 50, league_report: 0},"
                        + " scores: {field_inspection: 1, youth_review: 1, league_report: 1, party_government: 1}}\n"),
                Arguments.of("a version other than 1", "version: 2\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void mistakesASchemaCanSeeAreRefused(String what, String yaml) throws IOException {
        assertThat(validate(yaml)).as(what).isNotEmpty();
    }

    @Test
    void theRecordListsAreTheReadersOwn() {
        List<String> lists = FactsFormat.fields(FactsFormat.FILE).stream()
                .filter(f -> f.shape() == FactsFormat.Shape.RECORDS).map(FactsFormat.Field::name).toList();
        assertThat(lists).isEqualTo(RecordKinds.keys());
    }
}
