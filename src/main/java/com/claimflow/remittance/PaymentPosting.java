package com.claimflow.remittance;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** A posted claim payment; its unique {@code sourceRef} is why the same remittance never posts twice. */
@Entity
@Table(name = "payment_posting")
public class PaymentPosting {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "source_ref")
    private String sourceRef;
    @Column(name = "claim_id")
    private Long claimId;
    @Column(name = "encounter_id")
    private Long encounterId;
    private String outcome;
    private BigDecimal charge;
    private BigDecimal paid;
    @Column(name = "contractual_adjustment")
    private BigDecimal contractualAdjustment;
    @Column(name = "patient_responsibility")
    private BigDecimal patientResponsibility;
    @Column(name = "carc_group")
    private String carcGroup;
    private String carc;
    private String rarc;
    @Column(name = "posted_at")
    private Instant postedAt;
    /** The payer sent the claim on to the next payer itself (crossover): {@link RemittanceAdvice#forwardedToNextPayer()}. */
    private boolean forwarded;
    @Column(name = "payer_claim_number")
    private String payerClaimNumber;

    protected PaymentPosting() {
    }

    PaymentPosting(RemittanceAdvice a, long encounterId, BigDecimal charge, String outcome) {
        this.sourceRef = a.sourceRef();
        this.claimId = a.claimId();
        this.encounterId = encounterId;
        this.outcome = outcome;
        this.charge = charge;
        this.paid = a.paid();
        this.contractualAdjustment = a.contractualAdjustment();
        this.patientResponsibility = a.patientResponsibility();
        this.carcGroup = a.carcGroup();
        this.carc = a.carc();
        this.rarc = a.rarc();
        this.postedAt = Instant.now();
        this.forwarded = a.forwardedToNextPayer();
        this.payerClaimNumber = a.payerClaimNumber();
    }

    public boolean isForwarded() { return forwarded; }
    public String getPayerClaimNumber() { return payerClaimNumber; }

    public String getSourceRef() { return sourceRef; }
    public Long getClaimId() { return claimId; }
    public String getOutcome() { return outcome; }
    public BigDecimal getCharge() { return charge; }
    public BigDecimal getPaid() { return paid; }
    public BigDecimal getContractualAdjustment() { return contractualAdjustment; }
    public BigDecimal getPatientResponsibility() { return patientResponsibility; }
    public String getCarcGroup() { return carcGroup; }
    public String getCarc() { return carc; }
    public String getRarc() { return rarc; }
    public Instant getPostedAt() { return postedAt; }
}
