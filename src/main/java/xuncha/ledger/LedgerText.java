package xuncha.ledger;

import xuncha.ledger.LedgerView.Problem;
import xuncha.ledger.LedgerView.State;
import xuncha.ledger.LedgerView.Tally;
import xuncha.problems.Messages;

import java.io.PrintWriter;
import java.util.Objects;
import java.util.stream.Collectors;

/** {@code ledger} as text: the counts and the rate first, then each problem by county and unit. */
public final class LedgerText {
    private static final String DETAIL = "      ";

    private LedgerText() {
    }

    public static void write(LedgerView view, String lang, PrintWriter out) {
        Tally total = view.total();
        out.println(Messages.text(lang, "ledger.text.head", view.shown(), total.problems(), total.accepted(),
                total.percent()));
        for (LedgerView.Round r : view.rounds()) {
            out.println("  " + Messages.text(lang, "ledger.text.round", r.seq(), r.name(), r.asOf(), r.findings(),
                    r.recordedBy()));
        }
        out.println("  " + counts(total, lang));
        if (view.byCounty().size() > 1) {
            for (Tally t : view.byCounty()) {
                out.println("  " + Messages.text(lang, "ledger.text.county", t.name().isEmpty() ? "—" : t.name(), t.problems(),
                        t.accepted(), t.percent()));
            }
        }
        String unit = null;
        for (Problem p : view.problems()) {
            if (!Objects.equals(unit, p.unit())) {
                unit = p.unit();
                out.println();
                String where = java.util.stream.Stream.of(p.county(), p.township()).filter(s -> !s.isEmpty())
                        .collect(Collectors.joining(" "));
                out.println(Messages.text(lang, "ledger.text.unit", p.unitName(), p.unit(), where));
            }
            problem(p, lang, out);
        }
        out.flush();
    }

    private static String counts(Tally t, String lang) {
        return Messages.text(lang, "ledger.text.counts", java.util.Arrays.stream(State.values())
                .map(s -> Messages.text(lang, s.key()) + " " + t.counts().get(s))
                .collect(Collectors.joining(Messages.text(lang, "ledger.text.separator"))));
    }

    private static void problem(Problem p, String lang, PrintWriter out) {
        out.println("  " + Messages.text(lang, "ledger.text.problem", Messages.text(lang, p.state().key()), p.rule(),
                p.title()));
        out.println(DETAIL + Messages.text(lang, "ledger.text.message", p.message()));
        out.println(DETAIL + Messages.text(lang, "ledger.text.found", p.firstRound(), p.firstSeen(),
                p.deadline().map(Object::toString).orElse("—"), p.overdue() ? Messages.text(lang, "ledger.text.overdue") : ""));
        p.claim().ifPresent(c -> out.println(DETAIL + Messages.text(lang, "ledger.text.claim", c.measures(), c.responsible(),
                c.doneOn().map(Object::toString).orElse("—"), c.text().isEmpty() ? "—" : c.text(),
                c.evidence().isEmpty() ? "—" : c.evidence().stream().map(LedgerView.EvidenceFile::name)
                        .collect(Collectors.joining(Messages.text(lang, "word.list"))))));
        p.review().ifPresent(r -> out.println(DETAIL + Messages.text(lang, r.accepted() ? "ledger.text.accepted"
                : "ledger.text.returned", r.by(), r.on(), r.note().isEmpty() ? "—" : r.note())));
        out.println(DETAIL + Messages.text(lang, "ledger.text.fingerprint", p.fingerprint()));
    }
}
