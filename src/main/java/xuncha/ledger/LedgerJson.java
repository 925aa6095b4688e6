package xuncha.ledger;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import xuncha.ledger.LedgerView.Problem;
import xuncha.ledger.LedgerView.State;
import xuncha.ledger.LedgerView.Tally;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** {@code ledger --format json}: every problem with its state, claim and review; the counts and rates. */
public final class LedgerJson {
    private LedgerJson() {
    }

    public static void write(LedgerView view, OutputStream out) throws IOException {
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("version", "1.1");
            g.writeArrayFieldStart("rounds");
            for (LedgerView.Round r : view.rounds()) {
                g.writeStartObject();
                g.writeStringField("name", r.name());
                g.writeStringField("as_of", r.asOf().toString());
                g.writeStringField("pack_version", r.packVersion());
                g.writeStringField("pack_sha256", r.packSha256());
                g.writeStringField("facts_sha256", r.factsSha256());
                g.writeStringField("recorded_at", r.recordedAt());
                g.writeStringField("recorded_by", r.recordedBy());
                g.writeNumberField("findings", r.findings());
                g.writeEndObject();
            }
            g.writeEndArray();
            tally(g, view.total());
            g.writeArrayFieldStart("by_county");
            for (Tally t : view.byCounty()) {
                g.writeStartObject();
                g.writeStringField("county", t.key());
                tally(g, t);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("by_unit");
            for (Tally t : view.byUnit()) {
                g.writeStartObject();
                g.writeStringField("unit", t.key());
                g.writeStringField("unit_name", t.name());
                tally(g, t);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("problems");
            for (Problem p : view.problems()) {
                problem(g, p);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private static void tally(JsonGenerator g, Tally t) throws IOException {
        g.writeNumberField("problems", t.problems());
        g.writeObjectFieldStart("counts");
        for (State s : State.values()) {
            g.writeNumberField(s.json(), t.counts().get(s));
        }
        g.writeEndObject();
        if (t.rate().isPresent()) {
            g.writeNumberField("rectification_rate", BigDecimal.valueOf(t.accepted())
                    .divide(BigDecimal.valueOf(t.problems()), 4, RoundingMode.HALF_UP));
        } else {
            g.writeNullField("rectification_rate");
        }
    }

    private static void problem(JsonGenerator g, Problem p) throws IOException {
        g.writeStartObject();
        g.writeStringField("fingerprint", p.fingerprint());
        g.writeStringField("rule", p.rule());
        g.writeStringField("level", p.level().yaml());
        g.writeStringField("unit", p.unit());
        g.writeStringField("unit_name", p.unitName());
        g.writeStringField("township", p.township());
        g.writeStringField("county", p.county());
        g.writeStringField("title", p.title());
        g.writeStringField("message", p.message());
        g.writeStringField("state", p.state().json());
        g.writeBooleanField("overdue", p.overdue());
        g.writeBooleanField("still_found", p.present());
        g.writeStringField("first_round", p.firstRound());
        g.writeStringField("first_seen", p.firstSeen().toString());
        g.writeStringField("last_found", p.lastRound());
        if (p.deadline().isPresent()) {
            g.writeStringField("deadline", p.deadline().get().toString());
        } else {
            g.writeNullField("deadline");
        }
        if (p.claim().isPresent()) {
            LedgerView.Claim c = p.claim().get();
            g.writeObjectFieldStart("claim");
            g.writeStringField("measures", c.measures());
            g.writeStringField("responsible", c.responsible());
            if (c.doneOn().isPresent()) {
                g.writeStringField("done_on", c.doneOn().get().toString());
            } else {
                g.writeNullField("done_on");
            }
            g.writeStringField("status", c.text());
            g.writeStringField("by", c.by());
            g.writeStringField("at", c.at());
            g.writeStringField("source", c.source());
            g.writeArrayFieldStart("evidence");
            for (LedgerView.EvidenceFile f : c.evidence()) {
                g.writeStartObject();
                g.writeStringField("name", f.name());
                g.writeStringField("sha256", f.sha256());
                g.writeNumberField("bytes", f.bytes());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } else {
            g.writeNullField("claim");
        }
        if (p.review().isPresent()) {
            LedgerView.Review r = p.review().get();
            g.writeObjectFieldStart("review");
            g.writeStringField("verdict", r.accepted() ? "accept" : "return");
            g.writeStringField("by", r.by());
            g.writeStringField("on", r.on().toString());
            g.writeStringField("note", r.note());
            g.writeEndObject();
        } else {
            g.writeNullField("review");
        }
        g.writeEndObject();
    }
}
