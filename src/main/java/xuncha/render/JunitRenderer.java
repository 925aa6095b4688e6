package xuncha.render;

import xuncha.problems.Messages;

import xuncha.report.Report;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * JUnit XML, so that a CI server shows the results natively: a test suite per rule, a test case per
 * unit the rule examined (its {@code @checks} types, and any unit it found a problem at), a
 * {@code failure} per finding. A unit whose only findings are waived is {@code skipped}; a rule that
 * held at a unit is a passing test case.
 */
final class JunitRenderer implements Renderer {
    @Override
    public String name() {
        return "junit";
    }

    @Override
    public String extension() {
        return "junit.xml";
    }

    private record Suite(Report.RuleRef rule, List<Case> cases) {
        long failed() {
            return cases.stream().filter(c -> !c.open().isEmpty()).count();
        }

        long skipped() {
            return cases.stream().filter(c -> c.open().isEmpty() && !c.waived().isEmpty()).count();
        }
    }

    private record Case(Report.UnitRef unit, List<Report.Entry> open, List<Report.Entry> waived) {
    }

    @Override
    public void render(Report report, OutputStream out) throws IOException {
        Map<String, Map<String, List<Report.Entry>>> byRuleAndUnit = report.findings().stream().collect(
                Collectors.groupingBy(Report.Entry::rule, Collectors.groupingBy(Report.Entry::unit)));
        List<Suite> suites = report.coverage().rules().stream().map(rule -> {
            Map<String, List<Report.Entry>> found = byRuleAndUnit.getOrDefault(rule.id(), Map.of());
            Set<String> withFindings = found.keySet();
            List<Case> cases = report.coverage().unitsCheckedBy(rule, withFindings).stream().map(u -> {
                List<Report.Entry> es = found.getOrDefault(u.id(), List.of());
                return new Case(u, es.stream().filter(e -> !e.waived()).toList(),
                        es.stream().filter(Report.Entry::waived).toList());
            }).toList();
            return new Suite(rule, cases);
        }).toList();
        boolean zh = "zh".equals(report.lang());
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("testsuites");
            x.writeAttribute("name", "xuncha " + report.year() + " (as of " + report.asOf() + ")");
            x.writeAttribute("tests", String.valueOf(suites.stream().mapToInt(s -> s.cases().size()).sum()));
            x.writeAttribute("failures", String.valueOf(suites.stream().mapToLong(Suite::failed).sum()));
            x.writeAttribute("errors", "0");
            x.writeAttribute("skipped", String.valueOf(suites.stream().mapToLong(Suite::skipped).sum()));
            x.writeAttribute("time", "0");
            for (Suite s : suites) {
                x.writeCharacters("\n  ");
                x.writeStartElement("testsuite");
                x.writeAttribute("name", s.rule().id() + " " + s.rule().title());
                x.writeAttribute("tests", String.valueOf(s.cases().size()));
                x.writeAttribute("failures", String.valueOf(s.failed()));
                x.writeAttribute("errors", "0");
                x.writeAttribute("skipped", String.valueOf(s.skipped()));
                x.writeAttribute("time", "0");
                x.writeCharacters("\n    ");
                x.writeStartElement("properties");
                property(x, "rule", s.rule().id());
                property(x, "level", s.rule().level().yaml());
                property(x, "cites", s.rule().cites());
                x.writeCharacters("\n    ");
                x.writeEndElement();
                for (Case c : s.cases()) {
                    testCase(x, s.rule(), c, zh);
                }
                x.writeCharacters("\n  ");
                x.writeEndElement();
            }
            x.writeCharacters("\n");
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndDocument();
            x.flush();
        } catch (XMLStreamException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static void property(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        x.writeCharacters("\n      ");
        x.writeEmptyElement("property");
        x.writeAttribute("name", name);
        x.writeAttribute("value", value);
    }

    private static void testCase(XMLStreamWriter x, Report.RuleRef rule, Case c, boolean zh) throws XMLStreamException {
        x.writeCharacters("\n    ");
        boolean empty = c.open().isEmpty() && c.waived().isEmpty();
        if (empty) {
            x.writeEmptyElement("testcase");
        } else {
            x.writeStartElement("testcase");
        }
        x.writeAttribute("classname", rule.id());
        x.writeAttribute("name", c.unit().id() + " " + c.unit().name());
        x.writeAttribute("time", "0");
        if (empty) {
            return;
        }
        for (Report.Entry e : c.open()) {
            x.writeCharacters("\n      ");
            x.writeStartElement("failure");
            x.writeAttribute("type", e.level().yaml());
            // One line: XML parsers turn a line break inside an attribute into a space anyway; the body has it all.
            x.writeAttribute("message", e.message().replaceAll("[\\r\\n\\t]+", " "));
            x.writeCharacters(details(e, zh));
            x.writeEndElement();
        }
        if (c.open().isEmpty()) {
            x.writeCharacters("\n      ");
            x.writeEmptyElement("skipped");
            x.writeAttribute("message", waivers(c.waived(), zh));
        } else if (!c.waived().isEmpty()) {
            x.writeCharacters("\n      ");
            x.writeStartElement("system-out");
            x.writeCharacters(waivers(c.waived(), zh));
            x.writeEndElement();
        }
        x.writeCharacters("\n    ");
        x.writeEndElement();
    }

    private static String details(Report.Entry e, boolean zh) {
        StringBuilder s = new StringBuilder(e.message()).append('\n');
        Wording.evidenceLines(e.evidence(), zh).forEach(l -> s.append(l).append('\n'));
        e.tracking().deadline().ifPresent(d -> s.append(Messages.word(zh, "word.rectify_by_colon")).append(d).append('\n'));
        s.append(Messages.word(zh, "word.state")).append(e.tracking().state().label(zh)).append('\n');
        s.append(Messages.word(zh, "word.fingerprint")).append(e.fingerprint()).append('\n');
        return s.toString();
    }

    private static String waivers(List<Report.Entry> waived, boolean zh) {
        return waived.stream().map(e -> (Messages.word(zh, "word.waived")) + e.message() + (Messages.word(zh, "word.open"))
                + e.waiver().orElseThrow().reason() + (Messages.word(zh, "word.until_after")) + e.waiver().orElseThrow().expires()
                + (Messages.word(zh, "word.close"))).collect(Collectors.joining("\n"));
    }
}
