package xuncha.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import xuncha.facts.Location;
import xuncha.ledger.LedgerView.Problem;
import xuncha.ledger.LedgerView.State;
import xuncha.problems.Diagnostics;
import xuncha.report.Baseline;
import xuncha.report.Report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What the commands and the server do with the ledger: record a round, claim a rectification, review
 * a claim, show the ledger. Each change is one transaction of appended rows.
 */
public final class LedgerStore {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LedgerDb db;

    public LedgerStore(LedgerDb db) {
        this.db = db;
    }

    public LedgerDb db() {
        return db;
    }

    /** The ledger now. */
    public LedgerView view() {
        return db.read(c -> Ledger.view(db.shown(), Ledger.history(c)));
    }

    /** The rounds recorded, oldest first: read alone, without replaying every problem. */
    public List<LedgerView.Round> rounds() {
        return db.read(c -> List.copyOf(Ledger.rounds(c)));
    }

    /** The problem {@code fingerprint} as its history says, if the ledger has it; reads that problem's rows only. */
    public Optional<Problem> problem(String fingerprint) {
        return db.read(c -> {
            Ledger.History h = Ledger.history(c, List.of(fingerprint));
            return h.latest().containsKey(fingerprint)
                    ? Optional.of(Ledger.problem(h, db.shown(), fingerprint, Location.ofFile(db.shown())))
                    : Optional.empty();
        });
    }

    /** A finding of one round, as the round's page lists it. */
    public record RoundFinding(String fingerprint, String rule, String level, String unit, String unitName,
                               String township, String county, String message, String state, Optional<LocalDate> deadline) {
    }

