package xuncha.lint;

import xuncha.engine.RuleInfo;
import xuncha.engine.RulePack;
import xuncha.engine.RuleSources;
import xuncha.facts.Location;
import xuncha.problems.Diagnostic;
import xuncha.problems.Diagnostics;
import xuncha.problems.InputException;
import xuncha.verify.TestCase;
import xuncha.verify.Verifier;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Everything wrong with a rules folder, located, before anyone runs it. */
public final class Lint {
    private static final Pattern ID_FORM = Pattern.compile("[A-Z]+-\\d{2}");
    private static final Pattern RULE_BLOCK = Pattern.compile("(?ms)^[ \\t]*rule\\s+\"([^\"]+)\"(.*?)^[ \\t]*end\\b");
    private static final Pattern READS = Pattern.compile("Threshold\\s*\\(\\s*name\\s*==\\s*\"([^\"]+)\"");

    /** What lint found, and the size of what it read. */
    public record Result(List<Diagnostic> problems, int rules, int thresholds, int cases) {
    }

    private Lint() {
    }

    /** Throws {@link InputException} when the folder cannot be read at all. */
    public static Result run(RuleSources sources) {
        Diagnostics problems = new Diagnostics();
        RulePack pack = null;
        try {
            pack = RulePack.load(sources);
        } catch (InputException e) {
            problems.addAll(e.problems());
        }
        if (pack == null) {
            return new Result(problems.sorted(), 0, 0, 0);
        }
        for (RuleInfo rule : pack.rules()) {
            if (!ID_FORM.matcher(rule.id()).matches()) {
                problems.say(rule.at(), "lint.id_form", rule.id());
            }
        }
        thresholdUse(sources, pack, problems);
        int cases = untested(sources, pack, problems);
        return new Result(problems.sorted(), pack.rules().size(), pack.thresholds().all().size(), cases);
    }

    /** Thresholds read but not listed in @thresholds, listed but not read, or defined and read by no rule. */
    private static void thresholdUse(RuleSources sources, RulePack pack, Diagnostics problems) {
        Map<String, RuleInfo> byName = new HashMap<>();
        pack.rules().forEach(r -> byName.put(r.name(), r));
        Set<String> readAnywhere = new HashSet<>();
        for (RuleSources.DrlFile drl : sources.drl()) {
            Matcher block = RULE_BLOCK.matcher(drl.text());
            while (block.find()) {
                RuleInfo rule = byName.get(block.group(1));
                Set<String> read = new HashSet<>();
                Matcher m = READS.matcher(block.group(2));
                while (m.find()) {
                    read.add(m.group(1));
                    readAnywhere.add(m.group(1));
                    if (rule != null && !rule.thresholds().contains(m.group(1))) {
                        problems.say(at(drl, block.start(2) + m.start(1)), "lint.threshold_unlisted", rule.id(), m.group(1));
                    }
                }
                if (rule != null) {
                    rule.thresholds().stream().filter(t -> !read.contains(t)).forEach(t -> problems.say(rule.at(), "lint.threshold_unread", rule.id(), t));
                }
            }
        }
        for (String name : pack.thresholds().all().keySet()) {
            if (!readAnywhere.contains(name)) {
                problems.say(pack.thresholds().at(name), "lint.threshold_unused", name);
            }
        }
    }

    /** Rules that no case of the tests folder compares; returns the number of cases. */
    private static int untested(RuleSources sources, RulePack pack, Diagnostics problems) {
        List<TestCase> cases;
        try {
            cases = new Verifier(pack).cases(sources.folder().resolve(Verifier.TESTS),
                    sources.shown() + "/" + Verifier.TESTS, null);
        } catch (InputException e) {
            problems.addAll(e.problems());
            return 0;
        }
        Set<String> tested = new HashSet<>();
        cases.forEach(c -> tested.addAll(c.rules()));
        for (RuleInfo rule : pack.rules()) {
            if (!tested.contains(rule.id())) {
                problems.say(rule.at(), "lint.no_case",
                        rule.id(), sources.shown(), Verifier.TESTS);
            }
        }
        return cases.size();
    }

    private static Location at(RuleSources.DrlFile drl, int offset) {
        return Location.ofOffset(drl.shown(), drl.text(), offset);
    }
}
