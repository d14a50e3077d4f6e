package com.claimflow.workqueue.internal;

import com.claimflow.workqueue.TaskPriority;
import com.claimflow.workqueue.TaskVariables;
import com.claimflow.workqueue.WorkItem;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
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

    public WorkItemProjection(WorkItemStore store, EngineClaims engineClaims, TaskPriority priority) {
        this.store = store;
        this.engineClaims = engineClaims;
        this.priority = priority;
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
            case TaskListener.EVENTNAME_COMPLETE -> {
                engineClaims.recordUnpassedClaim(task.getId());
                store.end(task.getId(), task.getAssignee() == null ? "unknown" : task.getAssignee(), Instant.now());
            }
            case TaskListener.EVENTNAME_DELETE -> {
                engineClaims.recordUnpassedClaim(task.getId()); // the process moved on before next task's claim got there
                store.end(task.getId(), null, Instant.now());
            }
            default -> { }
        }
    }

    private WorkItem itemFor(DelegateTask task) {
        // a task just created has no variables of its own: asking the task would first read its (empty) local variables
        // from the database, one query a task, before looking in its execution
        VariableScope variables = task.getExecution() == null ? task : task.getExecution();
        Long encounterId = (Long) variables.getVariable(TaskVariables.ENCOUNTER_ID);
        Long claimId = (Long) variables.getVariable(TaskVariables.CLAIM_ID);
        String payerId = (String) variables.getVariable(TaskVariables.PAYER_ID);
        // the claim's charge; before there is a claim the coder's estimate; for a payment with no claim (payer-file-exception) the payment
        double amount = number(variables.getVariable(TaskVariables.CLAIM_AMOUNT), number(variables.getVariable(TaskVariables.ESTIMATED_CHARGE),
                number(variables.getVariable(TaskVariables.PAYMENT_AMOUNT), 0)));
        long daysToDeadline = daysToFilingDeadline(variables.getVariable(TaskVariables.FILING_DEADLINE), LocalDate.now());
        String queue = task.getCandidates().stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .map(IdentityLink::getGroupId).findFirst().orElse("unrouted");
        String excluded = TaskVariables.AUDIT_CODING_TASK.equals(task.getTaskDefinitionKey())
                ? (String) variables.getVariable(TaskVariables.CODED_BY) : null;
        Instant due = task.getDueDate() == null ? null : task.getDueDate().toInstant();
        return new WorkItem(task.getId(), task.getProcessInstanceId(), encounterId, claimId, task.getTaskDefinitionKey(),
                task.getName() == null ? task.getTaskDefinitionKey() : task.getName(), queue, payerId,
                BigDecimal.valueOf(amount).setScale(2, java.math.RoundingMode.HALF_UP), priority.of(task.getTaskDefinitionKey(), amount, daysToDeadline),
                Instant.now(), due, task.getAssignee(), WorkItem.SlaState.OK, excluded);
    }

    /**
     * Days until the payer's timely-filing deadline, which intake sets on the process: the deadline every task before payment
     * works against. A task without one (a payer-file exception, or an encounter started before intake set it) counts as 365
     * days away, the default when no encounter or payer was known.
     */
    static long daysToFilingDeadline(Object filingDeadline, LocalDate today) {
        return filingDeadline instanceof String iso ? ChronoUnit.DAYS.between(today, LocalDate.parse(iso)) : 365;
    }

    private static double number(Object value, double fallback) {
        return value instanceof Number n ? n.doubleValue() : fallback;
    }
}