    /** The findings of round {@code seq}, in the order of the organisation. */
    public List<RoundFinding> findings(int seq) {
        return db.read(c -> {
            List<RoundFinding> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT fingerprint, rule, level, unit, unit_name, township, "
                    + "county, message, state, deadline FROM ledger_finding WHERE round_seq = ? ORDER BY county, township, "
                    + "unit, rule, fingerprint")) {
                s.setInt(1, seq);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(new RoundFinding(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                                Optional.ofNullable(rs.getString(10)).map(LocalDate::parse)));
                    }
                }
            }
            return out;
        });
    }

    /** Who recorded a round, and when. */
    public record Author(String by, Instant at) {
    }

    /**
     * Records a round named {@code name}: {@code check} runs the check with the previous round as the
     * ledger knows it (a function from the units the check covered to that round's report, empty for
     * the first round); its report is recorded whole, or, when anything fails, nothing is.
     */
    public Report recordRound(String name, Author author,
                              Function<Function<Report, Optional<Baseline>>, Report> check) {
        Location at = Location.ofFile(db.shown());
        if (name.isBlank() || name.length() > 200) {
            throw LedgerException.at(at, "ledger.round_name", Diagnostics.quote(name));
        }
        return db.write(c -> {
            Ledger.History h = Ledger.history(c);
            if (h.rounds().stream().anyMatch(r -> r.name().equals(name))) {
                throw LedgerException.at(at, "ledger.round_exists", name, db.shown());
            }
            Report report = check.apply(current -> prior(h, current));
            Optional<LedgerView.Round> last = h.rounds().isEmpty() ? Optional.empty()
                    : Optional.of(h.rounds().get(h.rounds().size() - 1));
            if (last.isPresent() && report.asOf().isBefore(last.get().asOf())) {
                throw LedgerException.at(at, "ledger.round_before", report.asOf(), last.get().name(), last.get().asOf());
            }
            insertRound(c, last.map(r -> r.seq() + 1).orElse(1), name, author, report);
            return report;
        });
    }

    /** The previous round, as {@link xuncha.report.Tracker} reads a baseline, over the units {@code current} checked. */
    private Optional<Baseline> prior(Ledger.History h, Report current) {
        if (h.rounds().isEmpty()) {
            return Optional.empty();
        }
        Set<String> covered = new HashSet<>();
        current.coverage().units().forEach(u -> covered.add(u.id()));
        List<Report.Entry> before = new ArrayList<>();
        List<String> ever = new ArrayList<>();
        for (Ledger.FindingRow row : h.latest().values()) {
            if (!covered.contains(row.unit())) {
                continue;
            }
            Problem p = Ledger.problem(h, db.shown(), row.fingerprint(), Location.ofFile(db.shown()));
            if (p.present()) {
                before.add(entry(row));
            } else {
                ever.add(row.fingerprint());
            }
        }
        before.sort(java.util.Comparator.comparing(Report.Entry::fingerprint));
        ever.sort(null);
        LocalDate asOf = h.rounds().get(h.rounds().size() - 1).asOf();
        return Optional.of(new Baseline(asOf, List.copyOf(before), List.copyOf(ever), Location.ofFile(db.shown())));
    }

    private static Report.Entry entry(Ledger.FindingRow row) {
        return new Report.Entry(row.rule(), row.level(), row.unit(), row.unitName(), row.person(), row.personName(),
                row.title(), row.message(), evidence(row.evidence()), row.fingerprint(),
                new Report.Tracking(Report.State.of(row.state()).orElse(Report.State.NEW), row.firstSeen(), false,
                        row.deadline(), xuncha.findings.Deadline.of(row.deadlineBasis())
                        .orElse(xuncha.findings.Deadline.RECTIFICATION)), Optional.empty());
    }

    private void insertRound(Connection c, int seq, String name, Author author, Report report) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO ledger_round (seq, name, as_of, pack_version, "
                + "pack_sha256, facts_sha256, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setInt(1, seq);
            s.setString(2, name);
            s.setString(3, report.asOf().toString());
            s.setString(4, report.provenance().packVersion());
            s.setString(5, report.provenance().packSha256());
            s.setString(6, report.provenance().factsSha256());
            s.setString(7, author.at().toString());
            s.setString(8, author.by());
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO ledger_round_unit (round_seq, unit) VALUES (?, ?)")) {
            int n = 0;
            for (Report.UnitRef u : report.coverage().units()) {
                s.setInt(1, seq);
                s.setString(2, u.id());
                s.addBatch();
                if (++n % 2000 == 0) {
                    s.executeBatch();
                }
            }
            s.executeBatch();
        }
        xuncha.report.Places places = new xuncha.report.Places(report);
        try (PreparedStatement s = c.prepareStatement("INSERT INTO ledger_finding (round_seq, fingerprint, rule, level, "
                + "unit, unit_name, township, county, person, person_name, title, message, evidence, state, first_seen, "
                + "deadline, deadline_basis) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            Set<String> seen = new HashSet<>();
            int n = 0;
            for (Report.Entry e : report.findings()) {
                // A waived finding is an exception the office granted, not a problem to rectify.
                if (e.waived() || !seen.add(e.fingerprint())) {
                    continue;
                }
                int i = 1;
                s.setInt(i++, seq);
                s.setString(i++, e.fingerprint());
                s.setString(i++, e.rule());
                s.setString(i++, e.level().yaml());
                s.setString(i++, e.unit());
                s.setString(i++, e.unitName());
                s.setString(i++, places.township(e.unit()));
                s.setString(i++, places.county(e.unit()));
                s.setString(i++, e.person());
                s.setString(i++, e.personName());
                s.setString(i++, e.title());
                s.setString(i++, e.message());
                s.setString(i++, json(e.evidence()));
                s.setString(i++, e.tracking().state().yaml());
                s.setString(i++, e.tracking().firstSeen().toString());
                if (e.tracking().deadline().isPresent()) {
                    s.setString(i++, e.tracking().deadline().get().toString());
                } else {
                    s.setNull(i++, Types.VARCHAR);
                }
                s.setString(i, e.tracking().basis().yaml());
                s.addBatch();
                if (++n % 1000 == 0) {
                    s.executeBatch();
                }
            }
            s.executeBatch();
        }
    }

    /** A claim as given: by fingerprint, with where it was written (a workbook's row, a form). */
    public record ClaimInput(String fingerprint, String measures, String responsible, Optional<LocalDate> doneOn,
                             String text, Location at, List<EvidenceStore.Stored> evidence) {
    }

    /** What became of each claim given. */
    public record ClaimOutcome(ClaimInput input, Outcome outcome) {
    }

    public enum Outcome {
        /** Recorded. */
        RECORDED,
        /** The same as the problem's latest claim: nothing new to record. */
        SAME,
        /** The ledger has no such problem. */
        UNKNOWN,
        /** Already accepted: nothing to rectify. */
        ACCEPTED
    }

    /**
     * Records each claim that is new, in one transaction; those of unknown or accepted problems, and
     * those already recorded, are returned as such and not recorded.
     */
    public List<ClaimOutcome> claim(List<ClaimInput> claims, Author author) {
        return db.write(c -> {
            Set<String> asked = new HashSet<>();
            claims.forEach(in -> asked.add(in.fingerprint()));
            Ledger.History h = Ledger.history(c, asked.size() <= 200 ? asked : null);
            if (h.rounds().isEmpty()) {
                throw LedgerException.at(Location.ofFile(db.shown()), "ledger.no_rounds");
            }
            int after = h.rounds().get(h.rounds().size() - 1).seq();
            int seq = nextEvent(c);
            List<ClaimOutcome> out = new ArrayList<>();
            Map<String, Problem> now = new HashMap<>();
            for (ClaimInput in : claims) {
                if (!h.latest().containsKey(in.fingerprint())) {
                    out.add(new ClaimOutcome(in, Outcome.UNKNOWN));
                    continue;
                }
                Problem p = now.computeIfAbsent(in.fingerprint(), fp -> Ledger.problem(h, db.shown(), fp, in.at()));
                if (p.state() == State.ACCEPTED) {
                    out.add(new ClaimOutcome(in, Outcome.ACCEPTED));
                    continue;
                }
                if (p.claim().isPresent() && p.review().isEmpty() && same(p.claim().get(), in)) {
                    out.add(new ClaimOutcome(in, Outcome.SAME));
                    continue;
                }
                insertClaim(c, seq, after, in, author);
                now.put(in.fingerprint(), withClaim(p));
                seq++;
                out.add(new ClaimOutcome(in, Outcome.RECORDED));
            }
            return out;
        });
    }

    private static Problem withClaim(Problem p) {
        return new Problem(p.fingerprint(), p.rule(), p.level(), p.title(), p.message(), p.unit(), p.unitName(),
                p.township(), p.county(), State.CLAIMED, p.present(), p.overdue(), p.firstRound(), p.firstSeen(),
                p.lastRound(), p.deadline(), p.claim(), Optional.empty());
    }

    private static boolean same(LedgerView.Claim c, ClaimInput in) {
        return c.measures().equals(in.measures()) && c.responsible().equals(in.responsible())
                && c.doneOn().equals(in.doneOn()) && c.text().equals(in.text()) && in.evidence().isEmpty();
    }

    private static void insertClaim(Connection c, int seq, int after, ClaimInput in, Author author) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO ledger_claim (seq, fingerprint, after_round, measures, "
                + "responsible, done_on, status_text, claimed_by, claimed_at, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setInt(1, seq);
            s.setString(2, in.fingerprint());
            s.setInt(3, after);
            s.setString(4, in.measures());
            s.setString(5, in.responsible());
            if (in.doneOn().isPresent()) {
                s.setString(6, in.doneOn().get().toString());
            } else {
                s.setNull(6, Types.VARCHAR);
            }
            s.setString(7, in.text());
            s.setString(8, author.by());
            s.setString(9, author.at().toString());
            s.setString(10, in.at().toString());
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO ledger_evidence (claim_seq, sha256, name, bytes) "
                + "VALUES (?, ?, ?, ?)")) {
            Set<String> seen = new HashSet<>();
            for (EvidenceStore.Stored f : in.evidence()) {
                if (seen.add(f.sha256())) {
                    s.setInt(1, seq);
                    s.setString(2, f.sha256());
                    s.setString(3, f.name());
                    s.setLong(4, f.bytes());
                    s.addBatch();
                }
            }
            s.executeBatch();
        }
    }

    /** The next number of a claim or a review: one sequence orders both. */
    private static int nextEvent(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT (SELECT COALESCE(MAX(seq), 0) FROM ledger_claim), "
                + "(SELECT COALESCE(MAX(seq), 0) FROM ledger_review)"); ResultSet rs = s.executeQuery()) {
            rs.next();
            return Math.max(rs.getInt(1), rs.getInt(2)) + 1;
        }
    }

    /** Accepts (销号) or returns (退回) the latest claim of the problem {@code fingerprint}. */
    public Problem review(String fingerprint, boolean accept, String by, LocalDate on, String note, Instant at) {
        Location where = Location.ofFile(db.shown());
        if (by.isBlank()) {
            throw LedgerException.at(where, "ledger.review_by");
        }
        return db.write(c -> {
            Ledger.History h = Ledger.history(c, List.of(fingerprint));
            Problem p = Ledger.problem(h, db.shown(), fingerprint, where);
            if (p.claim().isEmpty()) {
                throw LedgerException.at(where, "ledger.review_no_claim", fingerprint);
            }
            if (p.review().isPresent()) {
                throw LedgerException.at(where, "ledger.review_done", fingerprint, p.review().get().by(),
                        p.review().get().on());
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO ledger_review (seq, fingerprint, claim_seq, "
                    + "after_round, verdict, reviewed_by, reviewed_on, reviewed_at, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setInt(1, nextEvent(c));
                s.setString(2, fingerprint);
                s.setInt(3, p.claim().get().seq());
                s.setInt(4, h.rounds().get(h.rounds().size() - 1).seq());
                s.setString(5, accept ? "accept" : "return");
                s.setString(6, by);
                s.setString(7, on.toString());
                s.setString(8, at.toString());
                s.setString(9, note);
                s.executeUpdate();
            }
            return Ledger.problem(Ledger.history(c, List.of(fingerprint)), db.shown(), fingerprint, where);
        });
    }

    static String json(Report.Evidence e) {
        ObjectNode o = JSON.createObjectNode();
        ArrayNode facts = o.putArray("facts");
        e.facts().forEach(facts::add);
        o.set("compared", JSON.valueToTree(e.compared()));
        o.set("thresholds", JSON.valueToTree(e.thresholds()));
        return o.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(JsonNode n) {
        return n.isObject() ? (Map<String, Object>) Baseline.value(n) : Map.of();
    }

    static Report.Evidence evidence(String json) {
        try {
            JsonNode o = JSON.readTree(json);
            List<String> facts = new ArrayList<>();
            o.path("facts").forEach(n -> facts.add(n.asText()));
            Map<String, Object> compared = map(o.path("compared"));
            Map<String, Object> thresholds = map(o.path("thresholds"));
            return new Report.Evidence(facts, compared, thresholds);
        } catch (java.io.IOException | ClassCastException e) {
            return new Report.Evidence(List.of(), Map.of(), Map.of());
        }
    }

}
