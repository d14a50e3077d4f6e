package com.claimflow.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Prints a benchmark line and appends it to target/benchmarks/results.txt. */
final class BenchmarkReport {
    private BenchmarkReport() {
    }

    static void line(String text) {
        System.out.println("BENCH " + text);
        try {
            Path file = Path.of("target", "benchmarks", "results.txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, text + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
