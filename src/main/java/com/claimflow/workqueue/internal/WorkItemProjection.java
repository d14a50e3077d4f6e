package com.claimflow.workqueue.internal;

import com.claimflow.intake.Encounter;
import com.claimflow.intake.EncounterService;
import com.claimflow.reference.ReferenceService;
import com.claimflow.workqueue.TaskPriority;
import com.claimflow.workqueue.WorkItem;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code work_item} in step with the engine's user tasks. Runs as a task listener (Camunda's Spring eventing,
 * not skippable) inside the engine's own transaction, so the projection can never disagree with the engine after a commit.
 */
@Component
public class WorkItemProjection {
    private final WorkItemStore store;
    private final EngineClaims engineClaims;
    private final TaskPriority priority;
    private final EncounterService encounters;
    private final ReferenceService reference;

    public WorkItemProjection(WorkItemStore store, EngineClaims engineClaims, TaskPriority priority, EncounterService encounters,
                              ReferenceService reference) {
        this.store = store;
        this.engineClaims = engineClaims;
        this.priority = priority;
        this.encounters = encounters;
        this.reference = reference;
    }

    @EventListener
    public void on(DelegateTask task) {
        switch (task.getEventName()) {
            case TaskListener.EVENTNAME_CREATE -> store.insert(itemFor(task));
            case TaskListener.EVENTNAME_ASSIGNMENT -> {
                if (store.isEcho(task.getId(), task.getAssignee())) return;
                engineClaims.recordUnpassedClaim(task.getId()); // Cockpit gave it to someone else before next task's claim got there
                store.assign(task.getId(), task.getAssignee());
            }
            case TaskListener.EVENTNAME_COMPLETE, TaskListener.EVENTNAME_DELETE -> {
                engineClaims.recordUnpassedClaim(task.getId()); // the process moved on before next task's claim got there
                store.delete(task.getId());
            }
            default -> { }
        }
    }

    private WorkItem itemFor(DelegateTask task) {
        Long encounterId = (Long) task.getVariable("encounterId");
        Long claimId = (Long) task.getVariable("claimId");
        String payerId = (String) task.getVariable("payerId");
        // the claim's charge; before there is a claim the coder's estimate; for a payment with no claim (payer-file-exception) the payment
        double amount = number(task.getVariable("claimAmount"), number(task.getVariable("estimatedCharge"), number(task.getVariable("paymentAmount"), 0)));
        long daysToDeadline = daysToFilingDeadline(encounterId, payerId);
        String queue = task.getCandidates().stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .map(IdentityLink::getGroupId).findFirst().orElse("unrouted");
        String excluded = "AuditCoding".equals(task.getTaskDefinitionKey()) ? (String) task.getVariable("codedBy") : null;
        Instant due = task.getDueDate() == null ? null : task.getDueDate().toInstant();
        return new WorkItem(task.getId(), task.getProcessInstanceId(), encounterId, claimId, task.getTaskDefinitionKey(),
                task.getName() == null ? task.getTaskDefinitionKey() : task.getName(), queue, payerId,
                BigDecimal.valueOf(amount).setScale(2, java.math.RoundingMode.HALF_UP), priority.of(task.getTaskDefinitionKey(), amount, daysToDeadline),
                Instant.now(), due, task.getAssignee(), WorkItem.SlaState.OK, excluded);
    }

    /** Days until the payer's timely-filing limit: the deadline every task before payment works against. */
    private long daysToFilingDeadline(Long encounterId, String payerId) {
        if (encounterId == null) return 365;
        Encounter e = encounters.find(encounterId).orElse(null);
        if (e == null) return 365;
        int limit = reference.payer(payerId == null ? e.payerId() : payerId).map(p -> p.getTimelyFilingDays()).orElse(365);
        return ChronoUnit.DAYS.between(LocalDate.now(), e.dateOfService().plusDays(limit));
    }

    private static double number(Object value, double fallback) {
        return value instanceof Number n ? n.doubleValue() : fallback;
    }
}
