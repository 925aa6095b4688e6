package xuncha.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import xuncha.findings.Level;

import java.io.IOException;
import java.io.OutputStream;

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
            g.writeEndObject();
            g.writeArrayFieldStart("findings");
            for (Report.Entry e : report.findings()) {
                g.writeStartObject();
                g.writeStringField("rule", e.rule());
                g.writeStringField("level", e.level().yaml());
                g.writeStringField("unit", e.unit());
                g.writeStringField("unit_name", e.unitName());
                optional(g, "person", e.person());
                optional(g, "person_name", e.personName());
                g.writeStringField("title", e.title());
                g.writeStringField("message", e.message());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
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
