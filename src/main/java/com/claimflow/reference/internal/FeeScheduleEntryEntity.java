package com.claimflow.reference.internal;

import com.claimflow.reference.FeeScheduleEntry;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A fee schedule entry's row; other modules see it as the {@link FeeScheduleEntry} record. */
@Entity(name = "FeeScheduleEntry")
@Table(name = "fee_schedule_entry")
public class FeeScheduleEntryEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "payer_id")
    private String payerId;
    private String code;
    private String modifier;
    @Column(name = "allowed_amount")
    private BigDecimal allowedAmount;
    @Column(name = "valid_from")
    private LocalDate validFrom;
    @Column(name = "valid_to")
    private LocalDate validTo;

    protected FeeScheduleEntryEntity() {
    }

    public FeeScheduleEntryEntity(FeeScheduleEntry e) {
        this.payerId = e.payerId();
        this.code = e.code();
        this.modifier = e.modifier();
        this.allowedAmount = e.allowedAmount();
        this.validFrom = e.validFrom();
        this.validTo = e.validTo();
    }

    public String getPayerId() { return payerId; }
    public String getCode() { return code; }
    public String getModifier() { return modifier; }
    public BigDecimal getAllowedAmount() { return allowedAmount; }
    public LocalDate getValidFrom() { return validFrom; }
    public LocalDate getValidTo() { return validTo; }
}
