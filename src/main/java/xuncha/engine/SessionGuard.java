package xuncha.engine;

import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.runtime.KieSession;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Keeps one session within its {@link SessionLimits}: a pack is code, and a rule that loops, keeps
 * modifying or keeps inserting must end the run with a message, not hang it or fill the memory.
 * Firings and facts inserted by rules are counted as they happen (past a limit the rule's own insert
 * or firing is refused); the time is watched from another thread, which halts the session, then
 * interrupts it, and as a last resort stops the thread of a consequence that never returns.
 */
final class SessionGuard {
    /** Thrown inside the session when a limit is passed. */
    static final class Stop extends RuntimeException {
        Stop() {
            super("session limit", null, false, false);
        }
    }

    private static final ScheduledExecutorService WATCH = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "xuncha-session-watch");
        t.setDaemon(true);
        return t;
    });
    private static final long GRACE_MS = 2000;

    private final SessionLimits limits;
    private final Map<String, long[]> firedByRule = new HashMap<>();
    private long fired;
    private long inserted;
    private volatile String current;
    private volatile String passed;

    SessionGuard(SessionLimits limits) {
        this.limits = limits;
    }

    /** Which limit was passed ("firings", "inserted", "time"), or null. */
    String passed() {
        return passed;
    }

    /** The rule firing when the session was stopped, else the one that fired most. */
    String culprit() {
        if (current != null) {
            return current;
        }
        return firedByRule.entrySet().stream().max(Map.Entry.comparingByValue((a, b) -> Long.compare(a[0], b[0])))
                .map(Map.Entry::getKey).orElse("?");
    }

    long firings(String rule) {
        long[] n = firedByRule.get(rule);
        return n == null ? 0 : n[0];
    }

    void attach(KieSession session) {
        session.addEventListener(new DefaultAgendaEventListener() {
            @Override
            public void beforeMatchFired(BeforeMatchFiredEvent event) {
                String rule = event.getMatch().getRule().getName();
                current = rule;
                firedByRule.computeIfAbsent(rule, r -> new long[1])[0]++;
                if (++fired > limits.firings()) {
                    throw stop("firings");
                }
            }

            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                current = null;
            }
        });
        session.addEventListener(new DefaultRuleRuntimeEventListener() {
            @Override
            public void objectInserted(ObjectInsertedEvent event) {
                if (event.getRule() != null && ++inserted > limits.inserted()) {
                    throw stop("inserted");
                }
            }
        });
    }

    private Stop stop(String limit) {
        if (passed == null) {
            passed = limit;
        }
        return new Stop();
    }

    /** Runs {@code work} (the session's firing) on this thread under the time limit. */
    @SuppressWarnings("removal")
    void timed(KieSession session, Runnable work) {
        Thread runner = Thread.currentThread();
        Object done = new Object();
        ScheduledFuture<?> halt = WATCH.schedule(() -> {
            passed = passed == null ? "time" : passed;
            session.halt();
            runner.interrupt();
            WATCH.schedule(() -> {
                synchronized (done) {
                    if (runner.isAlive() && "time".equals(passed) && !finished) {
                        runner.stop(); // a consequence that never returns nor heeds an interrupt: the last resort (Java 17)
                    }
                }
            }, GRACE_MS, TimeUnit.MILLISECONDS);
        }, limits.time().toMillis(), TimeUnit.MILLISECONDS);
        try {
            work.run();
        } finally {
            synchronized (done) {
                finished = true;
            }
            halt.cancel(false);
            Thread.interrupted();
        }
    }

    private volatile boolean finished;
}
