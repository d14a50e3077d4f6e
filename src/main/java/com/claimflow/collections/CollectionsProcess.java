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

    /**
     * A credit balance ({@code patientBalance} below zero after a posting): the {@code credit-balance} process, the
     * biller's resolution ({@link RefundTo}, amount, other encounter), the approval table and the lead's answer.
     */
    public static final String CREDIT_BALANCE_PROCESS = "credit-balance";
    public static final String RESOLVE_CREDIT_BALANCE_TASK = "ResolveCreditBalance";
    public static final String REFUND_TO = "refundTo";
    public static final String REFUND_AMOUNT = "refundAmount";
    public static final String TARGET_ENCOUNTER_ID = "targetEncounterId";
    public static final String REFUND_APPROVAL_DECISION_KEY = "refund-approval";
    public static final String APPROVAL_REQUIRED = "approvalRequired";
    public static final String APPROVE_REFUND_TASK = "ApproveRefund";
    public static final String REFUND_APPROVED = "refundApproved";
    public static final String REFUND_RESOLVED_BY = "refundResolvedBy";
    public static final String REFUND_APPROVED_BY = "refundApprovedBy";

    private CollectionsProcess() {
    }
}
