package xuncha.render;

import xuncha.problems.Messages;

import xuncha.report.Report;
import xuncha.report.ReportJson;

import com.contrastsecurity.sarif.ArtifactLocation;
import com.contrastsecurity.sarif.Location;
import com.contrastsecurity.sarif.Message;
import com.contrastsecurity.sarif.MultiformatMessageString;
import com.contrastsecurity.sarif.PartialFingerprints;
import com.contrastsecurity.sarif.PhysicalLocation;
import com.contrastsecurity.sarif.PropertyBag;
import com.contrastsecurity.sarif.Region;
import com.contrastsecurity.sarif.ReportingConfiguration;
import com.contrastsecurity.sarif.ReportingDescriptor;
import com.contrastsecurity.sarif.Result;
import com.contrastsecurity.sarif.Run;
import com.contrastsecurity.sarif.SarifSchema210;
import com.contrastsecurity.sarif.Suppression;
import com.contrastsecurity.sarif.Tool;
import com.contrastsecurity.sarif.ToolComponent;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import xuncha.facts.UnitType;
import xuncha.findings.Level;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * SARIF 2.1.0, for editors and code-review tools: each finding at the line and column of the YAML
 * where the fact it is about is written (the problem, the evaluation, the admission, the budget…;
 * else the person, else the unit), the other facts it rests on as related locations.
 */
final class SarifRenderer implements Renderer {
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    /** The key of the finding's fingerprint among SARIF's partial fingerprints. */
    static final String FINGERPRINT = "xuncha/v1";

