package com.claimflow.workqueue;

import com.claimflow.audit.AuditService;
import com.claimflow.base.BadInputException;
import com.claimflow.base.ConflictException;
import com.claimflow.base.NotFoundException;
import com.claimflow.workqueue.internal.EngineClaims;
import com.claimflow.workqueue.internal.WorkItemStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Work queues: pages, my work, next task, claim, release, complete, reassign. Reads only the projection. */
@Service
public class WorkQueueService {
    public static final int PAGE_SIZE = 50;
    /** Queue sizes are counted exactly up to this; beyond it a queue is "1,000+" (an exact count of a million rows costs 40 ms). */
    public static final int COUNT_CAP = 1000;
    /** How often next() reads fresh candidates after losing every race for the ones it had. */
    private static final int NEXT_TASK_ROUNDS = 50;

    private final WorkItemStore store;
    private final EngineClaims engineClaims;
    private final TaskService tasks;
    private final AuditService audit;
    private final List<TaskCompletion> completions;
    private final int candidates;

    public WorkQueueService(WorkItemStore store, EngineClaims engineClaims, TaskService tasks, AuditService audit, List<TaskCompletion> completions,
                            @Value("${claimflow.work-queue.next-task-candidates:3}") int candidates) {
        this.store = store;
        this.engineClaims = engineClaims;
        this.tasks = tasks;
        this.audit = audit;
        this.completions = completions;
        this.candidates = candidates;
    }

    /**
     * Hands the worker the highest-priority unclaimed task of the queues they may work, claimed for them. The top
     * candidates of all their queues come in one read; each is taken with a conditional update committed on its own, so
     * two callers can never get the same task, and a caller that loses a race moves on to the next candidate (and reads
     * again when every candidate was taken meanwhile). The row keeps the claim's time until the claim's audit row and the
     * engine's assignee follow, right after (decision 0008).
     */
    public Optional<WorkItem> next(Worker worker) {
        for (int round = 0; round < NEXT_TASK_ROUNDS; round++) {
            // after a lost round others are taking this queue's top as fast as it is read: read further down
            List<WorkItem> pool = store.unclaimed(worker.groups(), worker.userId(), round == 0 ? candidates : candidates * 4);
            if (pool.isEmpty()) return Optional.empty();
            for (WorkItem item : pool) {
                if (store.assignIfFreeAheadOfEngine(item.taskId(), worker.userId())) {
                    engineClaims.passOnSoon(item.taskId(), worker.userId());
                    return Optional.of(item.claimedBy(worker.userId()));
                }
            }
        }
        return Optional.empty(); // only when others keep emptying the queues faster than this caller claims
    }

    @Transactional
    public WorkItem claim(String taskId, Worker worker) {
        WorkItem item = get(taskId);
        requireMayWork(item, worker);
        if (worker.userId().equals(item.excludedUser())) {
            throw new AccessDeniedException(worker.userId() + " coded this encounter and may not audit it");
        }
        if (!store.assignIfFree(taskId, worker.userId())) {
            throw new ConflictException("task " + taskId + " is already claimed by " + get(taskId).assignee(), null);
        }
        tasks.claim(taskId, worker.userId());
        audit.record(worker.userId(), "CLAIMED", item.encounterId(), taskId, item.taskType());
        return get(taskId);
    }

    @Transactional
    public void release(String taskId, Worker worker) {
        WorkItem item = get(taskId);
        if (!worker.userId().equals(item.assignee()) && !worker.isLead()) {
            throw new AccessDeniedException("task " + taskId + " is not yours to release");
        }
        if (item.assignee() != null) engineClaims.passOnNow(taskId, item.assignee()); // a next-task claim reaches the audit trail first
        store.assign(taskId, null);
        tasks.setAssignee(taskId, null);
        audit.record(worker.userId(), "RELEASED", item.encounterId(), taskId, item.taskType());
    }

    /** A lead moves a task to a person (or back to the queue with {@code toUser} null), saying why. */
    @Transactional
    public void reassign(String taskId, String toUser, String reason, Worker lead) {
        if (!lead.isLead()) throw new AccessDeniedException("only team leads reassign tasks");
        if (reason == null || reason.isBlank()) throw new BadInputException("reason", "say why the task is moved");
        WorkItem item = get(taskId);
        if (item.assignee() != null) engineClaims.passOnNow(taskId, item.assignee()); // a next-task claim reaches the audit trail first
        store.assign(taskId, toUser);
        tasks.setAssignee(taskId, toUser);
        audit.record(lead.userId(), "REASSIGNED", item.encounterId(), taskId,
                (item.assignee() == null ? "queue" : item.assignee()) + " -> " + (toUser == null ? "queue" : toUser) + ": " + reason);
    }

