package xuncha.engine;

import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;
import xuncha.facts.FactBase;
import xuncha.facts.Partitions;
import xuncha.findings.Emit;
import xuncha.findings.Finding;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;

/**
 * Runs a compiled pack over a fact base, county by county: one KieBase, a session per county with
 * the thresholds that apply there (the defaults, or the county's local standards), up to
 * {@code jobs} sessions at a time. The findings do not depend on {@code jobs}: each county's come
 * back in county order.
 */
public final class Engine {
    private final RulePack pack;
    private final int jobs;
    private BiConsumer<Integer, Integer> progress = (done, total) -> { };

    public Engine(RulePack pack) {
        this(pack, 1);
    }

    public Engine(RulePack pack, int jobs) {
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1, not " + jobs);
        }
        this.pack = pack;
        this.jobs = jobs;
    }

    /** Told {@code (counties checked, counties in all)} as counties are checked, from the checking threads. */
    public Engine onProgress(BiConsumer<Integer, Integer> progress) {
        this.progress = progress;
        return this;
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
        Map<String, FactBase> parts = Partitions.byCounty(facts);
        List<Finding> findings = new ArrayList<>();
        AtomicInteger done = new AtomicInteger();
        BiFunction<String, FactBase, List<Finding>> check = (county, part) -> {
            List<Finding> found = runWhole(pack.forCounty(county), part, only);
            progress.accept(done.incrementAndGet(), parts.size());
            return found;
        };
        if (jobs == 1 || parts.size() == 1) {
            parts.forEach((county, part) -> findings.addAll(check.apply(county, part)));
            return findings;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(jobs, parts.size()), daemon());
        try {
            List<Future<List<Finding>>> results = new ArrayList<>();
            parts.forEach((county, part) -> results.add(pool.submit(() -> check.apply(county, part))));
            for (Future<List<Finding>> result : results) {
                findings.addAll(result.get());
            }
            return findings;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static ThreadFactory daemon() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "xuncha-check-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
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
