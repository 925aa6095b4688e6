package xuncha.engine;

import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.drools.base.definitions.InternalKnowledgePackage;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.core.rule.JavaDialectRuntimeData;
import xuncha.engine.safety.BytecodeCheck;
import xuncha.engine.safety.PackCheck;
import xuncha.facts.Location;
import xuncha.facts.UnitType;
import xuncha.problems.Diagnostics;
import xuncha.problems.InputException;
import xuncha.problems.Suggest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A compiled rules folder: one KieBase, the catalogue of its finding rules read from their metadata,
 * and its thresholds. Built once per run; sessions are made from it per partition.
 */
public final class RulePack {
    private static final String RESOURCES = "src/main/resources/xuncha/rules/";
    private static final Pattern LINE_COL = Pattern.compile("(?:\\[ERR \\d+] )?Line (\\d+):(\\d+)\\s*");
    private static final List<String> REQUIRED_TEXTS = List.of("title_zh", "title_en", "zh", "en");
    private static final AtomicInteger BUILDS = new AtomicInteger();

    private final KieBase base;
    private final List<RuleInfo> rules;
    private final Thresholds thresholds;

    /** Where every rule of the pack is written, derivations included: what a stopped session names. */
    private final Map<String, Location> written;

    /** SHA-256 of the pack as written: each rules file's name and text, then thresholds.yaml. */
    private final String sha256;

    private RulePack(KieBase base, List<RuleInfo> rules, Thresholds thresholds, Map<String, Location> written,
                     String sha256) {
        this.sha256 = sha256;
        this.base = base;
        this.rules = rules;
        this.thresholds = thresholds;
        this.written = written;
    }

    /** Where the rule of this name is written; the pack's folder when it is not known. */
    Location at(String ruleName) {
        return written.getOrDefault(ruleName, Location.ofFile("rules"));
    }

    KieBase base() {
        return base;
    }

    /** The finding rules, by id. */
    public List<RuleInfo> rules() {
        return rules;
    }

    /** The same compiled rules reading other threshold values: no recompilation. */
    public RulePack withThresholds(Map<String, xuncha.facts.Threshold> overrides) {
        return overrides.isEmpty() ? this : new RulePack(base, rules, thresholds.with(overrides), written, sha256);
    }

    /** The pack as it applies in a county: its local thresholds over the defaults. */
    public RulePack forCounty(String county) {
        Thresholds applied = thresholds.forCounty(county);
        return applied == thresholds ? this : new RulePack(base, rules, applied, written, sha256);
    }

    /** The pack's version ({@code version:} in thresholds.yaml), empty when it gives none. */
    public String version() {
        return thresholds.version();
    }

    /** SHA-256 (hex) of the pack as written: the same files give the same digest wherever they are. */
    public String sha256() {
        return sha256;
    }

