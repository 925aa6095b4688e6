package xuncha.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import xuncha.check.Check;
import xuncha.check.CheckListener;
import xuncha.check.CheckRequest;
import xuncha.engine.SessionLimits;
import xuncha.engine.RulePack;
import xuncha.engine.RuleSources;
import xuncha.facts.FactBase;
import xuncha.load.FactLoader;
import xuncha.problems.InputException;
import xuncha.report.Impact;
import xuncha.render.ImpactRenderer;
import xuncha.report.Report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code xuncha impact}: what an edit of the rules does to the findings on the same facts. */
@Command(name = "impact", mixinStandardHelpOptions = true)
final class ImpactCommand implements Callable<Integer> {
    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Option(names = "--base", paramLabel = "OLD_RULES_DIR", required = true)
    String base;

    @Mixin
    PackOption pack;

    @Parameters(descriptionKey = "facts", paramLabel = "FACTS", arity = "1..*")
    List<String> paths;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text")
    Format format;

    @Mixin
    LangOption lang;

    @Mixin
    LimitsOption limits;

    @Override
    public Integer call() throws IOException {
        try {
            SessionLimits sessionLimits = limits.limits();
            RulePack before = RulePack.load(RuleSources.folder(Path.of(base), base));
            RulePack after = RulePack.load(pack.sources());
            FactBase facts = new FactLoader(StandardCharsets.UTF_8).load(paths);
            Report old = judge(before, facts, sessionLimits);
            Report now = judge(after, facts, sessionLimits);
            Impact impact = Impact.between(old, now);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            if (format == Format.json) {
                ImpactRenderer.json(impact, bytes);
            } else {
                ImpactRenderer.text(impact, lang.code(), bytes);
            }
            spec.commandLine().getOut().print(bytes.toString(StandardCharsets.UTF_8));
            spec.commandLine().getOut().flush();
            return ExitCode.CLEAN.status();
        } catch (InputException e) {
            return Problems.report(spec, e);
        }
    }

    /** The report of one pack over the facts, through the same check as {@code xuncha check}. */
    private Report judge(RulePack rules, FactBase facts, SessionLimits sessionLimits) {
        return Check.run(CheckRequest.of(new CheckRequest.Rules.Compiled(rules), new CheckRequest.Facts.Loaded(facts))
                .lang(lang.code()).limits(sessionLimits), CheckListener.NONE).report();
    }
}
