package xuncha.engine;

import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;
import xuncha.facts.Location;
import xuncha.problems.Diagnostic;
import xuncha.problems.Diagnostics;
import xuncha.problems.Messages;
import xuncha.problems.InputException;
import xuncha.facts.FactBase;
import xuncha.facts.Partitions;
import xuncha.findings.Emit;
import xuncha.findings.Finding;
import xuncha.util.Parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    private SessionLimits limits = SessionLimits.DEFAULT;

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

    /** Each county's session within these limits (default {@link SessionLimits#DEFAULT}). */
    public Engine limits(SessionLimits limits) {
        this.limits = limits;
        return this;
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
            List<Finding> found = runWhole(pack.forCounty(county), part, only, limits, county);
            progress.accept(done.incrementAndGet(), parts.size());
            return found;
        };
        Parallel.map(List.copyOf(parts.entrySet()), jobs, "xuncha-check",
                e -> check.apply(e.getKey(), e.getValue())).forEach(findings::addAll);
        return findings;
    }

    /**
     * A rule that throws on these facts (arithmetic beyond its range, a null it did not expect) is a
     * problem of the pack on this input, reported located at the rule like a compile error.
     */
    private static InputException failed(RulePack pack, RuntimeException e) {
        String rule = e instanceof ConsequenceException c && c.getMatch() != null ? c.getMatch().getRule().getName()
                : pack.rules().stream().map(RuleInfo::name).filter(n -> String.valueOf(e.getMessage())
                        .contains("\"" + n + "\"")).findFirst().orElse("?");
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        Location at = pack.at(rule);
        String detail = cause.getMessage() == null ? "" : ": " + Diagnostics.quote(cause.getMessage());
        return new InputException(List.of(Diagnostic.of(at, "engine.rule_failed", rule, kind(cause), detail)));
    }

    /** A session stopped at a limit: which limit, in which county, and the rule to look at. */
    private static InputException stopped(RulePack pack, SessionGuard guard, SessionLimits limits, String county) {
        String rule = guard.culprit();
        Messages.Term limit = switch (guard.passed()) {
            case "firings" -> new Messages.Term("engine.limit.firings", limits.firings());
            case "inserted" -> new Messages.Term("engine.limit.inserted", limits.inserted());
            default -> new Messages.Term("engine.limit.seconds", limits.time().toSeconds());
        };
        return new InputException(List.of(Diagnostic.of(pack.at(rule), "engine.stopped", county, limit, rule,
                guard.firings(rule))));
    }

    /**
     * A rule asked for more memory than Java has (a list made with a huge capacity, a number with
     * millions of digits): the allocation failed, so the run can still say which rule it was.
     */
    private static InputException outOfMemory(RulePack pack, SessionGuard guard, String county) {
        String rule = guard.culprit();
        return new InputException(List.of(Diagnostic.of(pack.at(rule), "engine.out_of_memory", rule,
                Runtime.getRuntime().maxMemory() >> 20, county)));
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> kind) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (kind.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** What went wrong, in words rather than a class name. */
    private static Messages.Term kind(Throwable e) {
        if (e instanceof ArithmeticException) {
            return new Messages.Term("engine.failure.arithmetic");
        }
        if (e instanceof NullPointerException) {
            return new Messages.Term("engine.failure.missing_value");
        }
        if (e instanceof ClassCastException) {
            return new Messages.Term("engine.failure.wrong_type");
        }
        return new Messages.Term("engine.failure.other");
    }

    /** One session over the whole fact base, with the pack's default thresholds everywhere. */
    static List<Finding> runWhole(RulePack pack, FactBase facts, Set<String> only, SessionLimits limits,
                                  String county) {
        KieSession session = pack.base().newKieSession();
        SessionGuard guard = new SessionGuard(limits);
        try {
            session.setGlobal(Emit.PERIOD, facts.period());
            pack.thresholds().facts().forEach(session::insert);
            facts.facts().forEach(session::insert);
            guard.attach(session);
            try {
                guard.timed(session, () -> session.fireAllRules(match -> only.isEmpty()
                        || match.getRule().getMetaData().containsKey("derive")
                        || only.contains(String.valueOf(match.getRule().getMetaData().get("id")))));
            } catch (RuntimeException | ThreadDeath e) {
                if (guard.passed() == null && e instanceof RuntimeException r) {
                    if (causedBy(r, OutOfMemoryError.class)) {
                        throw outOfMemory(pack, guard, county);
                    }
                    throw failed(pack, r);
                }
            } catch (OutOfMemoryError e) {
                throw outOfMemory(pack, guard, county);
            }
            if (guard.passed() != null) {
                throw stopped(pack, guard, limits, county);
            }
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
