package com.claimflow.submission;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A claim waiting to leave, written in the same transaction as the process step that submits the claim: its 837 as a
 * one-claim interchange, validated. The (claim, version, attempt) key makes a retried step unable to queue the same
 * submission twice. The dispatcher assigns pending messages to a batch file (one per payer and format) before it hands
 * the file over, so a retried hand-off sends the same file under the same name and never the claim in a second file.
 */
@Entity
@Table(name = "outbox_message")
public class OutboxMessage {
    /** PENDING until its batch file is handed over (SENT); REFUSED when the batch file's read-back refused it. */
    public enum Status { PENDING, SENT, REFUSED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "claim_id")
    private Long claimId;
    @Column(name = "claim_version")
    private int claimVersion;
    private int attempt;
    @Column(name = "payer_id")
    private String payerId;
    private String format;
    private String payload;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Status status;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "sent_at")
    private Instant sentAt;
    /** The batch file it went (or goes) out in; assigned and updated by the dispatcher, set-based. */
    @Column(name = "batch_id", insertable = false, updatable = false)
    private Long batchId;

    protected OutboxMessage() {
    }

    OutboxMessage(Long claimId, int claimVersion, int attempt, String payerId, String format, String payload) {
        this.claimId = claimId;
        this.claimVersion = claimVersion;
        this.attempt = attempt;
        this.payerId = payerId;
        this.format = format;
        this.payload = payload;
        this.status = Status.PENDING;
        this.createdAt = Instant.now();
    }


    public Long getId() { return id; }
    public Long getClaimId() { return claimId; }
    public int getClaimVersion() { return claimVersion; }
    public int getAttempt() { return attempt; }
    public String getPayerId() { return payerId; }
    public String getFormat() { return format; }
    public String getPayload() { return payload; }
    public Status getStatus() { return status; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getSentAt() { return sentAt; }
    public Long getBatchId() { return batchId; }
}
