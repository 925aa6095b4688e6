package xuncha.engine;

import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;
import xuncha.facts.FactBase;
import xuncha.findings.Emit;
import xuncha.findings.Finding;

import java.util.ArrayList;
import java.util.List;

/** Runs a compiled pack over a fact base: one session, all facts and thresholds in, findings out. */
public final class Engine {
    private final RulePack pack;

    public Engine(RulePack pack) {
        this.pack = pack;
    }

    /** The findings, in no particular order: the report orders them. */
    public List<Finding> run(FactBase facts) {
        KieSession session = pack.base().newKieSession();
        try {
            session.setGlobal(Emit.PERIOD, facts.period());
            pack.thresholds().facts().forEach(session::insert);
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
