package com.claimflow.reference.internal;

import com.claimflow.reference.Payer;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The payer's row; other modules see it as the {@link Payer} record. */
@Entity(name = "Payer")
@Table(name = "payer")
public class PayerEntity {
    @Id
    private String id;
    private String name;
    @Column(name = "claim_type")
    private String claimType;
    @Column(name = "timely_filing_days")
    private int timelyFilingDays;
    @Column(name = "subscriber_id_pattern")
    private String subscriberIdPattern;
    private boolean active;

    protected PayerEntity() {
    }

    public PayerEntity(Payer payer) {
        this.id = payer.id();
        this.name = payer.name();
        this.claimType = payer.claimType();
        this.timelyFilingDays = payer.timelyFilingDays();
        this.subscriberIdPattern = payer.subscriberIdPattern();
        this.active = payer.active();
    }

    public Payer toRecord() {
        return new Payer(id, name, claimType, timelyFilingDays, subscriberIdPattern, active);
    }
}
