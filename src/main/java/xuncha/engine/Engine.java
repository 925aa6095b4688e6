package xuncha.engine;

import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;
import xuncha.facts.FactBase;
import xuncha.findings.Emit;
import xuncha.findings.Finding;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Runs a compiled pack over a fact base: one session, all facts and thresholds in, findings out. */
public final class Engine {
    private final RulePack pack;

    public Engine(RulePack pack) {
        this.pack = pack;
    }

    /** The findings, in no particular order: the report orders them. */
    public List<Finding> run(FactBase facts) {
        return run(facts, Set.of());
    }

    /**
     * The findings of the rules {@code only} names (all when empty). The other finding rules do not
     * fire; the derivations they would share still do.
     */
    public List<Finding> run(FactBase facts, Set<String> only) {
        KieSession session = pack.base().newKieSession();
        try {
            session.setGlobal(Emit.PERIOD, facts.period());
            pack.thresholds().facts().forEach(session::insert);
            facts.facts().forEach(session::insert);
            session.fireAllRules(match -> only.isEmpty() || match.getRule().getMetaData().containsKey("derive")
                    || only.contains(String.valueOf(match.getRule().getMetaData().get("id"))));
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
