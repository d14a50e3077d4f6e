package com.claimflow.sla.internal;

import com.claimflow.audit.EvidenceCursor;
import com.claimflow.sla.SlaEvent;
import com.claimflow.sla.SlaFilter;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The sla_event register and its daily rollup sla_daily (V22). */
@Repository
public class SlaEventStore {
    private static final String COLUMNS = "id, kind, task_id, task_type, encounter_id, queue, payer_id, holder, task_created_at_ms, due_at_ms,"
            + " raised_at_ms, late_ms, resolved_at_ms, resolved_by, resolution";
    private static final RowMapper<SlaEvent> ROW = SlaEventStore::map;
    /** Newest first, the id breaking ties: a cursor on the pair never skips or repeats a row, and every filter's index ends in raised_at_ms. */
    private static final String ORDER = " order by raised_at_ms desc, id desc limit ?";

    private final JdbcTemplate jdbc;

    public SlaEventStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The event and its count in the day's rollup row, in the caller's transaction. */
    public void insert(SlaEvent e) {
        jdbc.update("insert into sla_event (kind, task_id, task_type, encounter_id, queue, payer_id, holder, task_created_at_ms, due_at_ms,"
                + " raised_at_ms, late_ms) values (?,?,?,?,?,?,?,?,?,?,?)", e.kind().name(), e.taskId(), e.taskType(), e.encounterId(), e.queue(),
                e.payerId(), e.holder(), e.taskCreatedAt().toEpochMilli(), e.dueAt().toEpochMilli(), e.raisedAt().toEpochMilli(), e.late().toMillis());
        count(LocalDate.ofInstant(e.raisedAt(), ZoneOffset.UTC), e.queue(), e.holder() == null ? "" : e.holder(), e.kind());
    }

    /**
     * Adds one to the day's row. An update first, an insert when the day has no row yet, and the update again when another
     * transaction inserted it meanwhile: portable where INSERT ... ON DUPLICATE KEY UPDATE is not (H2 outside MODE=MySQL).
     */
    private void count(LocalDate day, String queue, String holder, SlaEvent.Kind kind) {
        int w = kind == SlaEvent.Kind.WARNING ? 1 : 0;
        int x = 1 - w;
        String update = "update sla_daily set warnings = warnings + ?, escalations = escalations + ? where event_day = ? and queue = ? and holder = ?";
        if (jdbc.update(update, w, x, Date.valueOf(day), queue, holder) == 1) return;
        try {
            jdbc.update("insert into sla_daily (event_day, queue, holder, warnings, escalations) values (?,?,?,?,?)", Date.valueOf(day), queue, holder, w, x);
        } catch (DuplicateKeyException raced) {
            jdbc.update(update, w, x, Date.valueOf(day), queue, holder);
        }
    }

    /** Resolves the task's open events; the number resolved. */
    public int resolve(String taskId, Instant at, String by, SlaEvent.Resolution resolution) {
        return jdbc.update("update sla_event set resolved_at_ms = ?, resolved_by = ?, resolution = ? where task_id = ? and resolved_at_ms is null",
                at.toEpochMilli(), by, resolution.name(), taskId);
    }

    /** The events the filter matches after {@code after} (from the newest when null), at most {@code limit}. */
    public List<SlaEvent> page(SlaFilter f, EvidenceCursor after, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from sla_event where raised_at_ms >= ? and raised_at_ms < ?");
        List<Object> args = new ArrayList<>();
        args.add(f.period().start().toEpochMilli());
        args.add(f.period().end().toEpochMilli());
        and(sql, args, " and queue = ?", f.queue());
        and(sql, args, " and holder = ?", f.person());
        and(sql, args, " and payer_id = ?", f.payer());
        and(sql, args, " and task_type = ?", f.taskType());
        and(sql, args, " and kind = ?", f.kind() == null ? null : f.kind().name());
        if (f.status() != null) sql.append(f.status() == SlaFilter.Status.OPEN ? " and resolved_at_ms is null" : " and resolved_at_ms is not null");
        if (after != null) {
            // the bound alone is what the index ranges over; the or drops the rows of the cursor's own millisecond already shown
            sql.append(" and raised_at_ms <= ? and (raised_at_ms < ? or id < ?)");
            args.add(after.millis());
            args.add(after.millis());
            args.add(after.id());
        }
        args.add(limit);
        return jdbc.query(sql + ORDER, ROW, args.toArray());
    }

    /** Warnings and escalations per queue and holder ('' for nobody) over the period's days, from the rollup. */
    public List<Counted> counts(LocalDate from, LocalDate toExclusive, String queue, String holder) {
        return counted("select queue, holder, sum(warnings), sum(escalations) from sla_daily where event_day >= ? and event_day < ?",
                Date.valueOf(from), Date.valueOf(toExclusive), queue, holder);
    }

    /** The same figures counted from the events themselves: what the rollup saves (the benchmark's baseline, and its check). */
    public List<Counted> countsFromEvents(LocalDate from, LocalDate toExclusive, String queue, String holder) {
        return counted("select queue, coalesce(holder, ''), sum(case when kind = 'WARNING' then 1 else 0 end),"
                + " sum(case when kind = 'ESCALATION' then 1 else 0 end) from sla_event where raised_at_ms >= ? and raised_at_ms < ?",
                from.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli(), toExclusive.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli(),
                queue, holder);
    }

    private List<Counted> counted(String select, Object from, Object to, String queue, String holder) {
        StringBuilder sql = new StringBuilder(select);
        List<Object> args = new ArrayList<>(List.of(from, to));
        and(sql, args, " and queue = ?", queue);
        and(sql, args, " and holder = ?", holder);
        sql.append(select.contains("sla_daily") ? " group by queue, holder" : " group by queue, coalesce(holder, '')");
        return jdbc.query(sql.toString(), (rs, n) -> new Counted(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)), args.toArray());
    }

    /** A queue's and holder's counts ('' holder: nobody held the task). */
    public record Counted(String queue, String holder, long warnings, long escalations) {
    }

    private static SlaEvent map(ResultSet rs, int n) throws SQLException {
        Long resolvedAt = rs.getObject("resolved_at_ms", Long.class);
        String resolution = rs.getString("resolution");
        return new SlaEvent(rs.getLong("id"), SlaEvent.Kind.valueOf(rs.getString("kind")), rs.getString("task_id"), rs.getString("task_type"),
                rs.getObject("encounter_id", Long.class), rs.getString("queue"), rs.getString("payer_id"), rs.getString("holder"),
                Instant.ofEpochMilli(rs.getLong("task_created_at_ms")), Instant.ofEpochMilli(rs.getLong("due_at_ms")),
                Instant.ofEpochMilli(rs.getLong("raised_at_ms")), Duration.ofMillis(rs.getLong("late_ms")),
                resolvedAt == null ? null : Instant.ofEpochMilli(resolvedAt), rs.getString("resolved_by"),
                resolution == null ? null : SlaEvent.Resolution.valueOf(resolution));
    }

    /** Adds {@code clause} and its value when the filter sets it. */
    private static void and(StringBuilder sql, List<Object> args, String clause, Object value) {
        if (value == null) return;
        sql.append(clause);
        args.add(value);
    }
}
