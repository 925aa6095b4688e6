package xuncha.ledger;

import xuncha.facts.Location;
import xuncha.findings.Level;
import xuncha.ledger.LedgerView.Claim;
import xuncha.ledger.LedgerView.EvidenceFile;
import xuncha.ledger.LedgerView.Problem;
import xuncha.ledger.LedgerView.Review;
import xuncha.ledger.LedgerView.Round;
import xuncha.ledger.LedgerView.State;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads the ledger's history and replays it into each problem's state: the rounds that found it or
 * no longer did, the claims and reviews in between. Nothing here writes; the state is never stored.
 *
 * <p>The replay, for each round from the one that first found the problem: a round that checked its
 * unit and still finds it turns an accepted problem {@code reopened} (整改不实) and one rectified by the
 * facts {@code open} again; a round that no longer finds it marks it {@code rectified}, unless it was
 * accepted. Then the claims ({@code claimed}) and reviews ({@code accepted}, {@code returned}) made
 * after that round, in the order they were made.
 */
final class Ledger {
    private Ledger() {
    }

    /** One finding row, the latest a problem has. */
    record FindingRow(int round, String fingerprint, String rule, Level level, String unit, String unitName,
                      String township, String county, String person, String personName, String title,
                      String message, String evidence, String state, LocalDate firstSeen,
                      Optional<LocalDate> deadline, String deadlineBasis) {
    }

    /** Everything a ledger view, a round's prior and a claim's check need, read in one transaction. */
    record History(List<Round> rounds, Map<Integer, Set<String>> covered, Map<String, FindingRow> latest,
                   Map<String, Integer> first, Map<String, Set<Integer>> foundIn,
                   Map<String, List<Object>> events) {

        Round round(int seq) {
            return rounds.stream().filter(r -> r.seq() == seq).findFirst().orElseThrow();
        }
    }

    static History history(Connection c) throws SQLException {
        return history(c, null);
    }