    /** Completes the worker's task with its form; the owning capability validates and stores the business data first. */
    @Transactional
    public void complete(String taskId, Map<String, Object> form, Worker worker) {
        WorkItem item = get(taskId);
        requireMayWork(item, worker);
        if (item.assignee() == null) {
            claim(taskId, worker);
        } else if (!item.assignee().equals(worker.userId())) {
            throw new ConflictException("task " + taskId + " is claimed by " + item.assignee(), null);
        }
        Map<String, Object> variables = new HashMap<>();
        form.forEach((k, v) -> {
            if (v instanceof Boolean || (v instanceof String s && s.matches("[A-Z_]{2,30}"))) variables.put(k, v);
        });
        for (TaskCompletion c : completions) {
            if (c.handles(item.taskType())) variables.putAll(c.complete(item, form, worker.userId()));
        }
        engineClaims.passOnNow(taskId, worker.userId()); // the claim's audit row first; the engine's history records who completed it
        Object note = form.get("note");
        audit.record(worker.userId(), "COMPLETED", item.encounterId(), taskId, item.taskType() + (note == null ? "" : ": " + note));
        tasks.complete(taskId, variables);
    }

    /** A task as the worker may see it: their queues' tasks, and every task for compliance (read-only). */
    @Transactional(readOnly = true)
    public WorkItem view(String taskId, Worker worker) {
        WorkItem item = get(taskId);
        if (!worker.mayWork(item.queue()) && !worker.mayRead(item.queue())) {
            throw new AccessDeniedException(worker.userId() + " may not see the " + item.queue() + " queue");
        }
        return item;
    }

    @Transactional(readOnly = true)
    public WorkItem get(String taskId) {
        return store.find(taskId).orElseThrow(() -> new NotFoundException("no open task " + taskId));
    }

    /**
     * A page of the queue by number, for the pages a count reaches ({@link #COUNT_CAP} items); deeper pages are read with
     * {@link #pageAfter}, whose cost does not grow with depth.
     */
    @Transactional(readOnly = true)
    public List<WorkItem> page(String queue, String payerId, int page) {
        if (page < 0 || (long) page * PAGE_SIZE > COUNT_CAP) {
            throw new BadInputException("page", "pages 0 to " + COUNT_CAP / PAGE_SIZE + " are read by number; past the first "
                    + String.format("%,d", COUNT_CAP) + " tasks follow the cursor (after=) of the last row shown");
        }
        return store.page(queue, payerId, page * PAGE_SIZE, PAGE_SIZE);
    }

    /** The page after {@code after} (the first page when it is null), in queue order. */
    @Transactional(readOnly = true)
    public List<WorkItem> pageAfter(String queue, String payerId, QueueCursor after) {
        return after == null ? store.page(queue, payerId, 0, PAGE_SIZE) : store.pageAfter(queue, payerId, after, PAGE_SIZE);
    }

    /** The queue's size, exact up to {@link #COUNT_CAP}; {@code COUNT_CAP + 1} means "more than that". */
    @Transactional(readOnly = true)
    public long count(String queue, String payerId) {
        return store.countUpTo(queue, payerId, COUNT_CAP);
    }

    /** A count from {@link #count} as people read it: "1,000+" once past the cap. */
    public static String countLabel(long count) {
        return count > COUNT_CAP ? String.format("%,d+", COUNT_CAP) : String.format("%,d", count);
    }

    @Transactional(readOnly = true)
    public List<WorkItem> assignedTo(String userId) {
        return store.assignedTo(userId);
    }

    @Transactional(readOnly = true)
    public List<WorkItem> forEncounter(long encounterId) {
        return store.forEncounter(encounterId);
    }

    /** The SLA timers' verdict on a task: a warning raises its priority, an escalation also puts it before the leads. */
    @Transactional
    public void slaBreached(String taskId, WorkItem.SlaState state) {
        WorkItem item = get(taskId);
        store.slaState(taskId, state, state == WorkItem.SlaState.ESCALATED ? 20 : 10);
        if (state == WorkItem.SlaState.ESCALATED) {
            tasks.addCandidateGroup(taskId, Worker.LEADS);
        }
        audit.record("sla", state == WorkItem.SlaState.ESCALATED ? "SLA_ESCALATED" : "SLA_WARNED", item.encounterId(), taskId, item.taskType());
    }

    @Transactional(readOnly = true)
    public List<QueueStats> stats() {
        return store.stats();
    }

    @Transactional(readOnly = true)
    public List<WorkItem> escalated(int limit) {
        return store.escalated(limit);
    }

    private static void requireMayWork(WorkItem item, Worker worker) {
        if (!worker.mayWork(item.queue())) {
            throw new AccessDeniedException(worker.userId() + " may not work the " + item.queue() + " queue");
        }
    }
}
