package com.claimflow.reference;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "payer")
public class Payer {
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

    protected Payer() {
    }

    public Payer(String id, String name, String claimType, int timelyFilingDays, String subscriberIdPattern) {
        this.id = id;
        this.name = name;
        this.claimType = claimType;
        this.timelyFilingDays = timelyFilingDays;
        this.subscriberIdPattern = subscriberIdPattern;
        this.active = true;
    }

    public String getId() { return id; }
    public String getName() { return name; }
    public String getClaimType() { return claimType; }
    public int getTimelyFilingDays() { return timelyFilingDays; }
    public String getSubscriberIdPattern() { return subscriberIdPattern; }
    public boolean isActive() { return active; }
}
