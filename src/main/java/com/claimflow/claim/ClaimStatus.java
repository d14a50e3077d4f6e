package com.claimflow.claim;

public enum ClaimStatus {
    DRAFT, SCRUB_FAILED, READY, SUBMITTED, ACCEPTED, REJECTED, PAID, PARTIALLY_PAID, DENIED, REPLACED, WRITTEN_OFF,
    /** A claim the payer is asked to cancel: a void (frequency 8) of it was sent. */
    VOIDED,
    /**
     * A later payer's claim (secondary, tertiary) that the earlier payer sent on itself (a crossover: its 835 said so,
     * CLP02 19/20 or remark MA18): we send nothing and wait for this payer's remittance.
     */
    FORWARDED;

    /** Not yet with the payer, or back from it without an adjudication: the claim may still be rebuilt and scrubbed. */
    public boolean isDraft() {
        return this == DRAFT || this == SCRUB_FAILED || this == READY || this == REJECTED;
    }
}
