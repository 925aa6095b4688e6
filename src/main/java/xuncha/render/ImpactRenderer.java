package xuncha.render;

import xuncha.problems.Messages;

import xuncha.report.Report;
import xuncha.report.ReportJson;
import xuncha.report.Impact;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Writes an {@link Impact}: text for people, JSON {@code {appeared, disappeared, changed}} for tools. */
public final class ImpactRenderer {
    private ImpactRenderer() {
    }

    public static void text(Impact impact, String lang, OutputStream out) {
        boolean zh = "zh".equals(lang);
        PrintWriter w = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        section(w, Messages.word(zh, "word.appear"), impact.appeared(), lang);
        section(w, Messages.word(zh, "word.disappear"), impact.disappeared(), lang);
        if (!impact.changed().isEmpty()) {
            w.printf("%s (%d)%n", Messages.word(zh, "word.change_level"), impact.changed().size());
            for (Impact.Changed c : impact.changed()) {
                w.printf("  %s → %s  %-10s  %s (%s)  %s%n", c.before().level().label(lang), c.after().level().label(lang),
                        c.after().rule(), c.after().unitName(), c.after().unit(), c.after().message());
            }
            w.println();
        }
        w.println(Messages.word(zh, "impact.tally", impact.appeared().size(), impact.disappeared().size(),
                impact.changed().size()));
        w.flush();
    }

    private static void section(PrintWriter w, String heading, List<Report.Entry> entries, String lang) {
        if (entries.isEmpty()) {
            return;
        }
        w.printf("%s (%d)%n", heading, entries.size());
        for (Report.Entry e : entries) {
            w.printf("  %s  %-10s  %s (%s)  %s%n", e.level().label(lang), e.rule(), e.unitName(), e.unit(), e.message());
        }
        w.println();
    }

    public static void json(Impact impact, OutputStream out) throws IOException {
        try (JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            entries(g, "appeared", impact.appeared());
            entries(g, "disappeared", impact.disappeared());
            g.writeArrayFieldStart("changed");
            for (Impact.Changed c : impact.changed()) {
                g.writeStartObject();
                g.writeStringField(ReportJson.RULE, c.after().rule());
                g.writeStringField(ReportJson.UNIT, c.after().unit());
                g.writeStringField("from", c.before().level().yaml());
                g.writeStringField("to", c.after().level().yaml());
                g.writeFieldName("before");
                FindingJson.write(g, c.before());
                g.writeFieldName("after");
                FindingJson.write(g, c.after());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    private static void entries(JsonGenerator g, String name, List<Report.Entry> entries) throws IOException {
        g.writeArrayFieldStart(name);
        for (Report.Entry e : entries) {
            FindingJson.write(g, e);
        }
        g.writeEndArray();
    }
}
