package xuncha.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import xuncha.facts.Location;
import xuncha.findings.Level;
import xuncha.load.Diagnostics;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON report of an earlier round, as {@code check --baseline} reads it back. */
public record Baseline(LocalDate asOf, List<Report.Entry> findings, List<String> rectifiedEver) {

    /** Reads {@code file}; a file that is not such a report throws a located {@link xuncha.load.InputException}. */
    public static Baseline read(Path file, String shown) {
        Diagnostics problems = new Diagnostics();
        JsonNode root = null;
        try {
            root = new ObjectMapper().readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            problems.error(Location.ofFile(shown), "no such baseline file");
        } catch (JsonProcessingException e) {
            problems.error(new Location(shown, e.getLocation().getLineNr(), e.getLocation().getColumnNr()),
                    "the baseline is not JSON: %s", e.getOriginalMessage());
        } catch (IOException e) {
            problems.error(Location.ofFile(shown), "cannot read the baseline: %s", e.getMessage());
        }
        problems.throwIfAny();
        if (root == null || !root.path("findings").isArray() || !root.path("as_of").isTextual()) {
            problems.error(Location.ofFile(shown), "the baseline is not a JSON report of xuncha check"
                    + " (written with --format json): it lacks 'as_of' or 'findings'");
            problems.throwIfAny();
        }
        LocalDate asOf = date(root.get("as_of").asText(), shown, "as_of", problems);
        List<Report.Entry> findings = new ArrayList<>();
        int i = 0;
        for (JsonNode f : root.get("findings")) {
            i++;
            if (!f.path("fingerprint").isTextual() || !f.path("rule").isTextual() || !f.path("unit").isTextual()) {
                problems.error(Location.ofFile(shown), "finding %d of the baseline has no fingerprint, rule or unit"
                        + " (was it written by an older xuncha?)", i);
                continue;
            }
            findings.add(entry(f, asOf, shown, problems));
        }
        List<String> ever = new ArrayList<>();
        root.path("rectified_ever").forEach(n -> ever.add(n.asText()));
        problems.throwIfAny();
        return new Baseline(asOf, List.copyOf(findings), List.copyOf(ever));
    }

    private static Report.Entry entry(JsonNode f, LocalDate asOf, String shown, Diagnostics problems) {
        Level level = "warning".equals(f.path("level").asText()) ? Level.WARNING : Level.VIOLATION;
        JsonNode ev = f.path("evidence");
        List<String> facts = new ArrayList<>();
        ev.path("facts").forEach(n -> facts.add(n.asText()));
        Map<String, Object> compared = new LinkedHashMap<>();
        for (String k : List.of("expected", "actual", "missing")) {
            if (ev.has(k)) {
                compared.put(k, value(ev.get(k)));
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> thresholds = ev.path("thresholds").isObject()
                ? (Map<String, Object>) value(ev.get("thresholds")) : Map.of();
        LocalDate firstSeen = f.path("first_seen").isTextual()
                ? date(f.get("first_seen").asText(), shown, "first_seen", problems) : asOf;
        return new Report.Entry(f.get("rule").asText(), level, f.get("unit").asText(), f.path("unit_name").asText(""),
                text(f, "person"), text(f, "person_name"), f.path("title").asText(""), f.path("message").asText(""),
                new Report.Evidence(facts, compared, thresholds), f.get("fingerprint").asText(),
                new Report.Tracking(f.path("state").asText(Report.Tracking.NEW), firstSeen, f.path("overdue").asBoolean(),
                        f.path("deadline").isTextual()
                                ? java.util.Optional.of(date(f.get("deadline").asText(), shown, "deadline", problems))
                                : java.util.Optional.empty()),
                java.util.Optional.empty());
    }

    private static String text(JsonNode f, String field) {
        return f.path(field).isTextual() ? f.get(field).asText() : "";
    }

    private static Object value(JsonNode n) {
        if (n.isNumber()) {
            return new BigDecimal(n.asText());
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

    private static LocalDate date(String text, String shown, String field, Diagnostics problems) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problems.error(Location.ofFile(shown), "'%s' in the baseline is not a date: '%s'", field, text);
            return LocalDate.MIN;
        }
    }
}
