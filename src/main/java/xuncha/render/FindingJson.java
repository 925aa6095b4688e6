package xuncha.render;

import com.fasterxml.jackson.core.JsonGenerator;
import xuncha.facts.Labelled;
import xuncha.report.Report;
import xuncha.report.ReportJson;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;

/**
 * One finding as JSON, the same in the check report and the impact report, under the field names
 * of {@link ReportJson}.
 */
final class FindingJson {
    private FindingJson() {
    }

    /** One finding as the check report writes it; the impact report writes its findings the same way. */
    static void write(JsonGenerator g, Report.Entry e) throws IOException {
        g.writeStartObject();
        g.writeStringField(ReportJson.RULE, e.rule());
        g.writeStringField(ReportJson.LEVEL, e.level().yaml());
        g.writeStringField(ReportJson.UNIT, e.unit());
        g.writeStringField(ReportJson.UNIT_NAME, e.unitName());
        optional(g, ReportJson.PERSON, e.person());
        optional(g, ReportJson.PERSON_NAME, e.personName());
        g.writeStringField(ReportJson.TITLE, e.title());
        g.writeStringField(ReportJson.MESSAGE, e.message());
        g.writeStringField(ReportJson.FINGERPRINT, e.fingerprint());
        g.writeStringField(ReportJson.STATE, e.tracking().state().yaml());
        g.writeStringField(ReportJson.FIRST_SEEN, e.tracking().firstSeen().toString());
        g.writeBooleanField(ReportJson.OVERDUE, e.tracking().overdue());
        optional(g, ReportJson.DEADLINE, e.tracking().deadline().map(Object::toString).orElse(""));
        if (e.tracking().deadline().isPresent()) {
            g.writeStringField(ReportJson.DEADLINE_BASIS, e.tracking().basis().yaml());
        }
        if (e.waiver().isPresent()) {
            var w = e.waiver().get();
            g.writeObjectFieldStart(ReportJson.WAIVER);
            g.writeStringField(ReportJson.REASON, w.reason());
            g.writeStringField(ReportJson.APPROVED_BY, w.approvedBy());
            g.writeStringField(ReportJson.APPROVED_ON, w.approvedOn().toString());
            g.writeStringField(ReportJson.EXPIRES, w.expires().toString());
            g.writeEndObject();
        } else {
            g.writeNullField(ReportJson.WAIVER);
        }
        evidence(g, e.evidence());
        g.writeEndObject();
    }

    private static void evidence(JsonGenerator g, Report.Evidence evidence) throws IOException {
        g.writeObjectFieldStart(ReportJson.EVIDENCE);
        g.writeArrayFieldStart(ReportJson.FACTS);
        for (String id : evidence.facts()) {
            g.writeString(id);
        }
        g.writeEndArray();
        for (Map.Entry<String, Object> c : evidence.compared().entrySet()) {
            g.writeFieldName(c.getKey());
            value(g, c.getValue());
        }
        g.writeFieldName(ReportJson.THRESHOLDS);
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

    static void optional(JsonGenerator g, String name, String value) throws IOException {
        if (value.isEmpty()) {
            g.writeNullField(name);
        } else {
            g.writeStringField(name, value);
        }
    }
}
