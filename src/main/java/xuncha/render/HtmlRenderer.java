package xuncha.render;

import xuncha.problems.Messages;

import xuncha.report.Places;
import xuncha.report.Report;
import xuncha.report.Texts;

import xuncha.findings.Level;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * One self-contained HTML file (no network fetch): the tally, then the findings grouped by unit,
 * each with its evidence; filters by level, rule group and state, which a link can preset
 * ({@code report.html#level=warning&group=REPORT}). In the report's language.
 */
final class HtmlRenderer implements Renderer {
    private static final String STYLE = """
            body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:2em;color:#222}
            h1{font-size:1.5em}h2{font-size:1.1em;margin-top:1.5em;border-bottom:1px solid #ccc}
            .tally{background:#f4f4f4;padding:.6em 1em}.provenance{color:#666;font-size:.8em;margin-top:2em;word-break:break-all}.filters label{margin-right:1em;white-space:nowrap}
            .finding{margin:.5em 0 .5em 1em}.level{display:inline-block;min-width:3em;font-weight:bold}
            .violation .level{color:#b00}.warning .level{color:#a60}.rule{font-family:monospace;margin:0 .5em}
            .evidence{color:#555;font-size:.9em;margin-left:4.5em}.state{color:#06c;margin-left:.5em}.state.overdue{color:#c00}
            .waiver{color:#080;margin-left:.5em}.hidden{display:none}h3{font-size:1em;margin:1em 0 .3em}h3 small{color:#666;font-weight:normal}
            h2.county{font-size:1.2em;border-bottom:2px solid #b00}table.counties{border-collapse:collapse;margin:1em 0}
            table.counties td,table.counties th{border:1px solid #ccc;padding:.2em .6em;text-align:right}
            table.counties td:first-child,table.counties th:first-child{text-align:left}
            .rounds{border:1px solid #06c;padding:.3em 1em;margin:1em 0}.rounds h2{font-size:1em;border:0}.change{margin:.3em 0 .3em 1em}caption{text-align:left;font-weight:bold}
            """;
    private static final String SCRIPT = """
            function refilter(){
              var on=function(k){return Array.from(document.querySelectorAll('input[data-'+k+']:checked')).map(function(i){return i.value;});};
              var lv=on('level'),gr=on('group'),st=on('state'),co=on('county');
              var county=function(e){return co.length===0&&!document.querySelector('input[data-county]')||co.indexOf(e.dataset.county)>=0;};
              document.querySelectorAll('.finding').forEach(function(f){
                var show=lv.indexOf(f.dataset.level)>=0&&gr.indexOf(f.dataset.group)>=0&&st.indexOf(f.dataset.state)>=0
                  &&county(f.closest('section'));
                f.classList.toggle('hidden',!show);});
              document.querySelectorAll('section.unit').forEach(function(s){
                s.classList.toggle('hidden',s.querySelectorAll('.finding:not(.hidden)').length===0);});
              document.querySelectorAll('h2.county').forEach(function(h){h.classList.toggle('hidden',!county(h));});
            }
            document.querySelectorAll('.filters input').forEach(function(i){i.addEventListener('change',refilter);});
            // #level=warning&group=REPORT,FUND&state=new: open the page with those filters set
            location.hash.replace(/^#/,'').split('&').forEach(function(part){
              var kv=part.split('=');if(kv.length!==2){return;}
              var keep=kv[1].split(',');
              document.querySelectorAll('input[data-'+kv[0]+']').forEach(function(i){i.checked=keep.indexOf(i.value)>=0;});
            });
            refilter();
            """;

    @Override
    public String name() {
        return "html";
    }

    @Override
    public String extension() {
        return "html";
    }

    @Override
    public void render(Report report, OutputStream out) throws IOException {
        boolean zh = "zh".equals(report.lang());
        PrintWriter w = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        w.printf("<!DOCTYPE html>%n<html lang=\"%s\"><head><meta charset=\"utf-8\">%n", zh ? "zh-CN" : "en");
        String title = Wording.title(report, zh);
        w.printf("<title>%s</title><style>%s</style></head><body>%n<h1>%s</h1>%n", esc(title), STYLE, esc(title));
        w.printf("<p class=\"tally\">%s</p>%n", esc(Wording.tally(report, zh)));
        if (report.rounds().tracked()) {
            rounds(w, report, zh);
        }
        Places places = new Places(report);
        Map<String, List<List<Report.Entry>>> byCounty = new LinkedHashMap<>();
        report.counties().forEach(u -> byCounty.put(u.id(), new ArrayList<>()));
        report.byUnitInHierarchy().forEach((unit, entries) -> byCounty.computeIfAbsent(places.countyId(unit),
                k -> new ArrayList<>()).add(entries));
        boolean counties = byCounty.size() > 1;
        if (counties) {
            countyTable(w, report, places, byCounty, zh);
        }
        filters(w, report, zh, counties ? byCounty.keySet() : List.of(), places);
        byCounty.forEach((county, sections) -> {
            if (counties && !sections.isEmpty()) {
                w.printf("<h2 class=\"county\" id=\"county-%s\" data-county=\"%s\">%s</h2>%n", esc(county), esc(county),
                        esc(places.name(county)));
            }
            for (List<Report.Entry> entries : sections) {
                Report.Entry first = entries.get(0);
                w.printf("<section class=\"unit\" data-county=\"%s\"><h3>%s <small>%s</small></h3>%n", esc(county),
                        esc(first.unitName()), esc(Wording.where(places, first.unit(), zh)));
                entries.forEach(e -> finding(w, e, report, zh));
                w.println("</section>");
            }
        });
        if (report.provenance().known()) {
            w.printf("<p class=\"provenance\">%s</p>%n", Wording.provenance(report.provenance(), zh).entrySet().stream()
                    .map(e -> esc(e.getKey()) + (Messages.word(zh, "word.colon")) + "<code>" + esc(e.getValue()) + "</code>")
                    .collect(java.util.stream.Collectors.joining(Messages.word(zh, "word.semicolon"))));
        }
        w.printf("<script>%s</script>%n</body></html>%n", SCRIPT);
        w.flush();
    }

    /**
     * The round at a glance, before everything else: how many findings are new, persisting (and overdue),
     * back, and rectified, the rectification rate; then what is new or back, and what was rectified.
     */
    private static void rounds(PrintWriter w, Report report, boolean zh) {
        w.printf("<div class=\"rounds\"><p>%s</p>%n", esc(Wording.round(report.roundCounts(), zh)));
        List<Report.Entry> changes = report.changes();
        if (!changes.isEmpty()) {
            w.printf("<h2>%s</h2>%n", esc(Messages.word(zh, "round.changes")));
            changes.forEach(e -> change(w, e, report, zh));
        }
        if (!report.rounds().rectified().isEmpty()) {
            w.printf("<h2>%s</h2>%n", esc(Messages.word(zh, "round.rectified")));
            report.rounds().rectified().forEach(e -> change(w, e, report, zh));
        }
        w.println("</div>");
    }

    /** One line of the round's changes: the unit, the level, the rule and the message. */
    private static void change(PrintWriter w, Report.Entry e, Report report, boolean zh) {
        w.printf("<div class=\"change %s\"><span class=\"level\">%s</span><span class=\"rule\">%s</span>%s</div>%n",
                e.level().yaml(), esc(e.level().label(report.lang())), esc(e.rule()), esc(Wording.withUnit(e, zh)));
    }


    /** Per county: units with findings, findings by level and, with a baseline, by state and the rectification rate. */
    private static void countyTable(PrintWriter w, Report report, Places places,
                                    Map<String, List<List<Report.Entry>>> byCounty, boolean zh) {
        boolean tracked = report.rounds().tracked();
        w.printf("<table class=\"counties\"><caption>%s</caption><tr>", esc(Messages.word(zh, "html.by_county")));
        List<String> heads = new ArrayList<>(List.of("html.county", "html.units_with_findings", "xlsx.sum.violations",
                "xlsx.sum.warnings"));
        if (tracked) {
            heads.addAll(List.of("xlsx.sum.new", "xlsx.sum.persisting", "xlsx.sum.regressed", "xlsx.sum.rectified",
                    "html.rectification_rate"));
        }
        heads.forEach(h -> w.printf("<th>%s</th>", esc(Messages.word(zh, h))));
        w.println("</tr>");
        Map<String, Long> rectified = report.rounds().rectified().stream().collect(Collectors.groupingBy(
                e -> places.countyId(e.unit()), Collectors.counting()));
        byCounty.forEach((county, sections) -> {
            List<Report.Entry> all = sections.stream().flatMap(List::stream).toList();
            w.printf("<tr><td><a href=\"#county-%s\">%s</a></td><td>%d</td><td>%d</td><td>%d</td>", esc(county),
                    esc(places.name(county)), sections.size(), all.stream().filter(e -> e.level() == Level.VIOLATION).count(),
                    all.stream().filter(e -> e.level() == Level.WARNING).count());
            if (tracked) {
                long persisting = all.stream().filter(e -> e.tracking().state() == Report.State.PERSISTING).count();
                long regressed = all.stream().filter(e -> e.tracking().state() == Report.State.REGRESSED).count();
                long done = rectified.getOrDefault(county, 0L);
                w.printf("<td>%d</td><td>%d</td><td>%d</td><td>%d</td><td>%s</td>",
                        all.stream().filter(e -> e.tracking().state() == Report.State.NEW).count(), persisting, regressed,
                        done, Wording.rate(new Report.RoundCounts(0, (int) persisting, 0, (int) regressed, (int) done)));
            }
            w.println("</tr>");
        });
        w.println("</table>");
    }

    private static void filters(PrintWriter w, Report report, boolean zh, java.util.Collection<String> counties,
                                Places places) {
        w.println("<div class=\"filters\">");
        if (!counties.isEmpty()) {
            w.printf("<p>%s ", Messages.word(zh, "html.county_filter"));
            counties.forEach(c -> checkbox(w, "county", c, places.name(c)));
            w.printf("</p>%n");
        }
        w.printf("<p>%s ", Messages.word(zh, "word.level_filter"));
        for (Level l : Level.values()) {
            checkbox(w, "level", l.yaml(), l.label(report.lang()));
        }
        w.printf("</p>%n<p>%s ", Messages.word(zh, "word.rule_group"));
        for (String g : report.findings().stream().map(Report.Entry::group).collect(Collectors.toCollection(TreeSet::new))) {
            checkbox(w, "group", g, Wording.group(g, zh));
        }
        w.printf("</p>%n<p>%s ", Messages.word(zh, "word.state_filter"));
        for (Report.State s : Report.State.values()) {
            checkbox(w, "state", s.yaml(), s.label(zh));
        }
        w.println("</p></div>");
    }

    private static void checkbox(PrintWriter w, String kind, String value, String label) {
        w.printf("<label><input type=\"checkbox\" data-%s value=\"%s\" checked> %s</label>", kind, esc(value), esc(label));
    }

    private static void finding(PrintWriter w, Report.Entry e, Report report, boolean zh) {
        w.printf("<div class=\"finding %s\" data-level=\"%s\" data-group=\"%s\" data-state=\"%s\" data-fingerprint=\"%s\">",
                e.level().yaml(), e.level().yaml(), esc(e.group()), e.tracking().state().yaml(), esc(e.fingerprint()));
        w.printf("<span class=\"level\">%s</span><span class=\"rule\" title=\"%s\">%s</span><span class=\"msg\">%s</span>",
                esc(e.level().label(report.lang())), esc(e.title()), esc(e.rule()), esc(e.message()));
        if (report.rounds().tracked()) {
            w.printf("<span class=\"state\">[%s%s]</span>", esc(e.tracking().state().label(zh)),
                    e.tracking().overdue() ? (Messages.word(zh, "word.overdue")) : "");
        }
        e.waiver().ifPresent(x -> w.printf("<span class=\"waiver\">[%s %s: %s]</span>", Messages.word(zh, "word.waived_until"),
                x.expires(), esc(x.reason())));
        Wording.deadline(e.tracking(), report.asOf(), zh).ifPresent(d -> w.printf("<span class=\"%s\">[%s %s]</span>",
                e.tracking().overdue() ? "state overdue" : "state", Messages.word(zh, "word.rectify_by"), esc(d)));
        Report.Evidence ev = e.evidence();
        w.printf("<div class=\"evidence\">%s</div></div>%n", esc(String.join(Messages.word(zh, "word.semicolon"),
                Wording.evidenceLines(ev, zh))));
    }

    static String esc(String s) {
        return Markup.escape(s);
    }
}
