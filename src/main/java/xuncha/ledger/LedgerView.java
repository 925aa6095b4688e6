package xuncha.ledger;

import xuncha.findings.Level;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * The ledger as a reader sees it (整改台账): every problem ever found, its state, its latest claim and
 * review; the counts per state and the rectification rate, overall, per county and per unit.
 *
 * @param rounds   the rounds recorded, oldest first
 * @param problems every problem, by county, township, unit, rule and fingerprint
 */
public record LedgerView(String shown, List<Round> rounds, List<Problem> problems) {

    /** A problem's state in the ledger, as the JSON spells it. */
    public enum State {
        /** Found, not yet reported rectified. */
        OPEN("open"),
        /** Open past its deadline. */
        OVERDUE("overdue"),
        /** The unit reported its rectification; the office has not yet reviewed it. */
        CLAIMED("claimed"),
        /** The office returned the rectification (退回). */
        RETURNED("returned"),
        /** The office accepted the rectification (销号). */
        ACCEPTED("accepted"),
        /** Accepted, but a later round still finds it (整改不实). */
        REOPENED("reopened"),
        /** No longer found by a later round, without an accepted claim: rectified by the facts. */
        RECTIFIED("rectified");

        private final String json;

        State(String json) {
            this.json = json;
        }

        public String json() {
            return json;
        }

        /** The key of its name in the message bundles. */
        public String key() {
            return "ledger.state." + json;
        }

        public static Optional<State> of(String text) {
            return java.util.Arrays.stream(values()).filter(s -> s.json.equals(text)).findFirst();
        }
    }

    /** A round recorded. */
    public record Round(int seq, String name, LocalDate asOf, String packVersion, String packSha256,
                        String factsSha256, String recordedAt, String recordedBy, int findings) {
    }

    /** An evidence file of a claim, stored by its content's SHA-256. */
    public record EvidenceFile(String sha256, String name, long bytes) {
    }

    /** What a unit reported it did. {@code source} says where it came from ({@code 问题清单.xlsx:问题清单!7}). */
    public record Claim(int seq, String measures, String responsible, Optional<LocalDate> doneOn, String text,
                        String by, String at, String source, List<EvidenceFile> evidence) {
    }

    /** The office's verdict on a claim. */
    public record Review(int seq, int claim, boolean accepted, String by, LocalDate on, String note) {
    }

    /**
     * One problem and its life.
     *
     * @param firstRound the round that first found it
     * @param lastRound  the latest round that found it
     * @param present    whether the latest round that checked its unit still found it
     * @param overdue    whether it is still found, not accepted, and past its deadline
     * @param claim      the latest claim, if any
     * @param review     the review of the latest claim, if any
     */
    public record Problem(String fingerprint, String rule, Level level, String title, String message, String unit,
                          String unitName, String township, String county, State state, boolean present,
                          boolean overdue, String firstRound, LocalDate firstSeen, String lastRound,
                          Optional<LocalDate> deadline, Optional<Claim> claim, Optional<Review> review) {
    }

    /** Problems counted by state, and what of them is rectified. */
    public record Tally(String key, String name, Map<State, Integer> counts, int problems) {
        public int accepted() {
            return counts.getOrDefault(State.ACCEPTED, 0);
        }

        /** Accepted (and not reopened) ÷ all problems; empty when there are none. */
        public OptionalDouble rate() {
            return problems == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) accepted() / problems);
        }

        /** The rate in percent with two decimals, as offices publish it (98.71%); a dash when there are none. */
        public String percent() {
            return rate().isPresent() ? String.format(java.util.Locale.ROOT, "%.2f%%", rate().getAsDouble() * 100) : "—";
        }
    }

    public Tally total() {
        return tally("", "", problems);
    }

    /** Per county, in the order of the problems. */
    public List<Tally> byCounty() {
        return grouped(Problem::county, Problem::county);
    }

    /** Per unit, in the order of the problems. */
    public List<Tally> byUnit() {
        return grouped(Problem::unit, Problem::unitName);
    }

    private List<Tally> grouped(Function<Problem, String> key, Function<Problem, String> name) {
        Map<String, List<Problem>> groups = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (Problem p : problems) {
            groups.computeIfAbsent(key.apply(p), k -> new ArrayList<>()).add(p);
            names.putIfAbsent(key.apply(p), name.apply(p));
        }
        List<Tally> out = new ArrayList<>();
        groups.forEach((k, list) -> out.add(tally(k, names.get(k), list)));
        return out;
    }

    /** The problems {@code list} counted as one row named {@code name}. */
    public static Tally tally(String key, String name, List<Problem> list) {
        Map<State, Integer> counts = new EnumMap<>(State.class);
        for (State s : State.values()) {
            counts.put(s, 0);
        }
        list.forEach(p -> counts.merge(p.state(), 1, Integer::sum));
        return new Tally(key, name, counts, list.size());
    }

    /** Only the problems of these units. */
    public LedgerView of(java.util.Collection<String> units) {
        return new LedgerView(shown, rounds, problems.stream().filter(p -> units.contains(p.unit())).toList());
    }

    /** The latest round, if any. */
    public Optional<Round> latest() {
        return rounds.isEmpty() ? Optional.empty() : Optional.of(rounds.get(rounds.size() - 1));
    }
}
