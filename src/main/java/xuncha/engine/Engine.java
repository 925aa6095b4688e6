package xuncha.engine;

import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;
import xuncha.facts.FactBase;
import xuncha.facts.Partitions;
import xuncha.findings.Emit;
import xuncha.findings.Finding;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Runs a compiled pack over a fact base, county by county: one KieBase, a session per county with
 * the thresholds that apply there (the defaults, or the county's local standards).
 */
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
        List<Finding> findings = new ArrayList<>();
        Partitions.byCounty(facts).forEach((county, part) -> findings.addAll(runWhole(pack.forCounty(county), part,
                only)));
        return findings;
    }

    /** One session over the whole fact base, with the pack's default thresholds everywhere. */
    static List<Finding> runWhole(RulePack pack, FactBase facts, Set<String> only) {
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
