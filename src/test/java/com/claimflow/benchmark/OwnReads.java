package com.claimflow.benchmark;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The benchmark's own reads of what to do next, run inside {@link #own}: their statements, commits and {@code SET}s (counted
 * as the driver sends them by {@link StatementCounter}, a Connector/J query interceptor on the URL) and their CPU time.
 * MariaDB's global counters see the product's and these; the benchmark subtracts these to report what the product costs.
 * No JDBC call is wrapped: the product's connections are the driver's own, as in production.
 */
final class OwnReads {
    static final AtomicLong ownStatements = new AtomicLong();
    static final AtomicLong ownCommits = new AtomicLong();
    static final AtomicLong ownSets = new AtomicLong();
    /** CPU time the benchmark's own reads took in its threads (the JVM's CPU figure is the product's without it). */
    static final AtomicLong ownCpuNanos = new AtomicLong();
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
    private static final ThreadLocal<Boolean> OWN = ThreadLocal.withInitial(() -> false);

    private OwnReads() {
    }

    /** Whether this thread is running the benchmark's own reads ({@link StatementCounter} counts them apart). */
    static boolean isOwn() {
        return OWN.get();
    }

    /** Runs the benchmark's own reads: their statements are not the product's. */
    static <T> T own(Supplier<T> work) {
        boolean was = OWN.get();
        OWN.set(true);
        long cpu0 = was ? 0 : THREADS.getCurrentThreadCpuTime();
        try {
            return work.get();
        } finally {
            OWN.set(was);
            if (!was) ownCpuNanos.addAndGet(THREADS.getCurrentThreadCpuTime() - cpu0);
        }
    }

    static void own(Runnable work) {
        own(() -> {
            work.run();
            return null;
        });
    }
}
