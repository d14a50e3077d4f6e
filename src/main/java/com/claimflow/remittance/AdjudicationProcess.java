package com.claimflow.remittance;

/** Names of the {@code adjudication} process ({@code processes/adjudication.bpmn}). */
public final class AdjudicationProcess {
    /** Process id. */
    public static final String PROCESS = "adjudication";
    /** The posted remittance, correlated by {@code claimId}, and what it carries. */
    public static final String REMITTANCE_POSTED_MESSAGE = "RemittancePosted";
    public static final String CLAIM_OUTCOME = "claimOutcome";
    public static final String PATIENT_BALANCE = "patientBalance";
    public static final String DENIAL_CARC = "denialCarc";
    public static final String DENIAL_RARC = "denialRarc";
    /** Whether a 276 went out when the remittance was overdue (claim status inquiries on). */
    public static final String CLAIM_STATUS_INQUIRY_SENT = "claimStatusInquirySent";
    /** The payer's 277, correlated by the adjudication process instance the inquiry names; carries the two below. */
    public static final String CLAIM_STATUS_ANSWERED_MESSAGE = "ClaimStatusAnswered";
    /** What the 277 (or its absence) decided: WAIT (for the 835 again), FOLLOW_UP or RESUBMIT (both the follow-up task). */
    public static final String CLAIM_STATUS_ACTION = "claimStatusAction";
    /** What the payer said, in the biller's words, shown on the follow-up task; null when no 276 went out. */
    public static final String CLAIM_STATUS_ANSWER = "claimStatusAnswer";
    /** Its task: follow up a remittance that is late. */
    public static final String FOLLOW_UP_CLAIM_STATUS_TASK = "FollowUpClaimStatus";

    /**
     * encounter.bpmn's {@code BillNextPayer} (coordination of benefits): true when the earlier payer forwarded the next
     * payer's claim itself (crossover), so nothing is sent and that payer's 835 is awaited.
     */
    public static final String CLAIM_FORWARDED = "claimForwarded";
    /**
     * encounter.bpmn's {@code ClaimOutcomeGateway}: the paid claim leaves a share for another coverage (coordination of
     * benefits); transient, set once at the gateway's start by {@code coordinationOfBenefits.decideNextPayer}.
     */
    public static final String NEXT_PAYER = "nextPayer";

    private AdjudicationProcess() {
    }
}
