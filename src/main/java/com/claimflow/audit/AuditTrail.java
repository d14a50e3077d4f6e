package com.claimflow.audit;

import com.claimflow.audit.internal.AuditTrailStore;
import java.io.OutputStream;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit trail read by compliance: pages and CSV exports, filtered. Every read is itself recorded (who, which filter,
 * through which channel), so compliance reads are as traceable as the reads they review.
 */
@Service
public class AuditTrail {
    public static final String VIEWED = "VIEWED_AUDIT_TRAIL";
    public static final String EXPORTED = "EXPORTED_AUDIT_TRAIL";
    public static final int PAGE_SIZE = 50;
    /** Rows an export reads per query: its memory stays bounded however long the period. */
    static final int EXPORT_CHUNK = 1000;

    private final AuditTrailStore store;
    private final AuditService audit;

    public AuditTrail(AuditTrailStore store, AuditService audit) {
        this.store = store;
        this.audit = audit;
    }

    /** A page after {@code after} (null: the newest), recorded as read by {@code reader} through {@code channel}. */
    @Transactional
    public AuditPage page(AuditFilter filter, EvidenceCursor after, int limit, String reader, String channel) {
        List<AuditTrailStore.Row> rows = store.page(filter, after, limit);
        audit.record(reader, VIEWED, filter.encounterId(), filter.taskId(), channel + "; " + filter.describe()
                + (after == null ? "; first page" : "; after " + after));
        String next = rows.size() < limit ? null : rows.get(rows.size() - 1).cursor().toString();
        return new AuditPage(rows.stream().map(AuditTrailStore.Row::entry).toList(), next);
    }

    /** Records the export, then writes every matching row as CSV, a chunk at a time, newest first. */
    public void exportCsv(AuditFilter filter, String reader, String channel, OutputStream out) {
        audit.record(reader, EXPORTED, filter.encounterId(), filter.taskId(), channel + " csv; " + filter.describe());
        try (EvidenceCsv csv = new EvidenceCsv(out)) {
            csv.row("id", "occurred_at", "actor", "action", "encounter_id", "task_id", "channel", "detail");
            EvidenceCursor after = null;
            while (true) {
                List<AuditTrailStore.Row> rows = store.page(filter, after, EXPORT_CHUNK);
                for (AuditTrailStore.Row r : rows) {
                    AuditEntry e = r.entry();
                    csv.row(e.id(), e.occurredAt(), e.actor(), e.action(), e.encounterId(), e.taskId(), e.channel(), e.detail());
                }
                if (rows.size() < EXPORT_CHUNK) break;
                after = rows.get(rows.size() - 1).cursor();
                csv.flush();
            }
        }
    }
}
