package com.claimflow.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/**
 * Who did or saw what, on which encounter or task, and when. Append-only: {@link AuditService} inserts the rows (plain
 * inserts, never through this entity), Hibernate only reads them, and the sealer alone gives each its place in the
 * chain ({@code seq}, {@code mac}; decision 0009).
 */
@Entity
@Immutable
@Table(name = "audit_event")
public class AuditEvent {
    /** The longest detail the column holds; a longer one is cut with "...". */
    public static final int DETAIL_LENGTH = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    /** To the second on MySQL (the driver drops the milliseconds); kept for SQL readers and its indexes. */
    @Column(name = "occurred_at")
    private Instant occurredAtColumn;
    /** The time to the millisecond, on every database; null only on rows written before V12 and not yet sealed. */
    @Column(name = "occurred_at_ms")
    private Long occurredAtMillis;
    private String actor;
    private String action;
    @Column(name = "encounter_id")
    private Long encounterId;
    @Column(name = "task_id")
    private String taskId;
    private String detail;
    @Column(name = "row_mac")
    private String rowMac;
    @Column(name = "seq", insertable = false, updatable = false)
    private Long seq;

    protected AuditEvent() {
    }

    static String cut(String detail) {
        return detail == null || detail.length() <= DETAIL_LENGTH ? detail : detail.substring(0, DETAIL_LENGTH - 3) + "...";
    }

    public Long getId() { return id; }
    public Instant getOccurredAt() { return occurredAtMillis != null ? Instant.ofEpochMilli(occurredAtMillis) : occurredAtColumn; }
    public String getActor() { return actor; }
    public String getAction() { return action; }
    public Long getEncounterId() { return encounterId; }
    public String getTaskId() { return taskId; }
    public String getDetail() { return detail; }
    /** The row's place in the sealed chain; null until the sealer reaches it (about a second). */
    public Long getSeq() { return seq; }
}
