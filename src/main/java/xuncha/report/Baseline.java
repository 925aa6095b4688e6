package xuncha.report;

import com.fasterxml.jackson.databind.JsonNode;
import xuncha.facts.Location;
import xuncha.findings.Level;
import xuncha.problems.Diagnostics;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON report of an earlier round, as {@code check --baseline} reads it back. */
public record Baseline(LocalDate asOf, List<Report.Entry> findings, List<String> rectifiedEver, Location asOfAt) {

    /** The largest baseline read: the JSON report of a country's check is smaller. */
    static final long MAX_BYTES = 512L << 20;

    /** Reads {@code file}; a file that is not such a report throws a located {@link xuncha.problems.InputException}. */
    public static Baseline read(Path file, String shown) {
        LocatedJson json = LocatedJson.read(bytes(file, shown), shown);
        Diagnostics problems = new Diagnostics();
        JsonNode root = json.root();
        if (!root.isObject() || !root.path(ReportJson.FINDINGS).isArray() || !root.path(ReportJson.AS_OF).isTextual()) {
            problems.say(json.at(root), "baseline.not_report");
            problems.throwIfAny();
        }
        LocalDate asOf = date(json, root, ReportJson.AS_OF, problems);
        List<Report.Entry> findings = new ArrayList<>();
        int i = 0;
        for (JsonNode f : root.get(ReportJson.FINDINGS)) {
            i++;
            if (!f.path(ReportJson.FINGERPRINT).isTextual() || !f.path(ReportJson.RULE).isTextual() || !f.path(ReportJson.UNIT).isTextual()) {
                problems.say(json.at(f), "baseline.finding_incomplete", i);
                continue;
            }
            findings.add(entry(json, f, asOf, problems));
        }
        List<String> ever = new ArrayList<>();
        JsonNode rectifiedEver = root.path(ReportJson.RECTIFIED_EVER);
        if (!rectifiedEver.isMissingNode() && !rectifiedEver.isArray()) {
            problems.say(json.at(root, ReportJson.RECTIFIED_EVER), "baseline.rectified_ever_list");
        }
        rectifiedEver.forEach(n -> {
            if (n.isTextual()) {
                ever.add(n.asText());
            } else {
                problems.say(json.at(root, ReportJson.RECTIFIED_EVER), "baseline.rectified_ever_text", Diagnostics.quote(n.toString()));
            }
        });
        problems.throwIfAny();
        return new Baseline(asOf, List.copyOf(findings), List.copyOf(ever), json.at(root, ReportJson.AS_OF));
    }

    private static byte[] bytes(Path file, String shown) {
        Diagnostics problems = new Diagnostics();
        try {
            if (!Files.isRegularFile(file) && Files.exists(file)) {
                problems.say(Location.ofFile(shown), "baseline.not_regular");
            } else if (Files.size(file) > MAX_BYTES) {
                problems.say(Location.ofFile(shown), "baseline.too_large", Files.size(file), MAX_BYTES >> 20);
            } else {
                return Files.readAllBytes(file);
            }
        } catch (NoSuchFileException e) {
            problems.say(Location.ofFile(shown), "baseline.no_file");
        } catch (IOException e) {
            problems.say(Location.ofFile(shown), "baseline.cannot_read", e.getMessage());
        }
        problems.throwIfAny();
        throw new IllegalStateException("unreachable");
    }

    /**
     * Refuses a baseline that cannot be this fact base's previous round: one that describes a later
     * day, or whose findings name none of its units (the report of another county).
     */
    public void checkAgainst(LocalDate runAsOf, java.util.Collection<String> units) {
        Diagnostics problems = new Diagnostics();
        if (asOf.isAfter(runAsOf)) {
            problems.say(asOfAt, "baseline.after", asOf, runAsOf);
        }
        java.util.Set<String> known = new java.util.HashSet<>(units);
        if (!findings.isEmpty() && findings.stream().noneMatch(f -> known.contains(f.unit()))) {
            problems.say(Location.ofFile(asOfAt.file()), "baseline.other_units", findings.size());
        }
        problems.throwIfAny();
    }

