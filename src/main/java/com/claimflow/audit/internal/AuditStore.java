package com.claimflow.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * The audit_event and audit_seal tables as the sealer and the verifier see them. Rows are only inserted, and sealed once:
 * every update here is conditional on {@code seq is null}.
 */
@Repository
public class AuditStore {
    private static final String COLUMNS = "id, seq, occurred_at, occurred_at_ms, actor, action, encounter_id, task_id, detail, row_mac, mac";
    private static final String INSERT = "insert into audit_event (occurred_at, occurred_at_ms, actor, action, encounter_id, task_id, detail, row_mac) "
            + "values (?,?,?,?,?,?,?,?)";
    /** A row written before V12 has no occurred_at_ms: its time is occurred_at as the driver reads it, until sealed with it. */
    private static final RowMapper<AuditRow> ROW = (rs, n) -> new AuditRow(rs.getLong("id"), rs.getObject("seq", Long.class),
            millis(rs), rs.getString("actor"), rs.getString("action"), rs.getObject("encounter_id", Long.class), rs.getString("task_id"),
            rs.getString("detail"), rs.getString("row_mac"), rs.getString("mac"));
    private static final RowMapper<ChainHead> HEAD = (rs, n) -> new ChainHead(rs.getLong("last_seq"), rs.getString("last_mac"),
            rs.getLong("legacy_max_id"), rs.getString("head_mac"));

    private final JdbcTemplate jdbc;

    public AuditStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static Long millis(ResultSet rs) throws SQLException {
        Long ms = rs.getObject("occurred_at_ms", Long.class);
        if (ms != null) return ms;
        Timestamp at = rs.getTimestamp("occurred_at");
        return at == null ? null : at.toInstant().toEpochMilli();
    }

    /** Rows of one event on several encounters (a page of a list) in one round trip; each signed by the writer. */
    public void insertAll(List<Object[]> rows) {
        jdbc.batchUpdate(INSERT, rows);
    }

    /** One row of {@link #insertRow}. */
    public void insert(Object[] row) {
        jdbc.update(INSERT, row);
    }

    public static Object[] insertRow(Instant at, String actor, String action, Long encounterId, String taskId, String detail, String rowMac) {
        return new Object[] {Timestamp.from(at), at.toEpochMilli(), actor, action, encounterId, taskId, detail, rowMac};
    }

    /** The head, locked until the transaction ends: the one sealer at a time across nodes. */
    public ChainHead lockHead() {
        return jdbc.queryForObject("select last_seq, last_mac, legacy_max_id, head_mac from audit_seal where id = 1 for update", HEAD);
    }

    public ChainHead head() {
        return jdbc.queryForObject("select last_seq, last_mac, legacy_max_id, head_mac from audit_seal where id = 1", HEAD);
    }

    public void moveHead(ChainHead head, Instant at) {
        jdbc.update("update audit_seal set last_seq = ?, last_mac = ?, head_mac = ?, sealed_at_ms = ? where id = 1",
                head.lastSeq(), head.lastMac(), head.headMac(), at.toEpochMilli());
    }

    public Optional<AuditRow> sealedAt(long seq) {
        return jdbc.query("select " + COLUMNS + " from audit_event where seq = ?", ROW, seq).stream().findFirst();
    }

    /** The oldest rows not sealed yet, in id order (the seq index holds the unsealed rows under null). */
    public List<AuditRow> unsealed(long afterId, int limit) {
        return jdbc.query("select " + COLUMNS + " from audit_event where seq is null and id > ? order by id limit ?", ROW, afterId, limit);
    }

    /** Gives each row its seq and MAC, and its time in milliseconds (set already unless written before V12). */
    public void seal(Collection<AuditRow> rows) {
        int[][] counts = jdbc.batchUpdate("update audit_event set seq = ?, mac = ?, occurred_at_ms = ? where id = ? and seq is null", rows, 500,
                (ps, r) -> {
                    ps.setLong(1, r.seq());
                    ps.setString(2, r.mac());
                    ps.setLong(3, r.occurredAtMillis());
                    ps.setLong(4, r.id());
                });
        for (int[] batch : counts) {
            for (int c : batch) {
                if (c == 0) throw new IllegalStateException("an audit row was sealed by someone else meanwhile");
            }
        }
    }

    /** The sealed rows in seq order, read a page at a time. */
    public Iterator<AuditRow> sealedInOrder(int pageSize) {
        return new Pages(pageSize, last -> jdbc.query("select " + COLUMNS + " from audit_event where seq is not null and (seq > ? or (seq = ? and id > ?)) "
                + "order by seq, id limit ?", ROW, last == null ? 0 : last.seq(), last == null ? 0 : last.seq(), last == null ? 0 : last.id(), pageSize));
    }

    /** The unsealed rows in id order, read a page at a time. */
    public Iterator<AuditRow> unsealedInOrder(int pageSize) {
        return new Pages(pageSize, last -> unsealed(last == null ? 0 : last.id(), pageSize));
    }

    private static final class Pages implements Iterator<AuditRow> {
        private final int pageSize;
        private final Function<AuditRow, List<AuditRow>> after;
        private List<AuditRow> page;
        private int next;
        private AuditRow last;

        Pages(int pageSize, Function<AuditRow, List<AuditRow>> after) {
            this.pageSize = pageSize;
            this.after = after;
            this.page = after.apply(null);
        }

        @Override
        public boolean hasNext() {
            if (next < page.size()) return true;
            if (page.size() < pageSize) return false;
            page = after.apply(last);
            next = 0;
            return !page.isEmpty();
        }

        @Override
        public AuditRow next() {
            if (!hasNext()) throw new NoSuchElementException();
            last = page.get(next++);
            return last;
        }
    }
}
