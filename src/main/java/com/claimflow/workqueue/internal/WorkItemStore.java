package com.claimflow.workqueue.internal;

import com.claimflow.workqueue.BoardCursor;
import com.claimflow.workqueue.QueueCursor;
import com.claimflow.workqueue.WorkFilter;
import com.claimflow.workqueue.WorkSort;
import com.claimflow.workqueue.QueueStats;
import com.claimflow.workqueue.WorkItem;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The work_item table. Every read here is answered from an index; none goes near the engine's tables. */
@Repository
public class WorkItemStore {
    private static final String COLUMNS = "task_id, process_instance_id, encounter_id, claim_id, task_type, task_name, queue, payer_id, amount, "
            + "priority, created_at, due_at, assignee, sla_state, excluded_user, escalated_from";
    private static final String PREFIXED_COLUMNS = "w." + COLUMNS.replace(", ", ", w.");
    private static final RowMapper<WorkItem> ROW = WorkItemStore::map;
    private static final RowMapper<PendingClaim> PENDING = (rs, n) -> {
        // the millisecond column is exact on every database; claimed_at alone (rows claimed before V14) is to the second on MySQL
        Long millis = rs.getObject("claimed_at_ms", Long.class);
        Timestamp at = rs.getTimestamp("claimed_at");
        Instant claimedAt = millis != null ? Instant.ofEpochMilli(millis) : at == null ? null : at.toInstant();
        return new PendingClaim(rs.getString("task_id"), rs.getString("assignee"), rs.getObject("encounter_id", Long.class),
                rs.getString("task_type"), claimedAt, rs.getString("claimed_via"));
    };
    private static final Object TAKEN_KEY = new Object();
    /** Queue order; the task id makes it total, so a cursor never skips or repeats a row (InnoDB keys end in it). */
    private static final String QUEUE_ORDER = "priority desc, created_at, task_id";

    private final JdbcTemplate jdbc;
    /**
     * MariaDB/MySQL weigh all five indexes that start with the queue before reading three rows: planning took 0.54 ms a
     * query against 0.35 ms with the choice made for it (2,000 candidate reads at 1,200,000 rows, docs/benchmarks.md),
     * and the index named is the one the read is built for. H2 plans it alone.
     */
    private final String nextTaskIndexHint;

