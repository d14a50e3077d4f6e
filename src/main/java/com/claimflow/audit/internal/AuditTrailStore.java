package com.claimflow.audit.internal;

import com.claimflow.audit.EvidenceCursor;
import com.claimflow.audit.AuditEntry;
import com.claimflow.audit.AuditFilter;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The audit trail as compliance reads it: filtered, newest first, a page at a time. */
@Repository
public class AuditTrailStore {
    /**
     * Newest first by the indexed column and then id, so a cursor never skips or repeats a row; each filter has an index
     * led by its column and ending in occurred_at (V1, V22), so a page reads its 50 entries wherever it starts.
     */
    private static final String ORDER = " order by occurred_at desc, id desc limit ?";

    private final JdbcTemplate jdbc;

    public AuditTrailStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The rows after {@code after} (from the newest when null), and the last row's cursor in {@code cursor}. */
    public List<Row> page(AuditFilter f, EvidenceCursor after, int limit) {
        StringBuilder sql = new StringBuilder("select id, occurred_at, occurred_at_ms, actor, action, encounter_id, task_id, detail from audit_event"
                + " where occurred_at >= ? and occurred_at < ?");
        List<Object> args = new ArrayList<>();
        args.add(Timestamp.from(f.period().start()));
        args.add(Timestamp.from(f.period().end()));
        and(sql, args, " and actor = ?", f.actor());
        and(sql, args, " and action = ?", f.action());
        and(sql, args, " and encounter_id = ?", f.encounterId());
        and(sql, args, " and task_id = ?", f.taskId());
        if (after != null) {
            // the bound alone is what the index ranges over; the or drops the rows of the cursor's own time already shown
            sql.append(" and occurred_at <= ? and (occurred_at < ? or id < ?)");
            args.add(new Timestamp(after.millis()));
            args.add(new Timestamp(after.millis()));
            args.add(after.id());
        }
        args.add(limit);
        return jdbc.query(sql + ORDER, (rs, n) -> {
            Timestamp column = rs.getTimestamp("occurred_at");
            Long ms = rs.getObject("occurred_at_ms", Long.class);
            return new Row(new AuditEntry(rs.getLong("id"), ms != null ? Instant.ofEpochMilli(ms) : column.toInstant(), rs.getString("actor"),
                    rs.getString("action"), rs.getObject("encounter_id", Long.class), rs.getString("task_id"),
                    AuditEntry.channelOf(rs.getString("detail")), rs.getString("detail")), new EvidenceCursor(column.getTime(), rs.getLong("id")));
        }, args.toArray());
    }

    /** An entry and the cursor that follows it. */
    public record Row(AuditEntry entry, EvidenceCursor cursor) {
    }

    /** Adds {@code clause} and its value when the filter sets it. */
    private static void and(StringBuilder sql, List<Object> args, String clause, Object value) {
        if (value == null) return;
        sql.append(clause);
        args.add(value);
    }
}
