package com.claimflow.workqueue;

import com.claimflow.audit.AuditService;
import com.claimflow.base.BadInputException;
import com.claimflow.identity.Worker;
import com.claimflow.workqueue.internal.WorkItemStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntConsumer;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A lead moves many tasks in one action: chosen ones, all matching a filter, or everything one person holds ("out
 * today"), to a person, spread evenly over people or a team, or back to the queue, with one reason. The request is
 * checked whole before anything moves (reason, people, team, size): a bad one changes nothing. Then each task moves in
 * its own transaction, audited as a single reassignment is, so a task that ended meanwhile or may not go to the person
 * is reported and the rest still move; one more audit row records the move as a whole.
 */
@Service
public class BulkMoves {
    /** The most tasks one move takes: "all matching" beyond this is refused, to be narrowed or done in rounds. */
    public static final int MAX_TASKS = 5000;
    /** The audit trail's action for a bulk move as a whole (each task has its REASSIGNED row too). */
    public static final String BULK_MOVED = "BULK_MOVED";

    private final WorkQueueService queues;
    private final WorkItemStore store;
    private final TaskPeople people;
    private final AuditService audit;
    private final TransactionTemplate tx;

    public BulkMoves(WorkQueueService queues, WorkItemStore store, TaskPeople people, AuditService audit, PlatformTransactionManager txManager) {
        this.queues = queues;
        this.store = store;
        this.people = people;
        this.audit = audit;
        this.tx = new TransactionTemplate(txManager);
    }

    /** The ids of every task matching the filter, up to {@link #MAX_TASKS}; more is refused, naming the count. */
    public List<String> allMatching(WorkFilter filter) {
        List<String> ids = store.matchingIds(filter, WorkSort.PRIORITY, MAX_TASKS + 1);
        if (ids.size() > MAX_TASKS) {
            throw new BadInputException("filter", "more than " + String.format("%,d", MAX_TASKS) + " tasks match: narrow the filter or move them in rounds");
        }
        return ids;
    }

    /** Moves the tasks, reporting each one done to {@code progress} (the count so far). */
    public MoveSummary move(List<String> taskIds, MoveTarget target, String reason, Worker lead, IntConsumer progress) {
        if (!lead.isLead()) throw new AccessDeniedException("only team leads move tasks");
        String why = WorkQueueService.requireReason(reason, "say why the tasks are moved");
        if (taskIds == null || taskIds.isEmpty()) throw new BadInputException("taskIds", "choose at least one task");
        if (taskIds.size() > MAX_TASKS) throw new BadInputException("taskIds", "at most " + MAX_TASKS + " tasks in one move, not " + taskIds.size());
        Map<String, Set<String>> targets = targetsOf(target);
        Map<String, Integer> load = new LinkedHashMap<>();
        for (String user : targets.keySet()) load.put(user, store.assignedTo(user).size());

        List<MoveSummary.Moved> moved = new ArrayList<>();
        List<MoveSummary.NotMoved> notMoved = new ArrayList<>();
        int done = 0;
        for (String taskId : new LinkedHashSet<>(taskIds)) {
            try {
                Outcome outcome = tx.execute(s -> moveOne(taskId, targets, load, why, lead));
                if (outcome.whyNot() != null) notMoved.add(new MoveSummary.NotMoved(taskId, outcome.whyNot()));
                else moved.add(new MoveSummary.Moved(taskId, outcome.to()));
            } catch (RuntimeException e) {
                notMoved.add(new MoveSummary.NotMoved(taskId, e.getMessage()));
            }
            progress.accept(++done);
        }
        MoveSummary summary = new MoveSummary(done, List.copyOf(moved), List.copyOf(notMoved));
        String detail = summary.headline() + " -> " + target.label() + ": " + why;
        audit.record(lead.userId(), BULK_MOVED, null, null, detail.length() > 500 ? detail.substring(0, 497) + "..." : detail);
        return summary;
    }

    /** Everything {@code person} holds goes back to the queue or to the colleagues named, in one action. */
    public MoveSummary outToday(String person, MoveTarget target, String reason, Worker lead, IntConsumer progress) {
        if (person == null || person.isBlank() || people.groupsOfUser(person.strip()).isEmpty()) {
            throw new BadInputException("person", "there is no user '" + (person == null ? "" : person.strip()) + "'");
        }
        if (target instanceof MoveTarget.ToPerson p && p.userId().equals(person.strip())
                || target instanceof MoveTarget.Spread s && s.userIds().contains(person.strip())) {
            throw new BadInputException("toUsers", person.strip() + " is out today: name colleagues, or put the work back in the queue");
        }
        List<String> held = store.assignedTo(person.strip()).stream().map(WorkItem::taskId).toList();
        if (held.isEmpty()) throw new BadInputException("person", person.strip() + " holds no tasks");
        return move(held, target, reason, lead, progress);
    }

    /** The people a move may give tasks to, with their groups; empty for back to the queue. Unknown people are refused. */
    private Map<String, Set<String>> targetsOf(MoveTarget target) {
        List<String> users;
        if (target instanceof MoveTarget.ToPerson p) {
            users = List.of(p.userId());
        } else if (target instanceof MoveTarget.Spread s) {
            users = s.userIds();
        } else if (target instanceof MoveTarget.Team t) {
            if (t.group() == null || t.group().isBlank()) throw new BadInputException("toTeam", "name a team");
            users = people.membersOf(t.group().strip());
            if (users.isEmpty()) throw new BadInputException("toTeam", "there is no team '" + t.group().strip() + "' with members");
        } else {
            return Map.of();
        }
        Map<String, Set<String>> targets = new LinkedHashMap<>();
        for (String user : users) {
            String u = user == null ? "" : user.strip();
            if (u.isEmpty() || u.length() > TaskPeople.USER_ID_MAX) throw new BadInputException("toUsers", "give the user id of each person");
            targets.put(u, people.groupsOfUser(u).orElseThrow(() -> new BadInputException("toUsers", "there is no user '" + u + "'")));
        }
        return targets;
    }

    /** Who a task went to (null: the queue), or why it was not moved. */
    private record Outcome(String to, String whyNot) {
    }

    private Outcome moveOne(String taskId, Map<String, Set<String>> targets, Map<String, Integer> load, String why, Worker lead) {
        Optional<WorkItem> found = store.find(taskId);
        if (found.isEmpty()) return new Outcome(null, "the task ended meanwhile");
        WorkItem item = found.get();
        if (targets.isEmpty()) {
            queues.move(item, null, why, lead);
            return new Outcome(null, null);
        }
        String to = null;
        List<String> refusals = new ArrayList<>();
        for (Map.Entry<String, Set<String>> t : targets.entrySet()) {
            Optional<String> whyNot = TaskPeople.whyNot(item, t.getKey(), t.getValue());
            if (whyNot.isPresent()) {
                refusals.add(whyNot.get());
            } else if (to == null || load.get(t.getKey()) < load.get(to)) {
                to = t.getKey();
            }
        }
        if (to == null) return new Outcome(null, String.join("; ", refusals));
        if (to.equals(item.assignee())) return new Outcome(to, null); // there already
        queues.move(item, to, why, lead);
        load.merge(to, 1, Integer::sum);
        return new Outcome(to, null);
    }
}
