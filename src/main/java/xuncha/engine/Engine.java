package xuncha.engine;

import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;
import xuncha.facts.FactBase;
import xuncha.facts.Threshold;
import xuncha.findings.Emit;
import xuncha.findings.Finding;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs a compiled pack over a fact base: one session, all facts and thresholds in, findings out. */
public final class Engine {
    private final RulePack pack;

    public Engine(RulePack pack) {
        this.pack = pack;
    }

    /** The findings, in no particular order: the report orders them. */
    public List<Finding> run(FactBase facts) {
        return run(facts, Map.of());
    }

    /** The findings with some thresholds replaced for this run (what-if, rule test cases). */
    public List<Finding> run(FactBase facts, Map<String, Threshold> overrides) {
        KieSession session = pack.base().newKieSession();
        try {
            session.setGlobal(Emit.PERIOD, facts.period());
            for (Threshold t : pack.thresholds().facts()) {
                session.insert(overrides.getOrDefault(t.name(), t));
            }
            facts.facts().forEach(session::insert);
            session.fireAllRules();
            List<Finding> findings = new ArrayList<>();
            for (Object o : session.getObjects(new ClassObjectFilter(Finding.class))) {
                findings.add((Finding) o);
            }
            return findings;
        } finally {
            session.dispose();
        }
    }
}
