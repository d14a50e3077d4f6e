package com.claimflow.collections;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** A patient statement sent for the balance the patient owes. */
@Entity
@Table(name = "statement")
public class Statement {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "encounter_id")
    private Long encounterId;
    private int seq;
    private BigDecimal balance;
    @Column(name = "sent_at")
    private Instant sentAt;

    protected Statement() {
    }

    Statement(Long encounterId, int seq, BigDecimal balance) {
        this.encounterId = encounterId;
        this.seq = seq;
        this.balance = balance;
        this.sentAt = Instant.now();
    }

    public Long getEncounterId() { return encounterId; }
    public int getSeq() { return seq; }
    public BigDecimal getBalance() { return balance; }
    public Instant getSentAt() { return sentAt; }
}
