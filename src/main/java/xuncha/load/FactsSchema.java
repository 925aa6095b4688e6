package xuncha.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import xuncha.facts.Labelled;
import xuncha.facts.RoleKind;
import xuncha.facts.UnitType;
import xuncha.problems.Messages;
import xuncha.yaml.Dates;
import xuncha.yaml.Fields;
import xuncha.yaml.Spellings;

import java.util.Arrays;
import java.util.List;

/**
 * The JSON Schema (draft-07) of the facts format, made from {@link FactsFormat}: what an editor
 * with yaml-language-server (VS Code's YAML extension and the editors built on it) completes and
 * checks as a clerk types. Every field and value has its meaning as its description, in the
 * language asked for; values may be written by their Chinese names, as xuncha reads them.
 */
public final class FactsSchema {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String DATE = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";

    private final String lang;

    private FactsSchema(String lang) {
        this.lang = lang;
    }

    /** The schema as JSON text, descriptions in {@code lang}. */
    public static String json(String lang) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(new FactsSchema(lang).schema()) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ObjectNode schema() {
        ObjectNode root = mapping(FactsFormat.FILE);
        ObjectNode head = JSON.objectNode();
        head.put("$schema", "http://json-schema.org/draft-07/schema#");
        head.put("title", text("schema.title"));
        head.setAll(root);
        ObjectNode definitions = head.putObject("definitions");
        for (String kind : FactsFormat.kinds()) {
            if (!kind.equals(FactsFormat.FILE)) {
                definitions.set(kind, mapping(kind));
            }
        }
        return head;
    }

    private String text(String key) {
        return Messages.text(lang, key);
    }

    /** A mapping of {@code kind}: its fields, those required, nothing else. */
    private ObjectNode mapping(String kind) {
        ObjectNode m = JSON.objectNode();
        m.put("description", text("schema." + kind));
        m.put("type", "object");
        ObjectNode properties = m.putObject("properties");
        ArrayNode required = JSON.arrayNode();
        for (FactsFormat.Field f : FactsFormat.fields(kind)) {
            ObjectNode p = shape(f);
            p.put("description", text("schema." + kind + "." + f.name()));
            properties.set(f.name(), p);
            if (f.required()) {
                required.add(f.name());
            }
        }
        if (!required.isEmpty()) {
            m.set("required", required);
        }
        m.put("additionalProperties", false);
        if (kind.equals("unit")) {
            m.set("allOf", JSON.arrayNode().add(parentUnlessCounty()));
        } else if (kind.equals("role")) {
            ArrayNode all = m.putArray("allOf");
            all.add(requires(Arrays.stream(RoleKind.values()).filter(RoleKind::needsSource).toList(), "source"));
            all.add(requires(List.of(RoleKind.YOUTH_WORK_COMMITTEE_MEMBER), "grid"));
            all.add(requires(List.of(RoleKind.INDUSTRY_LIAISON), "industry"));
        }
        return m;
    }

    /** Every unit but a county party committee names its parent. */
    private ObjectNode parentUnlessCounty() {
        ObjectNode rule = JSON.objectNode();
        rule.set("if", whenValue("type", List.of(UnitType.COUNTY_PARTY_COMMITTEE)));
        rule.putObject("then").putObject("not").set("required", JSON.arrayNode().add("parent"));
        rule.putObject("else").set("required", JSON.arrayNode().add("parent"));
        return rule;
    }

    /** A role of one of {@code roles} requires {@code field}. */
    private ObjectNode requires(List<RoleKind> roles, String field) {
        ObjectNode rule = JSON.objectNode();
        rule.set("if", whenValue("role", roles));
        rule.putObject("then").set("required", JSON.arrayNode().add(field));
        return rule;
    }

    private ObjectNode whenValue(String field, List<? extends Labelled> values) {
        ObjectNode when = JSON.objectNode();
        when.set("required", JSON.arrayNode().add(field));
        ArrayNode written = when.putObject("properties").putObject(field).putArray("enum");
        values.forEach(v -> Spellings.written(v).forEach(written::add));
        return when;
    }

    private ObjectNode shape(FactsFormat.Field f) {
        ObjectNode s = JSON.objectNode();
        switch (f.shape()) {
            case VERSION -> s.put("const", 1);
            case ID, UNIT_REF, PERSON_REF -> id(s);
            case TEXT -> s.set("type", JSON.arrayNode().add("string").add("number"));
            case DATE -> s.put("type", "string").put("pattern", DATE);
            case YEAR -> s.put("type", "integer").put("minimum", Dates.FIRST_YEAR).put("maximum", Dates.LAST_YEAR);
            case COUNT -> s.put("type", "integer").put("minimum", 0).put("maximum", Fields.MAX_COUNT);
            case AMOUNT -> s.put("type", "number").put("minimum", 0);
            case NUMBER -> s.put("type", "number");
            case BOOLEAN -> s.set("anyOf", JSON.arrayNode().add(JSON.objectNode().put("type", "boolean"))
                    .add(JSON.objectNode().set("enum", texts(Spellings.YES_NO))));
            case CHOICE -> choice(s, f.values());
            case CHOICES -> s.put("type", "array").set("items", choice(JSON.objectNode(), f.values()));
            case UNIT_REFS, PERSON_REFS -> s.put("type", "array").set("items", id(JSON.objectNode()));
            case PARTS -> parts(s);
            case RECORDS -> s.put("type", "array").putObject("items").put("$ref", "#/definitions/" + f.records());
        }
        return s;
    }

    private static ArrayNode texts(List<String> values) {
        ArrayNode out = JSON.arrayNode();
        values.forEach(out::add);
        return out;
    }

    private static ObjectNode id(ObjectNode s) {
        s.set("type", JSON.arrayNode().add("string").add("integer"));
        s.put("pattern", "^" + Fields.ID.pattern() + "$");
        s.put("minimum", 0);
        return s;
    }

    /** One of the values, by spelling or Chinese name; each with its meaning (for completion lists). */
    private ObjectNode choice(ObjectNode s, Class<? extends Labelled> type) {
        ArrayNode values = s.putArray("enum");
        ArrayNode meanings = s.putArray("enumDescriptions");
        for (Labelled v : type.getEnumConstants()) {
            if (!Spellings.writable(v)) {
                continue;
            }
            for (String written : Spellings.written(v)) {
                values.add(written);
                meanings.add(v.zh() + " (" + v.yaml() + ")");
            }
        }
        return s;
    }

    /** The four parts of an evaluation, each 0 to 100, by spelling or Chinese name. */
    private void parts(ObjectNode s) {
        s.put("type", "object");
        ObjectNode properties = s.putObject("properties");
        for (xuncha.facts.EvaluationPart p : xuncha.facts.EvaluationPart.values()) {
            for (String written : Spellings.written(p)) {
                properties.putObject(written).put("type", "number").put("minimum", 0).put("maximum", 100)
                        .put("description", p.zh());
            }
        }
        s.put("minProperties", xuncha.facts.EvaluationPart.values().length);
        s.put("maxProperties", xuncha.facts.EvaluationPart.values().length);
        s.put("additionalProperties", false);
    }
}
