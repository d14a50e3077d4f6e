package com.claimflow.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Who did or saw what, on which encounter or task, and when. Append-only. */
@Entity
@Table(name = "audit_event")
public class AuditEvent {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "occurred_at")
    private Instant occurredAt;
    private String actor;
    private String action;
    @Column(name = "encounter_id")
    private Long encounterId;
    @Column(name = "task_id")
    private String taskId;
    private String detail;

    protected AuditEvent() {
    }

    AuditEvent(Instant occurredAt, String actor, String action, Long encounterId, String taskId, String detail) {
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.action = action;
        this.encounterId = encounterId;
        this.taskId = taskId;
        this.detail = detail == null || detail.length() <= 500 ? detail : detail.substring(0, 497) + "...";
    }

    public Long getId() { return id; }
    public Instant getOccurredAt() { return occurredAt; }
    public String getActor() { return actor; }
    public String getAction() { return action; }
    public Long getEncounterId() { return encounterId; }
    public String getTaskId() { return taskId; }
    public String getDetail() { return detail; }
}
