package xuncha.render;

import xuncha.report.Report;


import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import xuncha.facts.Location;
import xuncha.facts.UnitType;
import xuncha.facts.Waiver;
import xuncha.findings.Level;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every renderer must do, on the same fixed reports: no findings at all, one finding whose
 * texts need escaping in every format, and many. A new format gets these checks by registering.
 */
class RenderersContractTest {
    private static final LocalDate AS_OF = LocalDate.of(2022, 10, 24);
    /** Markup, quotes, an ampersand, a line break, a tab and Chinese: each format must carry it intact. */
    static final String TRICKY = "<script>alert(\"x\")</script> & 'q'\n第二行\t制表";

    private static final Report.RuleRef RULE = new Report.RuleRef("GRASS-01", "GRASS", xuncha.findings.RuleLevel.VIOLATION,
            "乡镇团委配备书记 <b>&</b>", "“依据” <i>", List.of(UnitType.TOWNSHIP_LEAGUE_COMMITTEE));

    private static Report.Entry entry(String unit, String message, Level level, Optional<Waiver> waiver) {
        return new Report.Entry(RULE.id(), level, unit, unit + " 名<称>", "", "", RULE.title(), message,
                new Report.Evidence(List.of(unit), Map.of(), Map.of()), "fp-" + unit,
                new Report.Tracking(Report.State.NEW, AS_OF, false, Optional.of(AS_OF.plusDays(60)),
                        xuncha.findings.Deadline.RECTIFICATION), waiver);
    }

    private static Report report(List<Report.Entry> entries, List<String> units) {
        return Report.of("zh", 2022, AS_OF, entries, false, new Report.Coverage(List.of(RULE),
                units.stream().map(u -> new Report.UnitRef(u, u + " 名<称>", UnitType.TOWNSHIP_LEAGUE_COMMITTEE)).toList(),
                Map.of(units.get(0), new Location("facts/县.yaml", 3, 5))));
    }

    static Report none() {
        return report(List.of(), List.of("t-a"));
    }

    static Report tricky() {
        return report(List.of(entry("t-a", TRICKY, Level.VIOLATION, Optional.empty())), List.of("t-a"));
    }

