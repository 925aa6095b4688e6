package xuncha.render;

import xuncha.problems.Messages;

import xuncha.findings.Level;
import xuncha.report.Report;
import xuncha.report.Texts;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The words the formats share, said once: a finding's evidence, the names of what a finding
 * compares, the closing tally. (Issue 12 moves them into the zh/en message bundles.)
 */
final class Wording {
    private Wording() {
    }

    /** A finding's evidence as lines: the facts, then expected/actual/missing, then the thresholds. */
    static List<String> evidenceLines(Report.Evidence ev, boolean zh) {
        String lang = zh ? "zh" : "en";
        List<String> lines = new ArrayList<>();
        lines.add((Messages.word(zh, "word.facts")) + String.join(", ", ev.facts()));
        if (!ev.compared().isEmpty()) {
            lines.add(ev.compared().entrySet().stream()
                    .map(c -> label(c.getKey(), zh) + " " + Texts.format(c.getValue(), lang))
                    .collect(Collectors.joining(Messages.word(zh, "word.comma"))));
        }
        if (!ev.thresholds().isEmpty()) {
            lines.add((Messages.word(zh, "word.thresholds")) + ev.thresholds().entrySet().stream()
                    .map(t -> t.getKey() + " = " + Texts.format(t.getValue(), "en"))
                    .collect(Collectors.joining(Messages.word(zh, "word.semicolon"))));
        }
        return lines;
    }

    /** Of findings by unit, those fed back to the units (waived ones left out), for the units that have any; the order kept. */
    static java.util.Map<String, List<Report.Entry>> fedBack(java.util.Map<String, List<Report.Entry>> byUnit) {
        java.util.Map<String, List<Report.Entry>> out = new java.util.LinkedHashMap<>();
        byUnit.forEach((unit, entries) -> {
            List<Report.Entry> fedBack = entries.stream().filter(e -> !e.waived()).toList();
            if (!fedBack.isEmpty()) {
                out.put(unit, fedBack);
            }
        });
        return out;
    }

    /** A report's title: whose facts (the county, or how many counties), the year, and the day. */
    static String title(Report r, boolean zh) {
        List<String> counties = r.counties().stream().map(Report.UnitRef::name).toList();
        String whose = counties.isEmpty() ? "" : counties.size() <= 3 ? String.join(Messages.word(zh, "word.list"), counties)
                : Messages.word(zh, "title.counties", counties.size());
        return Messages.word(zh, "title.report", whose, r.year(), xuncha.report.Texts.format(r.asOf(), zh ? "zh" : "en"));
    }

    /** A rule group by its name in the language (GRASS: 基层组织); a group the pack adds and the bundles do not name, as written. */
    static String group(String group, boolean zh) {
        String key = "group." + group;
        return Messages.bundle(zh ? "zh" : "en").containsKey(key) ? Messages.word(zh, key) : group;
    }

    static String label(String compared, boolean zh) {
        return switch (compared) {
            case "expected", "actual", "missing" -> Messages.word(zh, "compared." + compared);
            default -> compared;
        };
    }

    static String tally(Report r, boolean zh) {
        int total = r.findings().size();
        if (total == 0) {
            return Messages.word(zh, "tally.none", r.units(), r.rules());
        }
        return Messages.word(zh, "tally.some", r.units(), r.rules(), counted(zh, "tally.finding", total),
                counted(zh, "tally.violation", r.count(Level.VIOLATION)), counted(zh, "tally.warning", r.count(Level.WARNING)));
    }

    /** "1 finding", "24 findings": a count with its noun, singular or plural as the language has it. */
    private static String counted(boolean zh, String key, int n) {
        return Messages.word(zh, key + (n == 1 ? ".one" : ".many"), n);
    }

    /** What judged the report, as rows of a name and a value: version and digests of the pack and the facts. */
    static java.util.Map<String, String> provenance(xuncha.report.Provenance p, boolean zh) {
        java.util.Map<String, String> rows = new java.util.LinkedHashMap<>();
        rows.put(Messages.word(zh, "word.pack_version"), p.packVersion().isEmpty() ? (Messages.word(zh, "word.none_given"))
                : p.packVersion());
        rows.put(Messages.word(zh, "word.pack_sha"), p.packSha256());
        if (!p.factsSha256().isEmpty()) {
            rows.put(Messages.word(zh, "word.facts_sha"), p.factsSha256());
        }
        if (!p.sets().isEmpty()) {
            rows.put(Messages.word(zh, "word.thresholds_set"), new java.util.TreeMap<>(p.sets()).entrySet()
                    .stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(Messages.word(zh, "word.comma"))));
        }
        return rows;
    }
}
