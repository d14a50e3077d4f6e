package com.claimflow.reference.importer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.JdbcTemplate;

/** One import in progress: its counters, its errors (the first 100 kept, all counted) and the bytes read so far. */
final class ImportRun {
    static final int MAX_ERRORS = 100;

    final long id;
    final ImportKind kind;
    final String fileName;
    final ImportOptions options;
    final JdbcTemplate jdbc;
    final long bytesTotal;
    final AtomicLong bytesRead = new AtomicLong();
    volatile long rowsRead;
    volatile long inserted;
    volatile long updated;
    volatile long unchanged;
    volatile long closed;
    private final List<String> errors = new ArrayList<>();
    private int errorCount;

    ImportRun(long id, ImportKind kind, String fileName, ImportOptions options, JdbcTemplate jdbc, long bytesTotal) {
        this.id = id;
        this.kind = kind;
        this.fileName = fileName;
        this.options = options == null ? ImportOptions.none() : options;
        this.jdbc = jdbc;
        this.bytesTotal = bytesTotal;
    }

    /** {@code NCCI practitioner file PTP_P.txt line 4812: deletion date 2024-13-01 is not a date (yyyyMMdd)} */
    synchronized void error(long line, String message) {
        errorCount++;
        if (errors.size() < MAX_ERRORS) errors.add(kind.label() + " " + fileName + (line > 0 ? " line " + line : "") + ": " + message);
    }

    synchronized boolean failed() {
        return errorCount > 0;
    }

    synchronized List<String> errors() {
        return List.copyOf(errors);
    }

    synchronized int errorCount() {
        return errorCount;
    }

    double progress() {
        return bytesTotal <= 0 ? 0 : Math.min(1.0, (double) bytesRead.get() / bytesTotal);
    }

    /** The effective date of a snapshot release, or a refusal naming what to pass. */
    LocalDate effectiveDate(java.util.function.Function<String, LocalDate> fromFileName, String hint) throws FieldError {
        if (options.effectiveDate() != null) return options.effectiveDate();
        LocalDate derived = fromFileName.apply(fileName);
        if (derived == null) throw new FieldError("no effective date: pass effectiveDate (yyyy-MM-dd) or " + hint);
        return derived;
    }
}
