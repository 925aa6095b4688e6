package xuncha.render;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import xuncha.Run;
import xuncha.RulesCopy;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** JUnit XML: a suite per rule, a case per unit it examined, passes included. */
class JunitRendererTest {
    private static final String SAMPLE = "fixtures/yangqu-2022.yaml";

    @TempDir
    Path dir;

    private static Document junit(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("check", "--format", "junit"));
        all.addAll(List.of(args));
        Run run = Run.xuncha(all.toArray(String[]::new));
        assertThat(run.err()).isEmpty();
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(run.out().getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && e.getTagName().equals(name)) {
                out.add(e);
            }
        }
        return out;
    }

    private static Element suite(Document doc, String rule) {
        return children(doc.getDocumentElement(), "testsuite").stream()
                .filter(s -> s.getAttribute("name").startsWith(rule + " ")).findFirst().orElseThrow();
    }

    private static List<String> caseNames(Element suite) {
        return children(suite, "testcase").stream().map(c -> c.getAttribute("name")).toList();
    }

    @Test
    void aSuitePerRuleACasePerUnitExaminedAndAFailurePerFinding() throws Exception {
        Document doc = junit(SAMPLE);
        Element root = doc.getDocumentElement();
        List<Element> suites = children(root, "testsuite");
        assertThat(suites).hasSize(31);
        int tests = 0;
        int failedCases = 0;
        for (Element s : suites) {
            List<Element> cases = children(s, "testcase");
            long failed = cases.stream().filter(c -> !children(c, "failure").isEmpty()).count();
            assertThat(s.getAttribute("tests")).isEqualTo(String.valueOf(cases.size()));
            assertThat(s.getAttribute("failures")).isEqualTo(String.valueOf(failed));
            tests += cases.size();
            failedCases += (int) failed;
        }
        assertThat(root.getAttribute("tests")).isEqualTo(String.valueOf(tests));
        assertThat(root.getAttribute("failures")).isEqualTo(String.valueOf(failedCases));
        assertThat(doc.getElementsByTagName("failure").getLength()).isEqualTo(24);

        // REPORT-02 examines every township party committee: two fall short, the third passes.
        Element report = suite(doc, "REPORT-02");
        assertThat(caseNames(report)).containsExactly("dhs-party 中共东黄水镇委员会", "dy-party 中共大盂镇委员会",
                "hz-party 中共黄寨镇委员会");
        Element failing = children(report, "testcase").get(1);
        Element failure = children(failing, "failure").get(0);
        assertThat(failure.getAttribute("type")).isEqualTo("warning");
        assertThat(failure.getAttribute("message")).startsWith("中共大盂镇委员会2022年截至10月24日");
        assertThat(failure.getTextContent()).contains("依据：中共大盂镇委员会、2022年5月12日乡镇党委会")
                .contains("整改期限：2022-12-31");
        assertThat(children(children(report, "testcase").get(2), "failure")).isEmpty();

        // A rule that names no unit types examines every unit.
        assertThat(children(suite(doc, "INSPECT-02"), "testcase")).hasSize(Integer.parseInt(
                Run.xuncha("check", "--format", "json", SAMPLE).out().replaceAll("(?s).*\"units\" : (\\d+).*", "$1")));
    }

    @Test
    void aUnitWhoseOnlyFindingIsWaivedIsSkipped() throws Exception {
        Path waivers = dir.resolve("w.yaml");
        Files.writeString(waivers, "waivers:\n  - {rule: REPORT-02, unit: dy-party, reason: 会议记录待补, approved_by: 县委组织部,"
                + " approved_on: 2022-09-01, expires: 2023-06-30}\n");
        Document doc = junit("--waivers", waivers.toString(), SAMPLE);
        Element report = suite(doc, "REPORT-02");
        assertThat(report.getAttribute("skipped")).isEqualTo("1");
        assertThat(report.getAttribute("failures")).isEqualTo("1");
        Element skipped = children(children(report, "testcase").get(1), "skipped").get(0);
        assertThat(skipped.getAttribute("message")).startsWith("已豁免：").endsWith("（会议记录待补，至 2023-06-30）");
        assertThat(doc.getDocumentElement().getAttribute("skipped")).isEqualTo("1");
    }

    @Test
    void aFindingAtAUnitOutsideTheDeclaredTypesStillHasItsCase() throws Exception {
        Path rules = dir.resolve("rules");
        RulesCopy.into(rules);
        RulesCopy.edit(rules, "grass.drl", "@checks(\"township_league_committee\")", "@checks(\"village\")");
        Document doc = junit("--rules", rules.toString(), "--rule", "GRASS-01", SAMPLE);
        assertThat(children(doc.getDocumentElement(), "testsuite")).hasSize(1);
        List<String> names = caseNames(suite(doc, "GRASS-01"));
        assertThat(names).contains("dhs-v1 东黄水村");
        assertThat(names).contains("dhs-league 共青团东黄水镇委员会").noneMatch(n -> n.startsWith("dy-league"));
    }
}
