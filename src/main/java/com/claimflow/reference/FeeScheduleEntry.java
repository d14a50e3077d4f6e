package com.claimflow.reference;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;

@Entity
@Table(name = "fee_schedule_entry")
public class FeeScheduleEntry {
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

    protected FeeScheduleEntry() {
    }

    public FeeScheduleEntry(String payerId, String code, String modifier, BigDecimal allowedAmount, LocalDate validFrom, LocalDate validTo) {
        this.payerId = payerId;
        this.code = code;
        this.modifier = modifier;
        this.allowedAmount = allowedAmount;
        this.validFrom = validFrom;
        this.validTo = validTo;
    }

    public String getPayerId() { return payerId; }
    public String getCode() { return code; }
    public String getModifier() { return modifier; }
    public BigDecimal getAllowedAmount() { return allowedAmount; }
    public LocalDate getValidFrom() { return validFrom; }
    public LocalDate getValidTo() { return validTo; }
}
