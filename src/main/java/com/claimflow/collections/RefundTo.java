package com.claimflow.collections;

/** Where a credit balance goes: back to the payer, back to the patient, or onto another open balance of the same patient. */
public enum RefundTo {
    REFUND_PAYER, REFUND_PATIENT, APPLY_TO_OTHER
}
