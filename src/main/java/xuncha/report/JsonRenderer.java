package xuncha.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import xuncha.facts.Labelled;
import xuncha.findings.Level;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The machine-readable report of cli.md, field for field. */
final class JsonRenderer implements Renderer {
    private static final JsonFactory JSON = new JsonFactory();

    @Override
    public String name() {
        return "json";
    }

    @Override
    public String extension() {
        return "json";
    }

    @Override
    public void render(Report report, OutputStream out) throws IOException {
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeNumberField("version", 1);
            g.writeNumberField("year", report.year());
            g.writeStringField("as_of", report.asOf().toString());
            g.writeNumberField("units", report.units());
            g.writeNumberField("rules", report.rules());
            g.writeObjectFieldStart("counts");
            for (Level l : Level.values()) {
                g.writeNumberField(l.yaml(), report.count(l));
            }
            for (String state : List.of(Report.Tracking.NEW, Report.Tracking.PERSISTING, Report.Tracking.REGRESSED)) {
                g.writeNumberField(state, report.inState(state));
            }
            g.writeNumberField("rectified", report.rounds().rectified().size());
            g.writeNumberField("waived", report.waived());
            g.writeEndObject();
            g.writeArrayFieldStart("findings");
            for (Report.Entry e : report.findings()) {
                finding(g, e);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("rectified");
            for (Report.Entry e : report.rounds().rectified()) {
                finding(g, e);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("waiver_notices");
            for (Report.WaiverNotice n : report.waiverNotices()) {
                g.writeStartObject();
                g.writeStringField("status", n.status());
                g.writeStringField("rule", n.waiver().rule());
                g.writeStringField("unit", n.waiver().unit());
                optional(g, "person", n.waiver().person());
                g.writeStringField("expires", n.waiver().expires().toString());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("rectified_ever");
            for (String fingerprint : report.rounds().rectifiedEver()) {
                g.writeString(fingerprint);
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    /** One finding as the check report writes it; the impact report writes its findings the same way. */
    static void finding(JsonGenerator g, Report.Entry e) throws IOException {
        g.writeStartObject();
        g.writeStringField("rule", e.rule());
        g.writeStringField("level", e.level().yaml());
        g.writeStringField("unit", e.unit());
        g.writeStringField("unit_name", e.unitName());
        optional(g, "person", e.person());
        optional(g, "person_name", e.personName());
        g.writeStringField("title", e.title());
        g.writeStringField("message", e.message());
        g.writeStringField("fingerprint", e.fingerprint());
        g.writeStringField("state", e.tracking().state());
        g.writeStringField("first_seen", e.tracking().firstSeen().toString());
        g.writeBooleanField("overdue", e.tracking().overdue());
        optional(g, "deadline", e.tracking().deadline().map(Object::toString).orElse(""));
        if (e.waiver().isPresent()) {
            var w = e.waiver().get();
            g.writeObjectFieldStart("waiver");
            g.writeStringField("reason", w.reason());
            g.writeStringField("approved_by", w.approvedBy());
            g.writeStringField("approved_on", w.approvedOn().toString());
            g.writeStringField("expires", w.expires().toString());
            g.writeEndObject();
        } else {
            g.writeNullField("waiver");
        }
        evidence(g, e.evidence());
        g.writeEndObject();
    }

    private static void evidence(JsonGenerator g, Report.Evidence evidence) throws IOException {
        g.writeObjectFieldStart("evidence");
        g.writeArrayFieldStart("facts");
        for (String id : evidence.facts()) {
            g.writeString(id);
        }
        g.writeEndArray();
        for (Map.Entry<String, Object> c : evidence.compared().entrySet()) {
            g.writeFieldName(c.getKey());
            value(g, c.getValue());
        }
        g.writeFieldName("thresholds");
        value(g, evidence.thresholds());
        g.writeEndObject();
    }

    /** A value as JSON: numbers exact, dates ISO, enum values as spelled in the facts. */
    private static void value(JsonGenerator g, Object v) throws IOException {
        if (v instanceof BigDecimal d) {
            g.writeNumber(d.stripTrailingZeros().toPlainString());
        } else if (v instanceof Number n) {
            g.writeNumber(n.longValue());
        } else if (v instanceof Labelled l) {
            g.writeString(l.yaml());
        } else if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                g.writeFieldName(e.getKey() instanceof Labelled l ? l.yaml() : String.valueOf(e.getKey()));
                value(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof Collection<?> c) {
            g.writeStartArray();
            for (Object o : c) {
                value(g, o);
            }
            g.writeEndArray();
        } else if (v == null) {
            g.writeNull();
        } else {
            g.writeString(String.valueOf(v));
        }
    }

    private static void optional(JsonGenerator g, String name, String value) throws IOException {
        if (value.isEmpty()) {
            g.writeNullField(name);
        } else {
            g.writeStringField(name, value);
        }
    }
}
