package com.claimflow.metrics;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One row behind a figure: an encounter (with its latest claim) for the revenue figures, or one worker's completed
 * tasks on one day and queue for productivity and SLA compliance ({@code encounterId} null). {@code note} says how the
 * row counts, e.g. "first scrub clean", "denied CO".
 */
public record FigureRow(Long encounterId, Long claimId, LocalDate day, String payer, String queue, String worker, String status,
                        BigDecimal amount, String note) {
}
