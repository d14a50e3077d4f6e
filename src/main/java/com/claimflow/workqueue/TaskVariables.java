package com.claimflow.workqueue;

/**
 * Names of the process variables the work queue reads off a task to build its work item. Processes set them
 * ({@code docs/process-model.md}); each process's class repeats the ones it uses, e.g. {@code EncounterProcess.ENCOUNTER_ID}.
 */
public final class TaskVariables {
    /** Ids a work item links to: the encounter (none on a payer-file exception), its current claim and its payer. */
    public static final String ENCOUNTER_ID = "encounterId";
    public static final String CLAIM_ID = "claimId";
    public static final String PAYER_ID = "payerId";
    /** What a task is worth, the first present wins: the claim's charge, the coder's estimate, a payment no claim matches. */
    public static final String CLAIM_AMOUNT = "claimAmount";
    public static final String ESTIMATED_CHARGE = "estimatedCharge";
    public static final String PAYMENT_AMOUNT = "paymentAmount";
    /** The payer's timely-filing deadline as an ISO date (date of service + the payer's timely filing days), for priority. */
    public static final String FILING_DEADLINE = "filingDeadline";
    /** Four eyes: whoever coded the encounter ({@code codedBy}) may not take its {@code AuditCoding} task. */
    public static final String CODED_BY = "codedBy";
    public static final String AUDIT_CODING_TASK = "AuditCoding";

    private TaskVariables() {
    }
}
