package xuncha.render;

import xuncha.report.Report;
import xuncha.report.ReportJson;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import xuncha.findings.Level;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

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
            g.writeNumberField(ReportJson.VERSION, 1);
            g.writeNumberField(ReportJson.YEAR, report.year());
            g.writeStringField(ReportJson.AS_OF, report.asOf().toString());
            g.writeNumberField(ReportJson.UNITS, report.units());
            g.writeNumberField(ReportJson.RULES, report.rules());
            if (report.provenance().known()) {
                g.writeObjectFieldStart(ReportJson.PROVENANCE);
                g.writeStringField(ReportJson.PACK_VERSION, report.provenance().packVersion());
                g.writeStringField(ReportJson.PACK_SHA256, report.provenance().packSha256());
                FindingJson.optional(g, ReportJson.FACTS_SHA256, report.provenance().factsSha256());
                g.writeObjectFieldStart(ReportJson.SET);
                for (var set : new java.util.TreeMap<>(report.provenance().sets()).entrySet()) {
                    g.writeStringField(set.getKey(), set.getValue());
                }
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeObjectFieldStart(ReportJson.COUNTS);
            for (Level l : Level.values()) {
                g.writeNumberField(l.yaml(), report.count(l));
            }
            for (Report.State state : Report.State.values()) {
                g.writeNumberField(state.yaml(), report.inState(state));
            }
            g.writeNumberField(ReportJson.RECTIFIED, report.rounds().rectified().size());
            g.writeNumberField(ReportJson.WAIVED, report.waived());
            g.writeEndObject();
            g.writeArrayFieldStart(ReportJson.FINDINGS);
            for (Report.Entry e : report.findings()) {
                FindingJson.write(g, e);
            }
            g.writeEndArray();
            g.writeArrayFieldStart(ReportJson.RECTIFIED);
            for (Report.Entry e : report.rounds().rectified()) {
                FindingJson.write(g, e);
            }
            g.writeEndArray();
            g.writeArrayFieldStart(ReportJson.WAIVER_NOTICES);
            for (Report.WaiverNotice n : report.waiverNotices()) {
                g.writeStartObject();
                g.writeStringField(ReportJson.STATUS, n.status().yaml());
                g.writeStringField(ReportJson.RULE, n.waiver().rule());
                g.writeStringField(ReportJson.UNIT, n.waiver().unit());
                FindingJson.optional(g, ReportJson.PERSON, n.waiver().person());
                g.writeStringField(ReportJson.EXPIRES, n.waiver().expires().toString());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart(ReportJson.RECTIFIED_EVER);
            for (String fingerprint : report.rounds().rectifiedEver()) {
                g.writeString(fingerprint);
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }
}
