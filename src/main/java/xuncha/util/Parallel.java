package xuncha.util;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/** Work spread over a few threads, its results in the order of its inputs, so that output never depends on it. */
public final class Parallel {
    private Parallel() {
    }

    /**
     * {@code f} applied to every item, up to {@code jobs} at a time on daemon threads named
     * {@code name-N} (on the calling thread when {@code jobs} is 1 or there is one item). A
     * failure is rethrown as it was thrown.
     */
    public static <T, R> List<R> map(List<T> items, int jobs, String name, Function<T, R> f) {
        if (jobs <= 1 || items.size() <= 1) {
            return items.stream().map(f).toList();
        }
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(jobs, items.size()), r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<R>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(pool.submit(() -> f.apply(item)));
            }
            List<R> out = new ArrayList<>();
            for (Future<R> future : futures) {
                out.add(join(future));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /** {@code work} started on a daemon thread of its own; {@code get()} waits for it and rethrows what it threw. */
    public static <T> Supplier<T> background(String name, Supplier<T> work) {
        FutureTask<T> task = new FutureTask<>(work::get);
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        t.start();
        return () -> join(task);
    }

    private static <T> T join(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
