package com.claimflow.remittance;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One line of the encounter's account. {@code amount} moves what insurance owes, {@code patientAmount} what the
 * patient owes; the account is resolved when both sum to zero.
 */
@Entity
@Table(name = "account_entry")
public class AccountEntry {
    public enum Type { CHARGE, PAYER_PAYMENT, CONTRACTUAL_ADJUSTMENT, PATIENT_RESPONSIBILITY, PATIENT_PAYMENT, WRITE_OFF, AGENCY_TRANSFER, REFUND, CREDIT_TRANSFER,
        /** The earlier payer's patient responsibility billed to the next coverage (secondary, tertiary): back on the insurance side. */
        NEXT_PAYER_BILLED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "encounter_id")
    private Long encounterId;
    @Column(name = "claim_id")
    private Long claimId;
    @Column(name = "entry_type")
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Type type;
    private BigDecimal amount;
    @Column(name = "patient_amount")
    private BigDecimal patientAmount;
    private String reason;
    @Column(name = "posted_by")
    private String postedBy;
    @Column(name = "posted_at")
    private Instant postedAt;

    protected AccountEntry() {
    }

    AccountEntry(Long encounterId, Long claimId, Type type, BigDecimal amount, BigDecimal patientAmount, String reason, String postedBy) {
        this.encounterId = encounterId;
        this.claimId = claimId;
        this.type = type;
        this.amount = amount;
        this.patientAmount = patientAmount;
        this.reason = reason;
        this.postedBy = postedBy;
        this.postedAt = Instant.now();
    }

    public Long getEncounterId() { return encounterId; }
    public Long getClaimId() { return claimId; }
    public Type getType() { return type; }
    public BigDecimal getAmount() { return amount; }
    public BigDecimal getPatientAmount() { return patientAmount; }
    public String getReason() { return reason; }
    public String getPostedBy() { return postedBy; }
    public Instant getPostedAt() { return postedAt; }
}
