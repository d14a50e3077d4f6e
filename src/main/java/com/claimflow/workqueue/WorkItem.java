package com.claimflow.workqueue;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One open human task as the queues see it: the projection row, never the engine's task tables. {@code escalatedFrom} is
 * the queue a worker sent the task to the leads from (its {@code queue} is then {@code leads}); null otherwise.
 */
public record WorkItem(String taskId, String processInstanceId, Long encounterId, Long claimId, String taskType, String taskName,
                       String queue, String payerId, BigDecimal amount, int priority, Instant createdAt, Instant dueAt,
                       String assignee, SlaState slaState, String excludedUser, String escalatedFrom) {

    public enum SlaState { OK, WARNED, ESCALATED }

    /** A task in the queue its model routes it to. */
    public WorkItem(String taskId, String processInstanceId, Long encounterId, Long claimId, String taskType, String taskName,
                    String queue, String payerId, BigDecimal amount, int priority, Instant createdAt, Instant dueAt,
                    String assignee, SlaState slaState, String excludedUser) {
        this(taskId, processInstanceId, encounterId, claimId, taskType, taskName, queue, payerId, amount, priority, createdAt, dueAt,
                assignee, slaState, excludedUser, null);
    }

    /** This item as it stands once {@code userId} holds it. */
    public WorkItem claimedBy(String userId) {
        return new WorkItem(taskId, processInstanceId, encounterId, claimId, taskType, taskName, queue, payerId, amount, priority,
                createdAt, dueAt, userId, slaState, excludedUser, escalatedFrom);
    }

    /** Whether a worker sent this task to the leads and no lead has decided yet. */
    public boolean isWithTheLeads() {
        return escalatedFrom != null;
    }

    public boolean isClaimed() {
        return assignee != null;
    }
}