    static Report many() {
        List<Report.Entry> entries = new ArrayList<>();
        List<String> units = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String unit = String.format("t-%03d", i);
            units.add(unit);
            Optional<Waiver> waiver = i % 50 == 0 ? Optional.of(new Waiver(RULE.id(), unit, "", "理由 <x>", "县委组织部",
                    AS_OF.minusDays(10), AS_OF.plusDays(100), new Location("w.yaml", i + 2, 5))) : Optional.empty();
            entries.add(entry(unit, "问题 " + i, i % 3 == 0 ? Level.WARNING : Level.VIOLATION, waiver));
        }
        return report(entries, units);
    }

    private static byte[] render(Renderer r, Report report) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        r.render(report, out);
        return out.toByteArray();
    }

    @TestFactory
    Stream<DynamicTest> everyRendererOnNoneTrickyAndMany() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String name : Renderers.names()) {
            Renderer r = Renderers.byName(name).orElseThrow();
            tests.add(DynamicTest.dynamicTest(name + ": no findings", () -> {
                byte[] out = render(r, none());
                if (!name.equals("letters-md")) {
                    assertThat(out).isNotEmpty();
                }
                assertThat(messages(name, out)).isEmpty();
            }));
            tests.add(DynamicTest.dynamicTest(name + ": a message that needs escaping comes through intact", () -> {
                byte[] out = render(r, tricky());
                if (name.equals("junit")) { // the message attribute is one line by design; the failure's body is whole
                    assertThat(messages(name, out)).containsExactly(TRICKY.replaceAll("[\\r\\n\\t]+", " "));
                    assertThat(DocumentBuilderFactory.newInstance().newDocumentBuilder()
                            .parse(new ByteArrayInputStream(out)).getElementsByTagName("failure").item(0)
                            .getTextContent()).startsWith(TRICKY + "\n");
                } else {
                    assertThat(messages(name, out)).containsExactly(TRICKY);
                }
                if (!name.equals("xlsx")) { // a zip: its entries carry the time they were written
                    assertThat(render(r, tricky())).as("the same report renders the same").isEqualTo(out);
                }
            }));
            tests.add(DynamicTest.dynamicTest(name + ": many findings, all there, in report order", () -> {
                List<String> expected = many().findings().stream().filter(e -> !name.startsWith("letters") || !e.waived())
                        .map(Report.Entry::message).toList();
                assertThat(messages(name, render(r, many()))).containsExactlyElementsOf(expected);
            }));
        }
        return tests.stream();
    }

    /** The finding messages a format carries, read back the way its consumers read it. */
    private static List<String> messages(String format, byte[] out) throws Exception {
        String text = new String(out, StandardCharsets.UTF_8);
        List<String> found = new ArrayList<>();
        switch (format) {
            case "json" -> new ObjectMapper().readTree(out).get("findings").forEach(f -> found.add(f.get("message").asText()));
            case "sarif" -> {
                JsonNode results = new ObjectMapper().readTree(out).get("runs").get(0).get("results");
                if (results != null) {
                    results.forEach(r -> found.add(r.get("message").get("text").asText()));
                }
            }
            case "junit" -> {
                Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                        .parse(new ByteArrayInputStream(out));
                NodeList failures = doc.getElementsByTagName("failure");
                NodeList skipped = doc.getElementsByTagName("skipped");
                for (int i = 0; i < failures.getLength(); i++) {
                    found.add(failures.item(i).getAttributes().getNamedItem("message").getNodeValue());
                }
                for (int i = 0; i < skipped.getLength(); i++) {
                    String m = skipped.item(i).getAttributes().getNamedItem("message").getNodeValue();
                    found.add(m.substring("已豁免：".length(), m.indexOf("（理由")));
                }
                // JUnit lists by rule and unit; the report orders by unit, rule, person, message: the same here.
                found.sort(java.util.Comparator.comparing(m -> m.startsWith("问题 ") ? Integer.parseInt(m.substring(3)) : -1));
            }
            case "xlsx" -> { // rows in the order of the organisation, which the contract's flat units keep by id
                try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out))) {
                    var sheet = wb.getSheetAt(0);
                    for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                        found.add(sheet.getRow(r).getCell(9).getStringCellValue());
                    }
                }
            }
            case "html" -> {
                assertThat(text).doesNotContain("<script>alert").doesNotContain("<b>&</b>").doesNotContain("名<称>");
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("<span class=\"msg\">(.*?)</span>",
                        java.util.regex.Pattern.DOTALL).matcher(text);
                while (m.find()) {
                    found.add(m.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                            .replace("&#39;", "'").replace("&amp;", "&"));
                }
            }
            case "letters" -> {
                // Many letters of one repeated shape compress far: more than POI's guard against zip bombs allows.
                double guard = org.apache.poi.openxml4j.util.ZipSecureFile.getMinInflateRatio();
                org.apache.poi.openxml4j.util.ZipSecureFile.setMinInflateRatio(0.001);
                try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(new ByteArrayInputStream(out))) {
                    for (var p : doc.getParagraphs()) {
                        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?s)\\d+\\. (.*)").matcher(p.getText());
                        if (m.matches()) {
                            found.add(m.group(1));
                        }
                    }
                } finally {
                    org.apache.poi.openxml4j.util.ZipSecureFile.setMinInflateRatio(guard);
                }
            }
            case "text", "letters-md" -> {
                for (String candidate : List.of(TRICKY)) {
                    if (text.contains(candidate)) {
                        found.add(candidate);
                    }
                }
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?<!发现)问题 (\\d+)").matcher(text);
                while (m.find()) {
                    found.add(m.group());
                }
            }
            default -> throw new AssertionError("no contract reader for the format " + format + ": add one here");
        }
        return found;
    }
}
