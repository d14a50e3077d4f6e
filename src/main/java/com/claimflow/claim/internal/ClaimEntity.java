package com.claimflow.claim.internal;

import com.claimflow.claim.Claim;
import com.claimflow.claim.ClaimStatus;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The claim's row; other modules see it as the {@link Claim} record. */
@Entity(name = "Claim")
@Table(name = "claim")
public class ClaimEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "encounter_id")
    private Long encounterId;
    private int version;
    @Column(name = "frequency_code")
    private String frequencyCode;
    @Column(name = "claim_type")
    private String claimType;
    @Enumerated(EnumType.STRING)
    private ClaimStatus status;
    @Column(name = "payer_id")
    private String payerId;
    @Column(name = "member_id")
    private String memberId;
    @Column(name = "billing_npi")
    private String billingNpi;
    @Column(name = "rendering_npi")
    private String renderingNpi;
    @Column(name = "referring_npi")
    private String referringNpi;
    @Column(name = "prior_authorization")
    private String priorAuthorization;
    @Column(name = "place_of_service")
    private String placeOfService;
    @Column(name = "date_of_service")
    private LocalDate dateOfService;
    @Column(name = "diagnosis_codes")
    private String diagnosisCodes;
    @Column(name = "total_charge")
    private BigDecimal totalCharge;
    @Column(name = "payer_claim_number")
    private String payerClaimNumber;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Column(name = "lines_edited_by")
    private String linesEditedBy;
    @Column(name = "original_submission_date")
    private LocalDate originalSubmissionDate;
    @Column(name = "original_submission_ref")
    private String originalSubmissionRef;
    @Column(name = "delay_reason_code")
    private String delayReasonCode;
    @Column(name = "void_reason")
    private String voidReason;
    @Column(name = "coverage_order")
    private int coverageOrder = 1;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "claim_line", joinColumns = @JoinColumn(name = "claim_id"))
    @OrderColumn(name = "line_no")
    private List<ClaimLineEntity> lines = new ArrayList<>();

    protected ClaimEntity() {
    }

    public ClaimEntity(Long encounterId, int version, String frequencyCode) {
        this.encounterId = encounterId;
        this.version = version;
        this.frequencyCode = frequencyCode;
        this.status = ClaimStatus.DRAFT;
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    public void fill(String claimType, String payerId, String memberId, String billingNpi, String renderingNpi, String referringNpi,
              String priorAuthorization, String placeOfService, LocalDate dateOfService, List<String> diagnoses, List<ClaimLineEntity> newLines) {
        this.referringNpi = referringNpi;
        this.priorAuthorization = priorAuthorization;
        this.claimType = claimType;
        this.payerId = payerId;
        this.memberId = memberId;
        this.billingNpi = billingNpi;
        this.renderingNpi = renderingNpi;
        this.placeOfService = placeOfService;
        this.dateOfService = dateOfService;
        this.diagnosisCodes = String.join(",", diagnoses);
        this.lines.clear();
        this.lines.addAll(newLines);
        this.totalCharge = newLines.stream().map(ClaimLineEntity::getCharge).reduce(BigDecimal.ZERO, BigDecimal::add);
        touch();
    }

    public void moveTo(ClaimStatus status) {
        this.status = status;
        touch();
    }

    public void acceptedAs(String payerClaimNumber) {
        if (payerClaimNumber != null) this.payerClaimNumber = payerClaimNumber;
        moveTo(ClaimStatus.ACCEPTED);
    }

    public void carryPayerClaimNumber(String number) {
        this.payerClaimNumber = number;
    }

    /** A person's corrected lines and diagnoses: kept from now on when the draft is rebuilt from the encounter. */
    public void linesCorrected(String userId, List<String> diagnoses, List<ClaimLineEntity> newLines) {
        this.linesEditedBy = userId;
        this.diagnosisCodes = String.join(",", diagnoses);
        this.lines.clear();
        this.lines.addAll(newLines);
        this.totalCharge = newLines.stream().map(ClaimLineEntity::getCharge).reduce(BigDecimal.ZERO, BigDecimal::add);
        touch();
    }

    public boolean linesEditedByHand() {
        return linesEditedBy != null;
    }

    /** The lines as they stand, as new rows (to rebuild the claim around them). */
    public List<ClaimLineEntity> copyOfLines() {
        return lines.stream().map(l -> new ClaimLineEntity(l.toRecord())).toList();
    }

    public void memberAndAuthorization(String memberId, String priorAuthorization) {
        this.memberId = memberId;
        this.priorAuthorization = priorAuthorization;
        touch();
    }

    public void timelyFilingProof(LocalDate originalSubmission, String reference, String delayReasonCode) {
        this.originalSubmissionDate = originalSubmission;
        this.originalSubmissionRef = reference;
        this.delayReasonCode = delayReasonCode;
        touch();
    }

    public void carryTimelyFilingProof(ClaimEntity from) {
        timelyFilingProof(from.originalSubmissionDate, from.originalSubmissionRef, from.delayReasonCode);
    }

    /** Bills the claim to the encounter's coverage of this order (2 secondary, 3 tertiary) and that payer's member. */
    public void billTo(int coverageOrder, String payerId, String memberId) {
        this.coverageOrder = coverageOrder;
        this.payerId = payerId;
        this.memberId = memberId;
        touch();
    }

    public int coverageOrder() {
        return coverageOrder;
    }

    public void voided(String reason) {
        this.voidReason = reason;
        touch();
    }

    private void touch() {
        this.updatedAt = Instant.now();
    }

    public boolean isDraft() {
        return status.isDraft();
    }

    public List<String> diagnoses() {
        return diagnosisCodes == null || diagnosisCodes.isBlank() ? List.of() : Arrays.asList(diagnosisCodes.split(","));
    }

    public Long getId() { return id; }
    public Long getEncounterId() { return encounterId; }
    public int getVersion() { return version; }
    public ClaimStatus getStatus() { return status; }
    public String getPayerId() { return payerId; }
    public String getMemberId() { return memberId; }
    public LocalDate getDateOfService() { return dateOfService; }
    public String getPayerClaimNumber() { return payerClaimNumber; }
    public String frequencyCode() { return frequencyCode; }

    /** What other modules see of the claim. */
    public Claim toRecord() {
        return new Claim(id, encounterId, version, frequencyCode, claimType, status, payerId, memberId, billingNpi, renderingNpi, referringNpi,
                priorAuthorization, placeOfService, dateOfService, diagnoses(), lines.stream().map(ClaimLineEntity::toRecord).toList(), totalCharge,
                payerClaimNumber, createdAt, updatedAt, linesEditedBy,
                originalSubmissionDate == null ? null : new Claim.TimelyFilingProof(originalSubmissionDate, originalSubmissionRef, delayReasonCode),
                voidReason, coverageOrder);
    }
}
