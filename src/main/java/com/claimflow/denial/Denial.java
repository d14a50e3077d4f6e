package com.claimflow.denial;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A payer's denial of a claim and how far it has been appealed. */
@Entity
@Table(name = "denial")
public class Denial {
    public enum Status { OPEN, APPEALED, OVERTURNED, UPHELD, WRITTEN_OFF, CORRECTED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "claim_id")
    private Long claimId;
    @Column(name = "encounter_id")
    private Long encounterId;
    @Column(name = "carc_group")
    private String carcGroup;
    private String carc;
    private String rarc;
    @Column(name = "appeal_level")
    private int appealLevel;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Status status;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected Denial() {
    }

    Denial(long claimId, long encounterId, String carcGroup, String carc, String rarc) {
        this.claimId = claimId;
        this.encounterId = encounterId;
        this.carcGroup = carcGroup == null ? "CO" : carcGroup;
        this.carc = carc;
        this.rarc = rarc;
        this.status = Status.OPEN;
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    void appealed() {
        appealLevel++;
        moveTo(Status.APPEALED);
    }

    void moveTo(Status status) {
        this.status = status;
        this.updatedAt = Instant.now();
    }

    public Long getId() { return id; }
    public Long getClaimId() { return claimId; }
    public Long getEncounterId() { return encounterId; }
    public String getCarcGroup() { return carcGroup; }
    public String getCarc() { return carc; }
    public String getRarc() { return rarc; }
    public int getAppealLevel() { return appealLevel; }
    public Status getStatus() { return status; }
}
