package com.claimflow.collections;

/**
 * The fixed list of reasons a lead closes an encounter's claim for; the code goes on the ledger's write-off and into
 * the reports, so it is one of these and never free text (the note says the rest).
 */
public enum CloseReason {
    TIMELY_FILING("Past the payer's timely filing limit, no proof of timely filing"),
    NO_AUTHORIZATION("No prior authorization and none can be obtained"),
    NOT_COVERED("Service not covered by the patient's plan"),
    NO_DOCUMENTATION("Documentation does not support the service"),
    DUPLICATE("Duplicate of another encounter"),
    BILLED_IN_ERROR("Encounter opened or billed in error"),
    SMALL_BALANCE("Balance too small to pursue"),
    UNCOLLECTABLE("Uncollectable after collection efforts"),
    CHARITY("Charity care or hardship approved"),
    RESEARCH("Covered by a research study, not billable to the payer");

    private final String description;

    CloseReason(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
