package com.claimflow.reference.importer;

import java.time.Instant;
import java.util.List;

/**
 * What an import did. {@code status}: RUNNING, DONE (committed), UNCHANGED (committed, the file changed nothing) or
 * REFUSED (nothing changed: {@code errors} lists up to 100 problems, {@code errorCount} counts them all).
 * {@code progress} is 0..1 by bytes read.
 */
public record ImportReport(long id, ImportKind kind, String fileName, String status, double progress, long rowsRead,
                           long inserted, long updated, long unchanged, long closed, int errorCount, List<String> errors,
                           String startedBy, Instant startedAt, Instant finishedAt) {

    public static final String RUNNING = "RUNNING";
    public static final String DONE = "DONE";
    public static final String UNCHANGED = "UNCHANGED";
    public static final String REFUSED = "REFUSED";

    public boolean refused() {
        return REFUSED.equals(status);
    }

    public boolean changedNothing() {
        return inserted == 0 && updated == 0 && closed == 0;
    }
}