    private static final ObjectMapper JSON = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_EMPTY)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);

    @Override
    public String name() {
        return "sarif";
    }

    @Override
    public String extension() {
        return "sarif";
    }

    @Override
    public void render(Report report, OutputStream out) throws IOException {
        boolean zh = "zh".equals(report.lang());
        Set<ReportingDescriptor> rules = new LinkedHashSet<>();
        Map<String, Integer> index = new HashMap<>();
        for (Report.RuleRef r : report.coverage().rules()) {
            index.put(r.id(), index.size());
            rules.add(rule(r, zh));
        }
        List<Result> results = new ArrayList<>();
        for (Report.Entry e : report.findings()) {
            results.add(result(e, index.get(e.rule()), report));
        }
        Run run = new Run()
                .withTool(new Tool().withDriver(new ToolComponent().withName("xuncha").withSemanticVersion("0.1.0")
                        .withFullName(Messages.word(zh, "word.tool_name"))
                        .withLanguage(zh ? "zh-CN" : "en-US")
                        .withRules(rules)))
                .withLanguage(zh ? "zh-CN" : "en-US")
                .withColumnKind(Run.ColumnKind.UTF_16_CODE_UNITS)
                .withResults(results)
                .withProperties(new PropertyBag().withAdditionalProperty("year", report.year())
                        .withAdditionalProperty("as_of", report.asOf().toString())
                        .withAdditionalProperty("units", report.units())
                        .withAdditionalProperty("rectified", report.rounds().rectified().stream()
                                .map(Report.Entry::fingerprint).toList())
                        .withAdditionalProperty(ReportJson.PROVENANCE, provenance(report.provenance())));
        SarifSchema210 log = new SarifSchema210()
                .with$schema(URI.create(SCHEMA))
                .withVersion(SarifSchema210.Version._2_1_0)
                .withRuns(List.of(run));
        JSON.writeValue(out, log);
        out.write('\n');
    }

    private static ReportingDescriptor rule(Report.RuleRef r, boolean zh) {
        String applies = r.checks().isEmpty() ? (Messages.word(zh, "word.every_unit"))
                : r.checks().stream().map(t -> t.label(zh ? "zh" : "en")).collect(Collectors.joining(Messages.word(zh, "word.list")));
        String help = (Messages.word(zh, "word.requirement")) + r.title() + "\n" + (Messages.word(zh, "word.source")) + r.cites()
                + "\n" + (Messages.word(zh, "word.applies_to")) + applies;
        String helpMarkdown = "**" + r.title() + "**\n\n> " + r.cites() + "\n\n" + (Messages.word(zh, "word.applies_to"))
                + applies;
        return new ReportingDescriptor()
                .withId(r.id())
                .withShortDescription(new MultiformatMessageString().withText(r.title()))
                .withFullDescription(new MultiformatMessageString().withText(r.title() + (Messages.word(zh, "word.open")) + r.cites()
                        + (Messages.word(zh, "word.close"))))
                .withHelp(new MultiformatMessageString().withText(help).withMarkdown(helpMarkdown))
                .withDefaultConfiguration(new ReportingConfiguration().withLevel(r.level() == xuncha.findings.RuleLevel.VIOLATION
                        ? ReportingConfiguration.Level.ERROR : ReportingConfiguration.Level.WARNING))
                .withProperties(new PropertyBag().withTags(new LinkedHashSet<>(List.of(r.group())))
                        .withAdditionalProperty("checks", r.checks().stream().map(UnitType::yaml).toList()));
    }

    private static Result result(Report.Entry e, Integer ruleIndex, Report report) {
        Map<String, xuncha.facts.Location> origins = report.coverage().origins();
        String subject = subject(e, origins);
        List<Location> locations = new ArrayList<>();
        locate(origins.get(subject), subject, false).ifPresent(locations::add);
        Set<Location> related = new LinkedHashSet<>();
        int id = 0;
        for (String fact : e.evidence().facts()) {
            if (!fact.equals(subject)) {
                final int n = ++id;
                locate(origins.get(fact), fact, true).map(l -> l.withId(n)).ifPresent(related::add);
            }
        }
        PropertyBag props = new PropertyBag()
                .withAdditionalProperty("unit", e.unit())
                .withAdditionalProperty("unit_name", e.unitName())
                .withAdditionalProperty("state", e.tracking().state().yaml());
        if (!e.person().isEmpty()) {
            props.withAdditionalProperty("person", e.person()).withAdditionalProperty("person_name", e.personName());
        }
        e.tracking().deadline().ifPresent(d -> props.withAdditionalProperty("deadline", d.toString()));
        if (report.rounds().tracked()) {
            props.withAdditionalProperty("first_seen", e.tracking().firstSeen().toString())
                    .withAdditionalProperty("overdue", e.tracking().overdue());
        }
        Result result = new Result()
                .withRuleId(e.rule())
                .withRuleIndex(ruleIndex)
                .withLevel(e.level() == Level.VIOLATION ? Result.Level.ERROR : Result.Level.WARNING)
                .withMessage(new Message().withText(e.message()))
                .withLocations(locations)
                .withRelatedLocations(related)
                .withPartialFingerprints(new PartialFingerprints().withAdditionalProperty(FINGERPRINT, e.fingerprint()))
                .withProperties(props);
        if (report.rounds().tracked()) {
            result.withBaselineState(e.tracking().state() == Report.State.PERSISTING
                    ? Result.BaselineState.UNCHANGED : Result.BaselineState.NEW);
        }
        e.waiver().ifPresent(w -> result.withSuppressions(Set.of(new Suppression()
                .withKind(Suppression.Kind.EXTERNAL)
                .withStatus(Suppression.Status.ACCEPTED)
                .withJustification(w.reason() + " (" + w.approvedBy() + ", " + w.approvedOn() + ", until " + w.expires()
                        + ")"))));
        return result;
    }

    /**
     * The fact the finding is about: the first fact it rests on beyond its unit and person (the
     * problem, the evaluation, the admission…), else the person, else the unit.
     */
    private static String subject(Report.Entry e, Map<String, xuncha.facts.Location> origins) {
        for (String fact : e.evidence().facts()) {
            if (!fact.equals(e.unit()) && !fact.equals(e.person()) && origins.containsKey(fact)) {
                return fact;
            }
        }
        return !e.person().isEmpty() && origins.containsKey(e.person()) ? e.person() : e.unit();
    }

    private static Optional<Location> locate(xuncha.facts.Location at, String fact, boolean withMessage) {
        if (at == null) {
            return Optional.empty();
        }
        PhysicalLocation physical = new PhysicalLocation().withArtifactLocation(artifact(at.file()));
        if (at.line() > 0 && at.sheet().isEmpty()) {
            physical.withRegion(new Region().withStartLine(at.line()).withStartColumn(at.column()));
        }
        Location location = new Location().withPhysicalLocation(physical);
        if (withMessage) {
            location.withMessage(new Message().withText(fact));
        }
        return Optional.of(location);
    }

    /**
     * The facts file as a URI: a file URI for an absolute path; otherwise a relative reference
     * from where xuncha ran ({@code %SRCROOT%}), percent-encoded (file names are often Chinese).
     */
    static ArtifactLocation artifact(String file) {
        Path path = Path.of(file);
        if (path.isAbsolute()) {
            return new ArtifactLocation().withUri(path.toUri().toASCIIString());
        }
        try {
            String relative = new URI(null, null, file.replace('\\', '/'), null).toASCIIString();
            return new ArtifactLocation().withUri(relative).withUriBaseId("%SRCROOT%");
        } catch (URISyntaxException e) {
            throw new IllegalStateException("a path always makes a URI path: " + file, e);
        }
    }

    /** Which pack judged which facts, under the JSON report's names; empty when not known. */
    private static java.util.Map<String, Object> provenance(xuncha.report.Provenance p) {
        java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
        if (p.known()) {
            out.put(ReportJson.PACK_VERSION, p.packVersion());
            out.put(ReportJson.PACK_SHA256, p.packSha256());
            if (!p.factsSha256().isEmpty()) {
                out.put(ReportJson.FACTS_SHA256, p.factsSha256());
            }
            out.put(ReportJson.SET, new java.util.TreeMap<>(p.sets()));
        }
        return out;
    }
}