    /**
     * The history of the problems {@code only} (all when null): a claim or a review reads what it
     * needs of its own problems, not the whole ledger, while it holds the write lock.
     */
    static History history(Connection c, java.util.Collection<String> only) throws SQLException {
        String marks = only == null ? "" : String.join(", ", java.util.Collections.nCopies(Math.max(1, only.size()), "?"));
        String byFp = only == null ? "" : " WHERE fingerprint IN (" + marks + ")";
        String byFpAnd = only == null ? "" : " AND f.fingerprint IN (" + marks + ")";
        List<String> values = only == null ? List.of() : only.isEmpty() ? List.of("") : List.copyOf(only);
        List<Round> rounds = rounds(c);
        Map<Integer, Set<String>> covered = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT round_seq, unit FROM ledger_round_unit" + (only == null ? ""
                : " WHERE unit IN (SELECT unit FROM ledger_finding" + byFp + ")"))) {
            bind(s, values);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    covered.computeIfAbsent(rs.getInt(1), k -> new HashSet<>()).add(rs.getString(2));
                }
            }
        }
        Map<String, Integer> first = new HashMap<>();
        Map<String, Set<Integer>> foundIn = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT fingerprint, round_seq FROM ledger_finding" + byFp)) {
            bind(s, values);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    foundIn.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getInt(2));
                    first.merge(rs.getString(1), rs.getInt(2), Math::min);
                }
            }
        }
        Map<String, FindingRow> latest = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT f.round_seq, f.fingerprint, f.rule, f.level, f.unit, "
                + "f.unit_name, f.township, f.county, f.person, f.person_name, f.title, f.message, f.evidence, f.state, "
                + "f.first_seen, f.deadline, f.deadline_basis FROM ledger_finding f JOIN (SELECT fingerprint, "
                + "MAX(round_seq) AS last FROM ledger_finding GROUP BY fingerprint) l ON f.fingerprint = l.fingerprint "
                + "AND f.round_seq = l.last" + byFpAnd)) {
            bind(s, values);
            ResultSet rs = s.executeQuery();
            while (rs.next()) {
                latest.put(rs.getString(2), new FindingRow(rs.getInt(1), rs.getString(2), rs.getString(3),
                        "warning".equals(rs.getString(4)) ? Level.WARNING : Level.VIOLATION, rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                        rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14),
                        LocalDate.parse(rs.getString(15)), Optional.ofNullable(rs.getString(16)).map(LocalDate::parse),
                        rs.getString(17)));
            }
        }
        return new History(rounds, covered, latest, first, foundIn, events(c, byFp, values));
    }

    /** The rounds recorded, oldest first, each with the number of its findings. */
    static List<Round> rounds(Connection c) throws SQLException {
        List<Round> rounds = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT r.seq, r.name, r.as_of, r.pack_version, r.pack_sha256, "
                + "r.facts_sha256, r.recorded_at, r.recorded_by, (SELECT COUNT(*) FROM ledger_finding f "
                + "WHERE f.round_seq = r.seq) FROM ledger_round r ORDER BY r.seq"); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                rounds.add(new Round(rs.getInt(1), rs.getString(2), LocalDate.parse(rs.getString(3)), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getInt(9)));
            }
        }
        return rounds;
    }

    private static void bind(PreparedStatement s, List<String> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            s.setString(i + 1, values.get(i));
        }
    }

    /** Each problem's claims and reviews, in the order they were made (one sequence numbers both). */
    private static Map<String, List<Object>> events(Connection c, String byFp, List<String> values) throws SQLException {
        Map<Integer, List<EvidenceFile>> evidence = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT claim_seq, sha256, name, bytes FROM ledger_evidence"
                + (byFp.isEmpty() ? "" : " WHERE claim_seq IN (SELECT seq FROM ledger_claim" + byFp + ")")
                + " ORDER BY claim_seq, name, sha256")) {
            bind(s, values);
            ResultSet rs = s.executeQuery();
            while (rs.next()) {
                evidence.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>())
                        .add(new EvidenceFile(rs.getString(2), rs.getString(3), rs.getLong(4)));
            }
        }
        TreeMap<Integer, Object[]> ordered = new TreeMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT seq, fingerprint, after_round, measures, responsible, "
                + "done_on, status_text, claimed_by, claimed_at, source FROM ledger_claim" + byFp)) {
            bind(s, values);
            ResultSet rs = s.executeQuery();
            while (rs.next()) {
                int seq = rs.getInt(1);
                ordered.put(seq, new Object[]{rs.getString(2), rs.getInt(3), new Claim(seq, rs.getString(4),
                        rs.getString(5), Optional.ofNullable(rs.getString(6)).map(LocalDate::parse), rs.getString(7),
                        rs.getString(8), rs.getString(9), rs.getString(10), List.copyOf(evidence.getOrDefault(seq, List.of())))});
            }
        }
        try (PreparedStatement s = c.prepareStatement("SELECT seq, fingerprint, after_round, claim_seq, verdict, "
                + "reviewed_by, reviewed_on, note FROM ledger_review" + byFp)) {
            bind(s, values);
            ResultSet rs = s.executeQuery();
            while (rs.next()) {
                int seq = rs.getInt(1);
                ordered.put(seq, new Object[]{rs.getString(2), rs.getInt(3), new Review(seq, rs.getInt(4),
                        "accept".equals(rs.getString(5)), rs.getString(6), LocalDate.parse(rs.getString(7)),
                        rs.getString(8))});
            }
        }
        Map<String, List<Object>> out = new HashMap<>();
        ordered.values().forEach(e -> out.computeIfAbsent((String) e[0], k -> new ArrayList<>())
                .add(new Event((Integer) e[1], e[2])));
        return out;
    }

    /** A claim or a review, made after the round {@code afterRound}. */
    record Event(int afterRound, Object what) {
    }

    /** Every problem with its state, replayed from the history. */
    static LedgerView view(String shown, History h) {
        List<Problem> problems = new ArrayList<>();
        for (FindingRow row : h.latest().values()) {
            problems.add(replay(h, row));
        }
        problems.sort(Comparator.comparing(Problem::county).thenComparing(Problem::township)
                .thenComparing(Problem::unit).thenComparing(Problem::rule).thenComparing(Problem::fingerprint));
        return new LedgerView(shown, List.copyOf(h.rounds()), List.copyOf(problems));
    }

    private static Problem replay(History h, FindingRow row) {
        String fp = row.fingerprint();
        int first = h.first().get(fp);
        Set<Integer> found = h.foundIn().get(fp);
        List<Object> events = h.events().getOrDefault(fp, List.of());
        State state = State.OPEN;
        boolean present = true;
        LocalDate lastCheckedOn = h.round(first).asOf();
        Claim claim = null;
        Review review = null;
        int next = 0;
        for (Round r : h.rounds()) {
            if (r.seq() < first) {
                continue;
            }
            if (r.seq() > first && h.covered().getOrDefault(r.seq(), Set.of()).contains(row.unit())) {
                lastCheckedOn = r.asOf();
                present = found.contains(r.seq());
                if (present) {
                    state = state == State.ACCEPTED ? State.REOPENED : state == State.RECTIFIED ? State.OPEN : state;
                } else if (state != State.ACCEPTED) {
                    state = State.RECTIFIED;
                }
            }
            for (; next < events.size() && ((Event) events.get(next)).afterRound() <= r.seq(); next++) {
                Object what = ((Event) events.get(next)).what();
                if (what instanceof Claim c) {
                    claim = c;
                    review = null;
                    if (present || state != State.RECTIFIED) {
                        state = State.CLAIMED;
                    }
                } else if (what instanceof Review v) {
                    review = v;
                    state = v.accepted() ? State.ACCEPTED : present ? State.RETURNED : State.RECTIFIED;
                }
            }
        }
        LocalDate checkedOn = lastCheckedOn;
        boolean overdue = present && state != State.ACCEPTED && state != State.CLAIMED
                && row.deadline().map(checkedOn::isAfter).orElse(false);
        if (overdue && state == State.OPEN) {
            state = State.OVERDUE;
        }
        Round firstRound = h.round(first);
        return new Problem(fp, row.rule(), row.level(), row.title(), row.message(), row.unit(), row.unitName(),
                row.township(), row.county(), state, present, overdue, firstRound.name(), firstRound.asOf(),
                h.round(row.round()).name(), row.deadline(), Optional.ofNullable(claim), Optional.ofNullable(review));
    }

    /** The problem {@code fingerprint}, or a located refusal when the ledger has none such. */
    static Problem problem(History h, String shown, String fingerprint, Location at) {
        FindingRow row = h.latest().get(fingerprint);
        if (row == null) {
            throw LedgerException.at(at, "ledger.unknown_problem", xuncha.problems.Diagnostics.quote(fingerprint),
                    shown);
        }
        return replay(h, row);
    }
}
