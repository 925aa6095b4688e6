package xuncha.server;

import xuncha.ledger.LedgerView;

import java.util.List;

/** What the pages show beyond the ledger's own records. */
public final class Pages {
    private Pages() {
    }

    /** A located mistake in an upload, with the line it is on. */
    public record Mistake(String where, String message, String line) {
    }

    /** One finding of a self-audit, as a clerk reads it. */
    public record Found(String unit, String rule, String level, String levelName, String message, String deadline) {
    }

    /** A self-audit: the findings, or the mistakes that stopped the check. */
    public record Audit(List<Found> findings, int units, List<Mistake> mistakes) {
    }

    /** A row of the dashboard's table: a county, a township or a unit, indented by depth. */
    public record Place(String name, String href, int depth, LedgerView.Tally tally) {
    }

    public record Dashboard(LedgerView.Tally total, List<Place> places, List<LedgerView.Problem> overdue, int pending,
                            String trendSvg, List<LedgerView.State> states, List<Place> levels) {
    }

    /** An option of a filter. */
    public record Option(String value, String label, boolean selected) {
    }

    /** A file of a round to download. */
    public record Download(String href, String label) {
    }

    public record RoundPage(LedgerView.Round round, List<xuncha.ledger.LedgerStore.RoundFinding> findings,
                            List<Download> downloads, List<Option> levels, List<Option> states, List<Option> counties) {
    }
}
