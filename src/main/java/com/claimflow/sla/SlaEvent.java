package com.claimflow.sla;

import java.time.Duration;
import java.time.Instant;

/**
 * One SLA warning or escalation as the register keeps it. {@code holder} is who held the task when it was raised (null:
 * nobody); {@code dueAt} the SLA deadline (for a warning the escalation to come, for an escalation the moment it fired);
 * {@code late} for an escalation how long after the task was created, for a warning the time that was left. Resolved
 * when the task ended: completed by {@code resolvedBy}, or taken away by the process ({@link Resolution#PROCESS}).
 */
public record SlaEvent(long id, Kind kind, String taskId, String taskType, Long encounterId, String queue, String payerId, String holder,
                       Instant taskCreatedAt, Instant dueAt, Instant raisedAt, Duration late, Instant resolvedAt, String resolvedBy,
                       Resolution resolution) {

    public enum Kind { WARNING, ESCALATION }

    public enum Resolution {
        /** Someone completed the task. */
        COMPLETED,
        /** The process moved on or was closed, and the task went with it. */
        PROCESS
    }

    public boolean isOpen() {
        return resolvedAt == null;
    }

    /** Who resolved it, in words: the user, "the process", or empty while open. */
    public String resolvedByText() {
        return resolution == Resolution.PROCESS ? "the process" : resolvedBy == null ? "" : resolvedBy;
    }
}
