package com.claimflow.collections;

import com.claimflow.remittance.AdjudicationProcess;

/** Names of the {@code collections} process ({@code processes/collections.bpmn}). */
public final class CollectionsProcess {
    /** Process id. */
    public static final String PROCESS = "collections";
    /** A patient's payment, correlated by {@code encounterId}, and the balance it and the statements carry. */
    public static final String PATIENT_PAYMENT_POSTED_MESSAGE = "PatientPaymentPosted";
    public static final String PATIENT_BALANCE = AdjudicationProcess.PATIENT_BALANCE;
    public static final String STATEMENTS_SENT = "statementsSent";
    /** After the statements: the decision and its answer, then the biller's review task and its answer. */
    public static final String ACTION_DECISION_KEY = "collections-action";
    public static final String COLLECTIONS_ACTION = "collectionsAction";
    public static final String REVIEW_COLLECTIONS_TASK = "ReviewCollections";
    public static final String COLLECTIONS_DECISION = "collectionsDecision";
    /**
     * A lead closes the encounter from any stage ({@code encounter}'s event sub-process, correlated by business key):
     * the message, what it carries ({@link CloseKind}, {@link CloseReason}, the lead's note and user id).
     */
    public static final String CLOSE_ENCOUNTER_MESSAGE = "CloseEncounter";
    public static final String CLOSE_KIND = "closeKind";
    public static final String CLOSE_REASON_CODE = "closeReasonCode";
    public static final String CLOSE_NOTE = "closeNote";
    public static final String CLOSED_BY = "closedBy";

    private CollectionsProcess() {
    }
}
