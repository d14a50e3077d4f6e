package com.claimflow.benchmark;

import java.util.Arrays;
import java.util.Locale;

/**
 * Wall-clock latencies of one measured operation, in nanoseconds (System.nanoTime), and their nearest-rank percentiles.
 * No histogram library: the samples are kept and sorted, which is exact for the few thousand iterations a benchmark runs.
 */
final class Latencies {
    private final String name;
    private long[] samples = new long[1024];
    private int n;

    Latencies(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    void add(long nanos) {
        if (n == samples.length) samples = Arrays.copyOf(samples, n * 2);
        samples[n++] = nanos;
    }

    int count() {
        return n;
    }

    /** Nearest-rank percentile in milliseconds: the smallest sample with at least {@code p} percent of samples at or below it. */
    double percentileMs(double p) {
        if (n == 0) return Double.NaN;
        long[] sorted = Arrays.copyOf(samples, n);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * n);
        return sorted[Math.max(0, Math.min(n - 1, rank - 1))] / 1_000_000.0;
    }

    double meanMs() {
        long sum = 0;
        for (int i = 0; i < n; i++) sum += samples[i];
        return n == 0 ? Double.NaN : sum / (double) n / 1_000_000.0;
    }

    double maxMs() {
        return percentileMs(100);
    }

    static String header() {
        return "| measurement | n | p50 ms | p95 ms | p99 ms | max ms | mean ms |\n|---|---:|---:|---:|---:|---:|---:|";
    }

    String row() {
        return String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.2f | %.2f | %.2f |", name, n, percentileMs(50), percentileMs(95),
                percentileMs(99), maxMs(), meanMs());
    }
}
