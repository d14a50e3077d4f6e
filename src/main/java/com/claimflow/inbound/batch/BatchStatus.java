package com.claimflow.inbound.batch;

import java.time.Instant;

/**
 * Where a batch stands: how many rows it has, how many were answered and how (opened, already there, refused), and
 * for a file refused whole, why.
 */
public record BatchStatus(long id, String fileName, String format, String uploadedBy, Instant uploadedAt, String status, int totalRows,
                          int answered, int opened, int alreadyThere, int refused, String problem, Instant finishedAt) {
    public static final String RUNNING = "RUNNING";
    public static final String DONE = "DONE";
    public static final String REFUSED = "REFUSED";

    /** The share of rows answered, 0 to 1. */
    public double progress() {
        return totalRows == 0 ? 1 : Math.min(1, answered / (double) totalRows);
    }

    public boolean running() {
        return RUNNING.equals(status);
    }
}
