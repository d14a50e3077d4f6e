package com.claimflow.reference;

/**
 * A payer from the payer file: its id (as claims and remittances name it), name, the claim type it takes by default,
 * its timely-filing limit in days, the format its member ids follow (a regular expression, null when unchecked) and
 * whether it is active.
 */
public record Payer(String id, String name, String claimType, int timelyFilingDays, String subscriberIdPattern, boolean active) {

    /** An active payer. */
    public Payer(String id, String name, String claimType, int timelyFilingDays, String subscriberIdPattern) {
        this(id, name, claimType, timelyFilingDays, subscriberIdPattern, true);
    }

    public boolean isActive() {
        return active;
    }
}
