package com.claimflow.collections;

/** How a lead closes an encounter's claim: the balance is written off, or the encounter was never billable. */
public enum CloseKind {
    WRITE_OFF("Write off the balance"),
    NOT_BILLABLE("Not billable");

    private final String label;

    CloseKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