    private static String digest(RuleSources sources) {
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            for (RuleSources.DrlFile drl : sources.drl()) {
                sha.update((drl.name() + "\0").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                sha.update((drl.text() + "\0").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            sha.update((RuleSources.THRESHOLDS + "\0").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            sha.update(java.nio.file.Files.readAllBytes(sources.thresholds()));
            return java.util.HexFormat.of().formatHex(sha.digest());
        } catch (java.security.NoSuchAlgorithmException | java.io.IOException e) {
            throw new IllegalStateException("cannot digest the rules pack: " + e.getMessage(), e);
        }
    }

    public Thresholds thresholds() {
        return thresholds;
    }

    /**
     * Each threshold's value as titles show it: a share ({@link ThresholdType#SHARE}) as a
     * {@link xuncha.facts.Share}, which reads as a percentage; the others as {@link #thresholdValues}.
     */
    public Map<String, Object> thresholdTexts() {
        Map<String, Object> values = new LinkedHashMap<>(thresholdValues());
        values.replaceAll((name, v) -> ThresholdType.of(name) == ThresholdType.SHARE && v instanceof java.math.BigDecimal d
                ? xuncha.facts.Share.of(d) : v);
        return values;
    }

    /** Each threshold's value by name: a number, or a mapping of numbers for a mapping threshold. */
    public Map<String, Object> thresholdValues() {
        Map<String, Object> values = new LinkedHashMap<>();
        thresholds.all().values().forEach(t -> values.put(t.name(), t.isMapping() ? t.parts() : t.value()));
        return values;
    }

    public RuleInfo rule(String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no rule " + id));
    }

    /** Compiles the pack; every problem, located in its file, in one {@link InputException}. */
    public static RulePack load(RuleSources sources) {
        Diagnostics problems = new Diagnostics();
        Thresholds reference = sources.shown().equals(RuleSources.BUILT_IN_SHOWN) ? null : Thresholds.builtIn();
        Thresholds thresholds = Thresholds.read(sources.thresholds(), sources.thresholdsShown(), reference, problems);
        int before = problems.count();
        PackCheck.check(sources.drl().stream().map(d -> new PackCheck.Source(d.shown(), d.text())).toList(), problems);
        KieBase base = problems.count() > before ? null : compile(sources, problems);
        List<RuleInfo> rules = base == null ? List.of() : catalogue(base, sources, problems);
        for (RuleInfo rule : rules) {
            for (String name : rule.thresholds()) {
                if (!thresholds.written(name)) {
                    problems.say(rule.at(), "pack.threshold_missing", rule.id(), name,
                            sources.thresholdsShown());
                }
            }
        }
        problems.throwIfAny();
        Map<String, Location> written = new HashMap<>();
        for (KiePackage pkg : base.getKiePackages()) {
            pkg.getRules().forEach(r -> written.put(r.getName(), locate(r.getName(), sources)));
        }
        return new RulePack(base, rules, thresholds, Map.copyOf(written), digest(sources));
    }

    private static KieBase compile(RuleSources sources, Diagnostics problems) {
        CompiledClasses.install();
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        ReleaseId release = ks.newReleaseId("xuncha", "rules", "1.0." + BUILDS.incrementAndGet());
        kfs.generateAndWritePomXML(release);
        Map<String, String> shownByPath = new HashMap<>();
        for (RuleSources.DrlFile drl : sources.drl()) {
            kfs.write(RESOURCES + drl.name(), drl.text());
            shownByPath.put("xuncha/rules/" + drl.name(), drl.shown());
        }
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        // A syntax error loses its whole package, so every other file then fails too, on types it declared:
        // when there are syntax errors (the ones with a column), they are the only ones worth showing.
        boolean syntax = errors.stream().anyMatch(m -> LINE_COL.matcher(m.getText()).find());
        boolean located = errors.stream().anyMatch(m -> m.getLine() > 0);
        for (Message m : errors) {
            if (syntax && !LINE_COL.matcher(m.getText()).find() || located && m.getLine() <= 0) {
                continue;
            }
            String file = shownByPath.getOrDefault(m.getPath(), sources.shown());
            String text = m.getText().strip().replaceAll("\\s+", " ");
            int column = 1;
            Matcher lc = LINE_COL.matcher(text);
            if (lc.find()) {
                column = Math.max(1, Integer.parseInt(lc.group(2)) + 1);
                text = (text.substring(0, lc.start()) + text.substring(lc.end())).strip();
            }
            problems.say(new Location(file, Math.max(m.getLine(), 1), column), "pack.compile", text);
        }
        if (!errors.isEmpty()) {
            ks.getRepository().removeKieModule(release);
            return null;
        }
        KieBase base = ks.newKieContainer(release).getKieBase();
        ks.getRepository().removeKieModule(release);
        return compiledCode(base, sources, problems) ? base : null;
    }

    /**
     * The classes Drools compiled from the pack, checked before any of them runs ({@link BytecodeCheck}):
     * a refusal names the rule or function whose code it is.
     */
    private static boolean compiledCode(KieBase base, RuleSources sources, Diagnostics problems) {
        Map<String, byte[]> classes = new HashMap<>();
        Map<String, String> ruleByClass = new HashMap<>();
        for (KiePackage kp : base.getKiePackages()) {
            InternalKnowledgePackage pkg = (InternalKnowledgePackage) kp;
            if (pkg.getDialectRuntimeRegistry().getDialectData("java") instanceof JavaDialectRuntimeData java) {
                classes.putAll(java.getStore());
            }
            for (Rule rule : kp.getRules()) {
                if (rule instanceof RuleImpl impl && impl.getConsequence() != null) {
                    String invoker = impl.getConsequence().getClass().getName();
                    ruleByClass.put(invoker.replaceAll("DefaultConsequenceInvoker$", ""), rule.getName());
                }
            }
        }
        List<BytecodeCheck.Violation> violations = BytecodeCheck.check(classes);
        for (BytecodeCheck.Violation v : violations) {
            String generated = v.className().replaceAll("(DefaultConsequenceInvoker|AccumulateExpression\\d+Invoker)$", "");
            String rule = ruleByClass.get(generated);
            Location at = rule != null ? locate(rule, sources) : locateFunction(generated, sources);
            problems.say(at, "pack.bytecode",
                    rule != null ? new xuncha.problems.Messages.Term("pack.what.rule", rule) : new xuncha.problems.Messages.Term("pack.what.this_function"), v.reached());
        }
        return violations.isEmpty();
    }

    /** Where the function compiled into class {@code xuncha.rules.Name} is written: {@code function … name(}. */
    private static Location locateFunction(String className, RuleSources sources) {
        String simple = className.substring(className.lastIndexOf('.') + 1);
        String function = simple.isEmpty() ? simple : Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
        Pattern p = Pattern.compile("(?m)^[ \\t]*function\\s+[\\w.<>\\[\\], ]+?\\s+" + Pattern.quote(function) + "\\s*\\(");
        for (RuleSources.DrlFile drl : sources.drl()) {
            Matcher m = p.matcher(drl.text());
            if (m.find()) {
                return Location.ofOffset(drl.shown(), drl.text(), m.start());
            }
        }
        return Location.ofFile(sources.shown());
    }

    private static List<RuleInfo> catalogue(KieBase base, RuleSources sources, Diagnostics problems) {
        Map<String, RuleInfo> byId = new LinkedHashMap<>();
        for (KiePackage pkg : base.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                Map<String, Object> meta = rule.getMetaData();
                Location at = locate(rule.getName(), sources);
                if (meta.containsKey("derive")) {
                    continue;
                }
                Object id = meta.get("id");
                if (id == null || id.toString().isBlank()) {
                    problems.say(at, "pack.no_id", rule.getName());
                    continue;
                }
                RuleInfo info = info(id.toString(), rule, meta, at, problems);
                RuleInfo first = byId.putIfAbsent(info.id(), info);
                if (first != null) {
                    problems.say(at, "pack.id_twice", rule.getName(), info.id(),
                            first.name(), first.at());
                }
            }
        }
        return byId.values().stream().sorted(Comparator.comparing(RuleInfo::id)).toList();
    }

    private static RuleInfo info(String id, Rule rule, Map<String, Object> meta, Location at, Diagnostics problems) {
        java.util.Optional<xuncha.findings.RuleLevel> level = xuncha.findings.RuleLevel.of(String.valueOf(meta.get("level")));
        if (level.isEmpty()) {
            problems.say(at, "pack.level", id,
                    meta.getOrDefault("level", ""));
        }
        Map<String, String> texts = new LinkedHashMap<>();
        meta.forEach((k, v) -> {
            if (k.startsWith("title_") || k.equals("zh") || k.equals("en") || k.startsWith("zh_")
                    || k.startsWith("en_")) {
                texts.put(k, String.valueOf(v));
            }
        });
        for (String key : REQUIRED_TEXTS) {
            if (!texts.containsKey(key)) {
                problems.say(at, "pack.no_meta", id, key);
            }
        }
        for (String key : texts.keySet()) {
            String other = key.startsWith("zh_") ? "en_" + key.substring(3)
                    : key.startsWith("en_") ? "zh_" + key.substring(3) : null;
            if (other != null && !texts.containsKey(other)) {
                problems.say(at, "pack.one_language", id, key,
                        other);
            }
        }
        List<String> thresholds = Arrays.stream(String.valueOf(meta.getOrDefault("thresholds", "")).split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        List<UnitType> checks = new ArrayList<>();
        for (String name : String.valueOf(meta.getOrDefault("checks", "")).split(",")) {
            if (name.isBlank()) {
                continue;
            }
            Optional<UnitType> type = Arrays.stream(UnitType.values()).filter(t -> t.yaml().equals(name.strip()))
                    .findFirst();
            type.ifPresentOrElse(checks::add, () -> problems.say(at, "pack.checks", id, meta.get("checks"), name.strip(), Suggest.term(name.strip(),
                    Arrays.stream(UnitType.values()).map(UnitType::yaml).toList())));
        }
        xuncha.findings.RuleLevel declared = level.orElse(xuncha.findings.RuleLevel.VIOLATION);
        xuncha.findings.Deadline deadline = xuncha.findings.Deadline.byDefault(declared);
        if (meta.containsKey("deadline")) {
            String written = String.valueOf(meta.get("deadline")).strip();
            Optional<xuncha.findings.Deadline> named = xuncha.findings.Deadline.of(written);
            named.ifPresentOrElse(d -> { }, () -> problems.say(at, "pack.deadline", id, written,
                    Suggest.term(written, Arrays.stream(xuncha.findings.Deadline.values())
                            .map(xuncha.findings.Deadline::yaml).toList())));
            deadline = named.orElse(deadline);
        }
        return new RuleInfo(id, rule.getName(), declared, thresholds, String.valueOf(meta.getOrDefault("cites", "")),
                Map.copyOf(texts), at, List.copyOf(checks), deadline);
    }

    /** Where {@code rule "name"} is written; the rules folder when it cannot be found. */
    private static Location locate(String name, RuleSources sources) {
        Pattern p = Pattern.compile("(?m)^([ \\t]*)rule\\s+(\"" + Pattern.quote(name) + "\"|" + Pattern.quote(name)
                + "\\b)");
        for (RuleSources.DrlFile drl : sources.drl()) {
            Matcher m = p.matcher(drl.text());
            if (m.find()) {
                return Location.ofOffset(drl.shown(), drl.text(), m.end(1));
            }
        }
        return Location.ofFile(sources.shown());
    }
}
