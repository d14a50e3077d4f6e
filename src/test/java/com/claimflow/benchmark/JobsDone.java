package com.claimflow.benchmark;

/**
 * How many batches of jobs the job executor has finished in this JVM, and a wait for the next: the parallel lifecycle
 * benchmark's drivers look at the database for their encounter's jobs after one, not every few milliseconds (each look is a
 * query the server answers beside the product's work).
 */
final class JobsDone {
    private static final Object MONITOR = new Object();
    private static long count;

    private JobsDone() {
    }

    static void signal() {
        synchronized (MONITOR) {
            count++;
            MONITOR.notifyAll();
        }
    }

    static long count() {
        synchronized (MONITOR) {
            return count;
        }
    }

    /** Waits until a batch has finished since {@code seen} was read, or {@code millis} have passed (a timer may fall due). */
    static void await(long seen, long millis) {
        long until = System.nanoTime() + millis * 1_000_000;
        synchronized (MONITOR) {
            while (count == seen) {
                long left = (until - System.nanoTime()) / 1_000_000;
                if (left <= 0) return;
                try {
                    MONITOR.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }
    }
}
