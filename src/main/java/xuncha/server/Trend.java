package xuncha.server;

import xuncha.ledger.LedgerView;
import xuncha.problems.Messages;

import java.util.List;
import java.util.Locale;

/** The trend across rounds, drawn on the server as SVG: the problems each round found, a bar a round. */
final class Trend {
    private static final int WIDTH = 640;
    private static final int HEIGHT = 180;
    private static final int BASE = 150;

    private Trend() {
    }

    static String svg(List<LedgerView.Round> rounds) {
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"trend\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(HEIGHT).append("\" role=\"img\" aria-label=\"").append(escape(Messages.text("zh", "web.dash.trend")))
                .append("\">");
        if (rounds.isEmpty()) {
            s.append("<text x=\"10\" y=\"90\">").append(escape(Messages.text("zh", "web.rounds.none"))).append("</text></svg>");
            return s.toString();
        }
        int max = Math.max(1, rounds.stream().mapToInt(LedgerView.Round::findings).max().orElse(1));
        int slot = Math.min(120, (WIDTH - 20) / rounds.size());
        s.append("<line x1=\"10\" y1=\"").append(BASE).append("\" x2=\"").append(WIDTH - 10).append("\" y2=\"").append(BASE)
                .append("\" stroke=\"#999\"/>");
        for (int i = 0; i < rounds.size(); i++) {
            LedgerView.Round r = rounds.get(i);
            int h = (int) Math.round(120.0 * r.findings() / max);
            int x = 10 + i * slot + slot / 5;
            int w = slot * 3 / 5;
            s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#b22222\"/>",
                    x, BASE - h, w, h));
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"12\">%d</text>",
                    x + w / 2, BASE - h - 4, r.findings()));
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"11\">", x + w / 2,
                    BASE + 16)).append(escape(cut(r.name()))).append("</text>");
        }
        return s.append("</svg>").toString();
    }

    private static String cut(String name) {
        return name.length() > 10 ? name.substring(0, 10) + "…" : name;
    }

    private static String escape(String text) {
        return xuncha.render.Markup.escape(text);
    }
}
