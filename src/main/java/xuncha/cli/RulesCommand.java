package xuncha.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import xuncha.engine.RuleInfo;
import xuncha.engine.RulePack;
import xuncha.problems.InputException;
import xuncha.problems.Messages;
import xuncha.facts.UnitType;
import xuncha.report.Texts;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code xuncha rules}: the catalogue of the pack in use, with the thresholds each rule reads. */
@Command(name = "rules", mixinStandardHelpOptions = true)
final class RulesCommand implements Callable<Integer> {
    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Mixin
    PackOption pack;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text")
    Format format;

    @Mixin
    LangOption lang;

    @Override
    public Integer call() throws IOException {
        RulePack rules;
        try {
            rules = RulePack.load(pack.sources());
        } catch (InputException e) {
            return Problems.report(spec, e);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(format == Format.json ? json(rules) : text(rules));
        out.flush();
        return ExitCode.CLEAN.status();
    }

    private String text(RulePack rules) {
        StringWriter s = new StringWriter();
        PrintWriter w = new PrintWriter(s);
        Map<String, Object> texts = rules.thresholdTexts();
        for (RuleInfo r : rules.rules()) {
            w.printf("%-10s  %s  %s%n", r.id(), pad(Messages.text(lang.code(), "rule_level." + r.level().yaml()), 9),
                    Texts.fill(r.title(lang.code()), texts, lang.code()));
            for (String t : r.thresholds()) {
                w.printf("%23s%s = %s%n", "", t, Texts.format(texts.get(t), "en"));
            }
        }
        w.println(Messages.text(lang.code(), "rules.count", rules.rules().size()));
        w.flush();
        return s.toString();
    }

    /** {@code text} padded to {@code columns} as a terminal shows it: a Chinese character takes two. */
    private static String pad(String text, int columns) {
        int width = text.codePoints().map(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN ? 2 : 1).sum();
        return text + " ".repeat(Math.max(0, columns - width));
    }

    private static String json(RulePack rules) throws IOException {
        Map<String, Object> values = rules.thresholdValues();
        List<Map<String, Object>> list = rules.rules().stream().map(r -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", r.id());
            entry.put("level", r.level().yaml());
            Map<String, String> title = new LinkedHashMap<>();
            title.put("zh", Texts.fill(r.title("zh"), rules.thresholdTexts(), "zh"));
            title.put("en", Texts.fill(r.title("en"), rules.thresholdTexts(), "en"));
            entry.put("title", title);
            Map<String, Object> read = new LinkedHashMap<>();
            r.thresholds().forEach(t -> read.put(t, values.get(t)));
            entry.put("thresholds", read);
            entry.put("cites", r.cites());
            entry.put("checks", r.checks().stream().map(UnitType::yaml).toList());
            return entry;
        }).toList();
        return new ObjectMapper().enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                .configure(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN, true)
                .writeValueAsString(Map.of("rules", list)) + "\n";
    }
}
