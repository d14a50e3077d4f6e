package com.claimflow.workqueue;

import com.claimflow.audit.AuditService;
import com.claimflow.base.BadInputException;
import com.claimflow.base.ConflictException;
import com.claimflow.base.NotFoundException;
import com.claimflow.identity.Worker;
import com.claimflow.workqueue.internal.EngineClaims;
import com.claimflow.workqueue.internal.WorkItemStore;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Work queues: pages, my work, next task, claim, release, complete, reassign, and sending a task to the leads. Reads
 * only the projection. Every view of a task or a queue page is audited with who, which tasks and encounters, and the
 * channel ({@link #API}, {@link #UI}).
 */
@Service
public class WorkQueueService {
    public static final String API = "api";
    public static final String UI = "ui";
    /** The audit trail's action for a task a worker sent to the leads. */
    public static final String ESCALATED = "ESCALATED";
    /** The audit trail's action for a task shown in a list (a queue page, my tasks): one row per task. */
    public static final String VIEWED_QUEUE = "VIEWED_QUEUE";
    /** The longest reason for a move or an escalation: it goes into the audit row's detail (500 characters) with the queues. */
    public static final int REASON_MAX = 300;
    /** The longest note a completion takes into its audit row. */
    public static final int NOTE_MAX = 400;
    /** An escalation's priority rise, as the SLA timer's. */
    private static final int ESCALATION_BOOST = 20;
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
    private final TaskPeople people;
    private final Notes notes;
    private final int candidates;

    public WorkQueueService(WorkItemStore store, EngineClaims engineClaims, TaskService tasks, AuditService audit, List<TaskCompletion> completions,
                            TaskPeople people, Notes notes, @Value("${claimflow.work-queue.next-task-candidates:3}") int candidates) {
        this.store = store;
        this.notes = notes;
        this.people = people;
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
     * engine's assignee follow, right after (decision 0008). That audit row, with the channel, is also the record of the
     * task's view as returned here: no second row, and nothing more on this path than the claim's own update.
     */
    public Optional<WorkItem> next(Worker worker, String channel) {
        for (int round = 0; round < NEXT_TASK_ROUNDS; round++) {
            // after a lost round others are taking this queue's top as fast as it is read: read further down
            List<WorkItem> pool = store.unclaimed(worker.groups(), worker.userId(), round == 0 ? candidates : candidates * 4);
            if (pool.isEmpty()) return Optional.empty();
            for (WorkItem item : pool) {
                if (store.assignIfFreeAheadOfEngine(item.taskId(), worker.userId(), channel)) {
                    engineClaims.passOnSoon(item.taskId(), worker.userId());
                    return Optional.of(item.claimedBy(worker.userId()));
                }
            }
        }
        return Optional.empty(); // only when others keep emptying the queues faster than this caller claims
    }

    public Optional<WorkItem> next(Worker worker) {
        return next(worker, null);
    }

    @Transactional
    public WorkItem claim(String taskId, Worker worker) {
        claim(get(taskId), worker);
        return get(taskId);
    }

    /** Claims the task read as {@code item} for the worker, in the caller's transaction. */
    private void claim(WorkItem item, Worker worker) {
        String taskId = item.taskId();
        requireMayWork(item, worker);
        if (worker.userId().equals(item.excludedUser())) {
            throw new AccessDeniedException(worker.userId() + " coded this encounter and may not audit it");
        }
        if (!store.assignIfFree(taskId, worker.userId())) {
            throw new ConflictException("task " + taskId + " is already claimed by " + get(taskId).assignee(), null);
        }
        tasks.claim(taskId, worker.userId());
        audit.record(worker.userId(), "CLAIMED", item.encounterId(), taskId, item.taskType());
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

    /**
     * A lead moves a task to a person who may hold it ({@link TaskPeople}) or back to the queue with {@code toUser} null,
     * saying why. A task a worker sent to the leads goes back to the queue it came from, unless it is moved to a lead.
     */
    @Transactional
    public void reassign(String taskId, String toUser, String reason, Worker lead) {
        if (!lead.isLead()) throw new AccessDeniedException("only team leads reassign tasks");
        String why = requireReason(reason, "say why the task is moved");
        WorkItem item = get(taskId);
        if (toUser != null) people.requireEligible(item, toUser);
        move(item, toUser, why, lead);
    }

    /** Moves a task whose target a caller has checked ({@link TaskPeople}) already: the reassignment itself, in the caller's transaction. */
    void move(WorkItem item, String toUser, String why, Worker lead) {
        String taskId = item.taskId();
        if (item.assignee() != null) engineClaims.passOnNow(taskId, item.assignee()); // a next-task claim reaches the audit trail first
        String from = item.assignee() == null ? "queue" : item.assignee();
        if (item.isWithTheLeads() && (toUser == null || !people.isLead(toUser))) {
            store.backFromLeads(taskId, toUser);
            addCandidateGroup(taskId, item.escalatedFrom());
            from = Worker.LEADS + (item.assignee() == null ? "" : " (" + item.assignee() + ")");
        } else {
            store.assign(taskId, toUser);
        }
        tasks.setAssignee(taskId, toUser);
        String queue = item.isWithTheLeads() && toUser == null ? item.escalatedFrom() + " queue" : "queue";
        audit.record(lead.userId(), "REASSIGNED", item.encounterId(), taskId, from + " -> " + (toUser == null ? queue : toUser) + ": " + why);
        keep(item, Note.Kind.REASSIGNED, lead, why);
    }

    /**
     * Sends a task its worker cannot complete to the leads' queue, saying why: it leaves the worker's queue (next task
     * never hands it to that queue again) and is escalated as an SLA escalation escalates, until a lead sends it back or
     * moves it ({@link #reassign}). Anyone who may work the task may send it, unless someone else holds it (a lead may).
     */
    @Transactional
    public WorkItem escalate(String taskId, String reason, Worker worker) {
        String why = requireReason(reason, "say why the task cannot be completed, for the lead who decides");
        WorkItem item = get(taskId);
        if (item.isWithTheLeads() || Worker.LEADS.equals(item.queue())) {
            throw new ConflictException("task " + taskId + " is with the leads already", null);
        }
        requireMayWork(item, worker);
        if (worker.userId().equals(item.excludedUser())) {
            throw new AccessDeniedException(worker.userId() + " coded this encounter and may not audit it");
        }
        if (item.assignee() != null && !item.assignee().equals(worker.userId()) && !worker.isLead()) {
            throw new ConflictException("task " + taskId + " is claimed by " + item.assignee() + ": they or a lead may send it to the leads", null);
        }
        if (item.assignee() != null) engineClaims.passOnNow(taskId, item.assignee()); // a next-task claim reaches the audit trail first
        if (!store.toLeads(taskId, item.assignee(), Worker.LEADS, ESCALATION_BOOST)) {
            throw new ConflictException("task " + taskId + " changed meanwhile (claimed, moved or sent to the leads): reload it", null);
        }
        if (item.assignee() != null) tasks.setAssignee(taskId, null);
        addCandidateGroup(taskId, Worker.LEADS);
        tasks.deleteCandidateGroup(taskId, item.queue());
        audit.record(worker.userId(), ESCALATED, item.encounterId(), taskId, item.queue() + " -> " + Worker.LEADS + ": " + why);
        keep(item, Note.Kind.ESCALATED, worker, why);
        return get(taskId);
    }

    private void addCandidateGroup(String taskId, String group) {
        boolean has = tasks.getIdentityLinksForTask(taskId).stream()
                .anyMatch(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && group.equals(l.getGroupId()));
        if (!has) tasks.addCandidateGroup(taskId, group);
    }

    static String requireReason(String reason, String what) {
        if (reason == null || reason.isBlank()) throw new BadInputException("reason", what);
        String r = reason.strip();
        if (r.length() > REASON_MAX) throw new BadInputException("reason", "at most " + REASON_MAX + " characters (" + r.length() + " given)");
        if (r.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            throw new BadInputException("reason", "contains control characters; write plain text");
        }
        return r;
    }

    /** Completes the worker's task with its form; the owning capability validates and stores the business data first. */
    @Transactional
    public void complete(String taskId, Map<String, Object> form, Worker worker) {
        Object note = form.get("note");
        if (note != null && String.valueOf(note).length() > NOTE_MAX) {
            throw new BadInputException("note", "at most " + NOTE_MAX + " characters");
        }
        WorkItem item = get(taskId);
        requireMayWork(item, worker);
        if (item.assignee() == null) {
            claim(item, worker); // the item just read: no second and third read of it (issue #17)
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
        audit.record(worker.userId(), "COMPLETED", item.encounterId(), taskId, item.taskType() + (note == null ? "" : ": " + note));
        if (note != null) keep(item, Note.Kind.COMPLETED, worker, String.valueOf(note));
        tasks.complete(taskId, variables);
    }

    /** Keeps what the worker wrote for every later task of the encounter (a payer-file exception has no encounter). */
    private void keep(WorkItem item, Note.Kind kind, Worker worker, String text) {
        if (item.encounterId() != null) notes.add(item.encounterId(), item.taskId(), item.taskType(), kind, worker.userId(), text);
    }

    /**
     * A task as the worker may see it (their queues' tasks, and every task for compliance, read-only), audited as a view
     * of its encounter with the channel.
     */
    @Transactional
    public WorkItem view(String taskId, Worker worker, String channel) {
        WorkItem item = get(taskId);
        if (!worker.mayRead(item.queue())) {
            throw new AccessDeniedException(worker.userId() + " may not see the " + item.queue() + " queue");
        }
        audit.record(worker.userId(), AuditService.VIEWED_ENCOUNTER, item.encounterId(), item.taskId(), channel);
        return item;
    }

    /**
     * Records that {@code viewer} was shown these tasks ({@code where}: "coders queue page 2", "my tasks"): one audit row
     * per task, with its encounter, so the trail answers "who saw this encounter" for lists too.
     */
    @Transactional
    public void shown(Worker viewer, String channel, String where, List<WorkItem> items) {
        Map<String, Long> shown = new LinkedHashMap<>();
        for (WorkItem w : items) shown.put(w.taskId(), w.encounterId());
        audit.recordEachTask(viewer.userId(), VIEWED_QUEUE, shown, channel + " " + where);
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

    /** A page of the open tasks matching a lead's filter, in the chosen order over the whole queue, after the cursor (null: the first). */
    @Transactional(readOnly = true)
    public List<WorkItem> matching(WorkFilter filter, WorkSort sort, BoardCursor after) {
        return store.matching(filter, sort, after, PAGE_SIZE);
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
        if (!store.slaState(taskId, state, state == WorkItem.SlaState.ESCALATED ? ESCALATION_BOOST : 10)) return; // there already
        if (state == WorkItem.SlaState.ESCALATED) {
            addCandidateGroup(taskId, Worker.LEADS);
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
