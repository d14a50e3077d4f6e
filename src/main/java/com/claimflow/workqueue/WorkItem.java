package com.claimflow.workqueue;

import java.math.BigDecimal;
import java.time.Instant;

/** One open human task as the queues see it: the projection row, never the engine's task tables. */
public record WorkItem(String taskId, String processInstanceId, Long encounterId, Long claimId, String taskType, String taskName,
                       String queue, String payerId, BigDecimal amount, int priority, Instant createdAt, Instant dueAt,
                       String assignee, SlaState slaState, String excludedUser) {

    public enum SlaState { OK, WARNED, ESCALATED }

    /** This item as it stands once {@code userId} holds it. */
    public WorkItem claimedBy(String userId) {
        return new WorkItem(taskId, processInstanceId, encounterId, claimId, taskType, taskName, queue, payerId, amount, priority,
                createdAt, dueAt, userId, slaState, excludedUser);
    }

    public boolean isClaimed() {
        return assignee != null;
    }
}