    private static Report.Entry entry(LocatedJson json, JsonNode f, LocalDate asOf, Diagnostics problems) {
        String levelText = f.path(ReportJson.LEVEL).asText("");
        if (!levelText.equals("warning") && !levelText.equals("violation")) {
            problems.say(json.at(f, ReportJson.LEVEL), "baseline.level", Diagnostics.quote(levelText));
        }
        Level level = "warning".equals(levelText) ? Level.WARNING : Level.VIOLATION;
        JsonNode ev = f.path(ReportJson.EVIDENCE);
        List<String> facts = new ArrayList<>();
        ev.path(ReportJson.FACTS).forEach(n -> facts.add(n.asText()));
        Map<String, Object> compared = new LinkedHashMap<>();
        for (String k : List.of(ReportJson.EXPECTED, ReportJson.ACTUAL, ReportJson.MISSING)) {
            if (ev.has(k)) {
                compared.put(k, value(ev.get(k)));
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> thresholds = ev.path(ReportJson.THRESHOLDS).isObject()
                ? (Map<String, Object>) value(ev.get(ReportJson.THRESHOLDS)) : Map.of();
        LocalDate firstSeen = f.has(ReportJson.FIRST_SEEN) && !f.get(ReportJson.FIRST_SEEN).isNull()
                ? date(json, f, ReportJson.FIRST_SEEN, problems) : asOf;
        if (firstSeen.isAfter(asOf)) {
            problems.say(json.at(f, ReportJson.FIRST_SEEN), "baseline.first_seen", firstSeen, asOf);
        }
        String stateText = f.path(ReportJson.STATE).asText(Report.State.NEW.yaml());
        java.util.Optional<Report.State> read = Report.State.of(stateText);
        if (read.isEmpty()) {
            problems.say(json.at(f, ReportJson.STATE), "baseline.state",
                    java.util.Arrays.stream(Report.State.values()).map(Report.State::yaml).sorted()
                            .collect(java.util.stream.Collectors.joining(", ")), Diagnostics.quote(stateText));
        }
        Report.State state = read.orElse(Report.State.NEW);
        return new Report.Entry(f.get(ReportJson.RULE).asText(), level, f.get(ReportJson.UNIT).asText(), f.path(ReportJson.UNIT_NAME).asText(""),
                text(f, ReportJson.PERSON), text(f, ReportJson.PERSON_NAME), f.path(ReportJson.TITLE).asText(""), f.path(ReportJson.MESSAGE).asText(""),
                new Report.Evidence(facts, compared, thresholds), f.get(ReportJson.FINGERPRINT).asText(),
                new Report.Tracking(state, firstSeen, f.path(ReportJson.OVERDUE).asBoolean(),
                        f.has(ReportJson.DEADLINE) && !f.get(ReportJson.DEADLINE).isNull()
                                ? java.util.Optional.of(date(json, f, ReportJson.DEADLINE, problems))
                                : java.util.Optional.empty(), basis(json, f, problems)),
                java.util.Optional.empty());
    }

    /** How the earlier round computed the deadline; a report from before {@code deadline_basis} used the period. */
    private static xuncha.findings.Deadline basis(LocatedJson json, JsonNode f, Diagnostics problems) {
        if (!f.hasNonNull(ReportJson.DEADLINE_BASIS)) {
            return xuncha.findings.Deadline.RECTIFICATION;
        }
        String written = f.get(ReportJson.DEADLINE_BASIS).asText();
        java.util.Optional<xuncha.findings.Deadline> read = xuncha.findings.Deadline.of(written);
        if (read.isEmpty()) {
            problems.say(json.at(f, ReportJson.DEADLINE_BASIS), "baseline.deadline_basis",
                    java.util.Arrays.stream(xuncha.findings.Deadline.values()).map(xuncha.findings.Deadline::yaml)
                            .collect(java.util.stream.Collectors.joining(", ")), Diagnostics.quote(written));
        }
        return read.orElse(xuncha.findings.Deadline.RECTIFICATION);
    }

    private static String text(JsonNode f, String field) {
        return f.path(field).isTextual() ? f.get(field).asText() : "";
    }

    /** A JSON value as the report model holds it: numbers as BigDecimal, lists, maps, the rest as text. */
    public static Object value(JsonNode n) {
        if (n.isNumber()) {
            return n.decimalValue();
        }
        if (n.isArray()) {
            List<Object> list = new ArrayList<>();
            n.forEach(x -> list.add(value(x)));
            return list;
        }
        if (n.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            n.fields().forEachRemaining(e -> map.put(e.getKey(), value(e.getValue())));
            return map;
        }
        return n.asText();
    }

    private static LocalDate date(LocatedJson json, JsonNode object, String field, Diagnostics problems) {
        JsonNode n = object.path(field);
        java.util.Optional<LocalDate> day = n.isTextual() ? xuncha.yaml.Dates.parse(n.asText())
                : java.util.Optional.empty();
        if (day.isEmpty()) {
            problems.say(json.at(object, field), "baseline.date", field, xuncha.yaml.Dates.FIRST_YEAR, xuncha.yaml.Dates.LAST_YEAR,
                    Diagnostics.quote(n.toString()));
        }
        return day.orElse(LocalDate.of(xuncha.yaml.Dates.FIRST_YEAR, 1, 1));
    }
}