    public WorkItemStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        String product = jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
        this.nextTaskIndexHint = product != null && (product.contains("MySQL") || product.contains("MariaDB"))
                ? " force index (ix_work_item_next)" : "";
    }

    public void insert(WorkItem w) {
        jdbc.update("insert into work_item (" + COLUMNS + ") values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                w.taskId(), w.processInstanceId(), w.encounterId(), w.claimId(), w.taskType(), w.taskName(), w.queue(), w.payerId(),
                w.amount(), w.priority(), ts(w.createdAt()), ts(w.dueAt()), w.assignee(), w.slaState().name(), w.excludedUser(), w.escalatedFrom());
    }

    public void insertBatch(List<WorkItem> items) {
        jdbc.batchUpdate("insert into work_item (" + COLUMNS + ") values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", items, 1000, (ps, w) -> {
            ps.setString(1, w.taskId());
            ps.setString(2, w.processInstanceId());
            ps.setObject(3, w.encounterId());
            ps.setObject(4, w.claimId());
            ps.setString(5, w.taskType());
            ps.setString(6, w.taskName());
            ps.setString(7, w.queue());
            ps.setString(8, w.payerId());
            ps.setBigDecimal(9, w.amount());
            ps.setInt(10, w.priority());
            ps.setTimestamp(11, ts(w.createdAt()));
            ps.setTimestamp(12, ts(w.dueAt()));
            ps.setString(13, w.assignee());
            ps.setString(14, w.slaState().name());
            ps.setString(15, w.excludedUser());
            ps.setString(16, w.escalatedFrom());
        });
    }

    /**
     * The assignee the engine now has (or that a release or reassignment gives it): nothing is left for the engine to learn.
     * Skipped when {@link #assignIfFree} or {@link #takePendingEngineClaim} wrote the same in this transaction (the engine's
     * assignment listener echoing it).
     */
    public void assign(String taskId, String assignee) {
        if (isEcho(taskId, assignee)) return;
        if (assignee == null) {
            jdbc.update("update work_item set assignee = null, engine_claim_pending = false where task_id = ?", taskId);
        } else {
            Instant now = Instant.now(); // the handle time of the task starts at its latest claim
            jdbc.update("update work_item set assignee = ?, engine_claim_pending = false, claimed_at = ?, claimed_at_ms = ? where task_id = ?",
                    assignee, Timestamp.from(now), now.toEpochMilli(), taskId);
        }
        Map<String, String> taken = takenInThisTransaction(false);
        if (taken != null) taken.remove(taskId);
    }

    /** Whether the engine's assignment of {@code assignee} only echoes what this transaction wrote to the row already. */
    public boolean isEcho(String taskId, String assignee) {
        Map<String, String> taken = takenInThisTransaction(false);
        return taken != null && assignee != null && assignee.equals(taken.get(taskId));
    }

    /**
     * Takes the item for {@code assignee} if nobody holds it, as {@link #assignIfFree} does, and marks it, with the time, for
     * the engine and the audit trail to be told after the commit ({@link #takePendingEngineClaim}).
     */
    public boolean assignIfFreeAheadOfEngine(String taskId, String assignee) {
        return assignIfFreeAheadOfEngine(taskId, assignee, null);
    }

    /** The same, noting the channel ({@code api}, {@code ui}) the task is handed out through, for the claim's audit row. */
    public boolean assignIfFreeAheadOfEngine(String taskId, String assignee, String channel) {
        Instant now = Instant.now();
        return jdbc.update("update work_item set assignee = ?, engine_claim_pending = true, claimed_at = ?, claimed_at_ms = ?, claimed_via = ? "
                + "where task_id = ? and assignee is null", assignee, Timestamp.from(now), now.toEpochMilli(), channel, taskId) == 1;
    }

    /** A next-task claim not yet passed on to the engine and the audit trail: who took the task, when, and through what. */
    public record PendingClaim(String taskId, String assignee, Long encounterId, String taskType, Instant claimedAt, String channel) {
    }

    /**
     * Clears the mark of a claim still to be passed on, if the row is marked and held by {@code assignee} (by whoever holds
     * it when null), and returns the claim: the conditional update locks the row until the transaction ends, so of two
     * takers (the hand-off, a release, the listener) one gets the claim and the other waits and finds it gone (empty). The
     * assignment listener's echo of the same assignee is skipped.
     */
    public Optional<PendingClaim> takePendingEngineClaim(String taskId, String assignee) {
        boolean taken = assignee == null
                ? jdbc.update("update work_item set engine_claim_pending = false where task_id = ? and engine_claim_pending = true", taskId) == 1
                : jdbc.update("update work_item set engine_claim_pending = false where task_id = ? and engine_claim_pending = true and assignee = ?",
                        taskId, assignee) == 1;
        if (!rememberedIfTaken(taken, taskId, assignee)) return Optional.empty();
        return jdbc.query("select task_id, assignee, encounter_id, task_type, claimed_at, claimed_at_ms, claimed_via from work_item where task_id = ?", PENDING, taskId)
                .stream().findFirst();
    }

    /** Takes the item for {@code assignee} only if nobody holds it: the row lock decides between concurrent callers. */
    public boolean assignIfFree(String taskId, String assignee) {
        Instant now = Instant.now();
        return rememberedIfTaken(jdbc.update("update work_item set assignee = ?, claimed_at = ?, claimed_at_ms = ? where task_id = ? and assignee is null",
                assignee, Timestamp.from(now), now.toEpochMilli(), taskId) == 1, taskId, assignee);
    }

    /** Claims the engine has still to be given (task id to assignee): made just now, or before a crash. */
    public Map<String, String> pendingEngineClaims(int limit) {
        Map<String, String> pending = new java.util.LinkedHashMap<>();
        jdbc.query("select task_id, assignee from work_item where engine_claim_pending = true limit ?",
                (ResultSet rs) -> { pending.put(rs.getString(1), rs.getString(2)); }, limit);
        return pending;
    }

    /** Notes a row this transaction assigned, so that the assignment listener's echo of it is skipped ({@link #assign}). */
    private static boolean rememberedIfTaken(boolean taken, String taskId, String assignee) {
        if (taken) {
            Map<String, String> mine = takenInThisTransaction(true);
            if (mine != null) mine.put(taskId, assignee);
        }
        return taken;
    }

    /**
     * Rows {@link #assignIfFree} or {@link #takePendingEngineClaim} assigned in the current transaction: the engine's claim
     * that follows fires the assignment listener, which would write the same value to the same row again. Null outside a
     * transaction.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, String> takenInThisTransaction(boolean create) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) return null;
        Map<String, String> taken = (Map<String, String>) TransactionSynchronizationManager.getResource(TAKEN_KEY);
        if (taken == null && create) {
            taken = new HashMap<>();
            TransactionSynchronizationManager.bindResource(TAKEN_KEY, taken);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(TAKEN_KEY);
                }
            });
        }
        return taken;
    }

    public void delete(String taskId) {
        jdbc.update("delete from work_item where task_id = ?", taskId);
    }

    /**
     * The task ended: its row moves to work_item_done with who completed it ({@code completedBy}, null when the process
     * moved on without it) and, for a completion, is added to the day's sums for its queue and worker. The queue is the
     * one it was worked in: the one it came from while it is with the leads.
     */
    public void end(String taskId, String completedBy, Instant endedAt) {
        List<Ended> rows = jdbc.query("select task_id, encounter_id, task_type, coalesce(escalated_from, queue) as worked_in, payer_id, created_at,"
                + " claimed_at, claimed_at_ms, sla_state from work_item where task_id = ?", (rs, n) -> {
            Long millis = rs.getObject("claimed_at_ms", Long.class);
            Timestamp at = rs.getTimestamp("claimed_at");
            return new Ended(rs.getString("task_id"), rs.getObject("encounter_id", Long.class), rs.getString("task_type"), rs.getString("worked_in"),
                    rs.getString("payer_id"), rs.getTimestamp("created_at").toInstant(),
                    millis != null ? Instant.ofEpochMilli(millis) : at == null ? null : at.toInstant(), rs.getString("sla_state"));
        }, taskId);
        jdbc.update("delete from work_item where task_id = ?", taskId);
        if (rows.isEmpty()) return;
        Ended e = rows.get(0);
        boolean completed = completedBy != null;
        jdbc.update("insert into work_item_done (task_id, encounter_id, task_type, queue, payer_id, completed_by, created_at, claimed_at, ended_at,"
                + " completed, sla_state) values (?,?,?,?,?,?,?,?,?,?,?)", e.taskId(), e.encounterId(), e.taskType(), e.queue(), e.payerId(),
                completedBy, ts(e.createdAt()), ts(e.claimedAt()), ts(endedAt), completed, e.slaState());
        if (!completed) return;
        long handle = Math.max(0, endedAt.toEpochMilli() - (e.claimedAt() == null ? e.createdAt() : e.claimedAt()).toEpochMilli());
        int warned = "WARNED".equals(e.slaState()) ? 1 : 0;
        int escalated = "ESCALATED".equals(e.slaState()) ? 1 : 0;
        java.sql.Date day = java.sql.Date.valueOf(LocalDate.ofInstant(endedAt, ZoneOffset.UTC));
        String add = "update work_done_daily set completed = completed + 1, warned = warned + ?, escalated = escalated + ?, handle_ms = handle_ms + ?"
                + " where done_on = ? and queue = ? and worker = ?";
        if (jdbc.update(add, warned, escalated, handle, day, e.queue(), completedBy) == 1) return;
        try {
            jdbc.update("insert into work_done_daily (done_on, queue, worker, completed, warned, escalated, handle_ms) values (?,?,?,1,?,?,?)",
                    day, e.queue(), completedBy, warned, escalated, handle);
        } catch (DuplicateKeyException firstOfTheDayMeanwhile) {
            jdbc.update(add, warned, escalated, handle, day, e.queue(), completedBy);
        }
    }

    private record Ended(String taskId, Long encounterId, String taskType, String queue, String payerId, Instant createdAt, Instant claimedAt,
                         String slaState) {
    }

    /** Raises the row's SLA state (an escalated task is never lowered to warned) and its priority with it; false when it was there already. */
    public boolean slaState(String taskId, WorkItem.SlaState state, int priorityBoost) {
        return jdbc.update("update work_item set sla_state = ?, priority = least(priority + ?, 100) where task_id = ? and sla_state <> ?"
                + (state == WorkItem.SlaState.WARNED ? " and sla_state <> 'ESCALATED'" : ""), state.name(), priorityBoost, taskId, state.name()) == 1;
    }

    /**
     * Moves the task to the leads' queue, unclaimed and escalated, remembering the queue it came from; the priority rises
     * as an SLA escalation raises it, unless one did already. False when it is with the leads already, gone, or no longer
     * held by {@code heldBy}.
     */
    public boolean toLeads(String taskId, String heldBy, String leadsQueue, int priorityBoost) {
        String sql = "update work_item set escalated_from = queue, queue = ?, assignee = null, engine_claim_pending = false,"
                + " priority = case when sla_state = 'ESCALATED' then priority else least(priority + ?, 100) end, sla_state = 'ESCALATED'"
                + " where task_id = ? and escalated_from is null and queue <> ? and assignee ";
        // held by whom the caller saw: a claim in between is not dropped
        return (heldBy == null ? jdbc.update(sql + "is null", leadsQueue, priorityBoost, taskId, leadsQueue)
                : jdbc.update(sql + "= ?", leadsQueue, priorityBoost, taskId, leadsQueue, heldBy)) == 1;
    }

    /** A lead's decision on a task sent to them: back in the queue it came from, with {@code assignee} (null: unclaimed). */
    public boolean backFromLeads(String taskId, String assignee) {
        boolean moved = jdbc.update("update work_item set queue = escalated_from, escalated_from = null, assignee = ?, engine_claim_pending = false"
                + " where task_id = ? and escalated_from is not null", assignee, taskId) == 1;
        Map<String, String> taken = takenInThisTransaction(false);
        if (taken != null) taken.remove(taskId);
        return moved;
    }

    public Optional<WorkItem> find(String taskId) {
        return jdbc.query("select " + COLUMNS + " from work_item where task_id = ?", ROW, taskId).stream().findFirst();
    }

    /**
     * The highest-priority unclaimed items of several queues that {@code userId} may take (not the ones they are excluded
     * from), best first: one round trip, one range of ix_work_item_next per queue.
     */
    public List<WorkItem> unclaimed(Collection<String> queues, String userId, int perQueue) {
        if (queues.isEmpty()) return List.of();
        String one = "(select " + COLUMNS + " from work_item" + nextTaskIndexHint + " where queue = ? and assignee is null"
                + " and (excluded_user is null or excluded_user <> ?) order by priority desc, created_at limit ?)";
        String sql = queues.size() == 1 ? one
                : "select " + COLUMNS + " from (" + String.join(" union all ", Collections.nCopies(queues.size(), one))
                + ") candidates order by priority desc, created_at";
        List<Object> args = new ArrayList<>();
        for (String queue : queues) args.addAll(List.of(queue, userId, perQueue));
        return jdbc.query(sql, ROW, args.toArray());
    }

    /** Rows {@code offset} to {@code offset + limit} of a queue: for the first pages only, an OFFSET reads every row before it. */
    public List<WorkItem> page(String queue, String payerId, int offset, int limit) {
        if (payerId == null) {
            return jdbc.query("select " + COLUMNS + " from work_item where queue = ? order by " + QUEUE_ORDER + " limit ? offset ?",
                    ROW, queue, limit, offset);
        }
        return jdbc.query("select " + COLUMNS + " from work_item where queue = ? and payer_id = ? order by " + QUEUE_ORDER + " limit ? offset ?",
                ROW, queue, payerId, limit, offset);
    }

    /**
     * The rows after the cursor in queue order. The cursor's page is found on the index alone (a range that starts at the
     * cursor and reads 50 entries, however deep), then its rows by primary key: asked for every column at once, MariaDB
     * walks the queue's index from the top instead, which grows with the depth of the page.
     */
    public List<WorkItem> pageAfter(String queue, String payerId, QueueCursor after, int limit) {
        String keys = "select task_id from work_item where queue = ?" + (payerId == null ? "" : " and payer_id = ?")
                + " and priority <= ? and (priority < ? or (priority = ? and (created_at > ? or (created_at = ? and task_id > ?))))"
                + " order by " + QUEUE_ORDER + " limit ?";
        Timestamp created = Timestamp.from(after.createdAt());
        List<Object> args = new ArrayList<>(payerId == null ? List.of(queue) : List.of(queue, payerId));
        args.addAll(List.of(after.priority(), after.priority(), after.priority(), created, created, after.taskId(), limit));
        return jdbc.query("select " + PREFIXED_COLUMNS + " from work_item w join (" + keys + ") k on w.task_id = k.task_id"
                + " order by w.priority desc, w.created_at, w.task_id", ROW, args.toArray());
    }

    /** Counts a queue's items up to {@code cap + 1}: an index range of at most that many entries, never the whole queue. */
    public long countUpTo(String queue, String payerId, int cap) {
        return payerId == null
                ? jdbc.queryForObject("select count(*) from (select 1 from work_item where queue = ? limit ?) t", Long.class, queue, cap + 1)
                : jdbc.queryForObject("select count(*) from (select 1 from work_item where queue = ? and payer_id = ? limit ?) t", Long.class,
                        queue, payerId, cap + 1);
    }

    /**
     * A page of the open tasks matching a lead's filter, in the chosen order over the whole queue (or the person's tasks),
     * after the cursor: each order is read from an index that starts with the queue (ix_work_item_queue, _age, _amount).
     */
    public List<WorkItem> matching(WorkFilter filter, WorkSort sort, BoardCursor after, int limit) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from work_item where ").append(where(filter, args));
        if (after != null) {
            Timestamp created = Timestamp.from(after.createdAt());
            switch (sort) {
                case PRIORITY -> {
                    sql.append(" and (priority < ? or (priority = ? and (created_at > ? or (created_at = ? and task_id > ?))))");
                    args.addAll(List.of(after.priority(), after.priority(), created, created, after.taskId()));
                }
                case OLDEST -> {
                    sql.append(" and (created_at > ? or (created_at = ? and task_id > ?))");
                    args.addAll(List.of(created, created, after.taskId()));
                }
                case AMOUNT -> {
                    sql.append(" and (amount < ? or (amount = ? and task_id < ?))");
                    args.addAll(List.of(after.amount(), after.amount(), after.taskId()));
                }
            }
        }
        sql.append(" order by ").append(orderOf(sort)).append(" limit ?");
        args.add(limit);
        return jdbc.query(sql.toString(), ROW, args.toArray());
    }

    /** The ids of the first {@code limit} tasks matching the filter, in the chosen order: a bulk move's "all matching". */
    public List<String> matchingIds(WorkFilter filter, WorkSort sort, int limit) {
        List<Object> args = new ArrayList<>();
        String sql = "select task_id from work_item where " + where(filter, args) + " order by " + orderOf(sort) + " limit ?";
        args.add(limit);
        return jdbc.queryForList(sql, String.class, args.toArray());
    }

    private static String orderOf(WorkSort sort) {
        return switch (sort) {
            case PRIORITY -> QUEUE_ORDER;
            case OLDEST -> "created_at, task_id";
            case AMOUNT -> "amount desc, task_id desc"; // one direction: the index is read backwards
        };
    }

    private static String where(WorkFilter f, List<Object> args) {
        List<String> terms = new ArrayList<>();
        if (f.queue() != null) {
            terms.add("queue = ?");
            args.add(f.queue());
        }
        if (WorkFilter.UNCLAIMED.equals(f.person())) {
            terms.add("assignee is null");
        } else if (f.person() != null) {
            terms.add("assignee = ?");
            args.add(f.person());
        }
        if (f.payerId() != null) {
            terms.add("payer_id = ?");
            args.add(f.payerId());
        }
        if (f.taskType() != null) {
            terms.add("task_type = ?");
            args.add(f.taskType());
        }
        if (f.slaState() != null) {
            terms.add("sla_state = ?");
            args.add(f.slaState().name());
        }
        if (f.olderThanDays() != null) {
            terms.add("created_at <= ?");
            args.add(Timestamp.from(Instant.now().minus(java.time.Duration.ofDays(f.olderThanDays()))));
        }
        if (f.minAmount() != null) {
            terms.add("amount >= ?");
            args.add(f.minAmount());
        }
        if (f.maxAmount() != null) {
            terms.add("amount <= ?");
            args.add(f.maxAmount());
        }
        return String.join(" and ", terms);
    }

    /** Per queue and holder (null: unclaimed): open tasks, the oldest, warned and escalated; one pass over ix_work_item_overview. */
    public List<HeldWork> heldWork() {
        return jdbc.query("select queue, assignee, count(*), min(created_at), sum(case when sla_state = 'WARNED' then 1 else 0 end),"
                + " sum(case when sla_state = 'ESCALATED' then 1 else 0 end) from work_item group by queue, assignee", (rs, n) -> {
            Timestamp oldest = rs.getTimestamp(4);
            return new HeldWork(rs.getString(1), rs.getString(2), rs.getLong(3), oldest == null ? null : oldest.toInstant(), rs.getLong(5), rs.getLong(6));
        });
    }

    /** The open tasks of one queue held by one person (null: nobody). */
    public record HeldWork(String queue, String assignee, long open, Instant oldest, long warned, long escalated) {
    }

    public List<WorkItem> assignedTo(String assignee) {
        return jdbc.query("select " + COLUMNS + " from work_item where assignee = ? order by priority desc, created_at", ROW, assignee);
    }

    public List<WorkItem> forEncounter(long encounterId) {
        return jdbc.query("select " + COLUMNS + " from work_item where encounter_id = ? order by created_at", ROW, encounterId);
    }

    public List<WorkItem> escalated(int limit) {
        return jdbc.query("select " + COLUMNS + " from work_item where sla_state = 'ESCALATED' order by priority desc, created_at limit ?", ROW, limit);
    }

    public List<QueueStats> stats() {
        List<QueueStats> result = new ArrayList<>();
        jdbc.query("select queue, count(*), sum(case when assignee is null then 1 else 0 end), min(created_at), "
                + "sum(case when sla_state = 'WARNED' then 1 else 0 end), sum(case when sla_state = 'ESCALATED' then 1 else 0 end) "
                + "from work_item group by queue order by queue", rs -> {
            Timestamp oldest = rs.getTimestamp(4);
            result.add(new QueueStats(rs.getString(1), rs.getLong(2), rs.getLong(3), oldest == null ? null : oldest.toInstant(), rs.getLong(5), rs.getLong(6)));
        });
        return result;
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static WorkItem map(ResultSet rs, int n) throws SQLException {
        Timestamp due = rs.getTimestamp("due_at");
        return new WorkItem(rs.getString("task_id"), rs.getString("process_instance_id"), (Long) rs.getObject("encounter_id", Long.class),
                rs.getObject("claim_id", Long.class), rs.getString("task_type"), rs.getString("task_name"), rs.getString("queue"),
                rs.getString("payer_id"), rs.getBigDecimal("amount"), rs.getInt("priority"), rs.getTimestamp("created_at").toInstant(),
                due == null ? null : due.toInstant(), rs.getString("assignee"), WorkItem.SlaState.valueOf(rs.getString("sla_state")),
                rs.getString("excluded_user"), rs.getString("escalated_from"));
    }
}
