package xuncha.render;

import xuncha.problems.Messages;

import xuncha.findings.Level;
import xuncha.report.Places;
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

    /**
     * A finding's evidence as lines: the facts as a reader names them, then expected/actual/missing,
     * then the thresholds by their names, with their values in their units.
     */
    static List<String> evidenceLines(Report.Evidence ev, boolean zh) {
        String lang = zh ? "zh" : "en";
        List<String> lines = new ArrayList<>();
        lines.add((Messages.word(zh, "word.facts")) + String.join(Messages.word(zh, "word.list"), ev.factsShown()));
        if (!ev.compared().isEmpty()) {
            lines.add(ev.compared().entrySet().stream()
                    .map(c -> label(c.getKey(), zh) + " " + Texts.format(c.getValue(), lang))
                    .collect(Collectors.joining(Messages.word(zh, "word.comma"))));
        }
        if (!ev.thresholds().isEmpty()) {
            lines.add((Messages.word(zh, "word.thresholds")) + String.join(Messages.word(zh, "word.semicolon"),
                    ev.thresholdsShown()));
        }
        return lines;
    }

    /**
     * A finding's deadline as a reader reads it: the day, and why or how late: 2022年12月31日（年底前补足）,
     * 2022年7月19日（已逾期 97 天）.
     */
    static java.util.Optional<String> deadline(Report.Tracking t, java.time.LocalDate asOf, boolean zh) {
        String lang = zh ? "zh" : "en";
        return t.deadline().map(d -> {
            String day = Texts.format(d, lang);
            if (t.overdue()) {
                return Messages.word(zh, "deadline.overdue", day, java.time.temporal.ChronoUnit.DAYS.between(d, asOf));
            }
            return Messages.word(zh, t.basis() == xuncha.findings.Deadline.YEAR_END ? "deadline.year_end"
                    : "deadline.plain", day);
        });
    }

    /** Where a unit stands, beside its name: the township and county above it, by name; "" for a county. */
    static String where(Places places, String id, boolean zh) {
        List<String> above = places.above(id);
        return above.isEmpty() ? "" : Messages.word(zh, "word.where", String.join(Messages.word(zh, "word.list"), above));
    }

    /** A unit's findings as its letter lists them: with a baseline the new and back ones first, else as they are. */
    static List<Report.Entry> roundOrder(Report report, List<Report.Entry> entries) {
        if (!report.rounds().tracked()) {
            return entries;
        }
        List<Report.Entry> out = new ArrayList<>(entries.stream()
                .filter(e -> e.tracking().state() != Report.State.PERSISTING).toList());
        out.addAll(entries.stream().filter(e -> e.tracking().state() == Report.State.PERSISTING).toList());
        return out;
    }

    /** With a baseline, how a unit's letter opens its problems: its round against the last one. */
    static java.util.Optional<String> unitRound(Report report, String unit, boolean zh) {
        if (!report.rounds().tracked()) {
            return java.util.Optional.empty();
        }
        Report.RoundCounts c = report.within(java.util.Set.of(unit)).roundCounts();
        return java.util.Optional.of(Messages.word(zh, "letter.round", c.rectified(), c.persisting(), c.overdue(),
                c.fresh(), c.regressed()));
    }

    /** A problem of a letter with, when rounds are tracked, its state: 1. …（仍存在）. */
    static String letterProblem(Report report, int n, Report.Entry e, boolean zh) {
        return Messages.word(zh, "letter.problem", n, e.message()) + (report.rounds().tracked()
                ? Messages.word(zh, "letter.state", e.tracking().state().label(zh)) : "");
    }

    /** A finding's message where its unit is not said otherwise: the message, after the unit's name unless it opens with it. */
    static String withUnit(Report.Entry e, boolean zh) {
        return e.message().startsWith(e.unitName()) ? e.message()
                : e.unitName() + Messages.word(zh, "word.colon") + e.message();
    }

    /** The round at a glance in one line: new, persisting, overdue, back, rectified, and the rate. */
    static String round(Report.RoundCounts c, boolean zh) {
        return Messages.word(zh, "round.line", c.fresh(), c.persisting(), c.overdue(), c.regressed(), c.rectified(),
                rate(c));
    }

    /** The rectification rate as a percentage, or a dash when nothing was owed. */
    static String rate(Report.RoundCounts c) {
        return c.ratePercent().isPresent() ? c.ratePercent().getAsLong() + "%" : "—";
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
