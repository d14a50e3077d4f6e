package com.claimflow.intake;

import com.claimflow.workqueue.TaskVariables;

/**
 * Names of the {@code encounter} process (the whole revenue cycle, business key = encounter id) and of its
 * {@code intake} sub-process, as {@code processes/encounter.bpmn} and {@code intake.bpmn} use them.
 */
public final class EncounterProcess {
    /** Process ids: the main process and the intake stage it calls first. */
    public static final String PROCESS = "encounter";
    public static final String INTAKE_PROCESS = "intake";
    /** Variables set when the process starts, carried into every stage: ids and the payer's timely-filing deadline. */
    public static final String ENCOUNTER_ID = TaskVariables.ENCOUNTER_ID;
    public static final String PAYER_ID = TaskVariables.PAYER_ID;
    public static final String FILING_DEADLINE = TaskVariables.FILING_DEADLINE;
    /** The current claim, set by claim creation and replaced by a corrected claim. */
    public static final String CLAIM_ID = TaskVariables.CLAIM_ID;
    /** Intake: the eligibility check's answer and the biller's task when it fails. */
    public static final String ELIGIBLE = "eligible";
    /** Why the eligibility check failed, in words the biller's task shows; null when eligible. */
    public static final String ELIGIBILITY_PROBLEM = "eligibilityProblem";
    public static final String RESOLVE_ELIGIBILITY_TASK = "ResolveEligibility";
    /** Whether intake asked the payer (a 270 went out) after the checks known before sending passed. */
    public static final String ELIGIBILITY_INQUIRY_SENT = "eligibilityInquirySent";
    /** The payer's 271, correlated by the intake process instance the inquiry names; carries {@code eligible} and {@code eligibilityProblem}. */
    public static final String ELIGIBILITY_ANSWERED_MESSAGE = "EligibilityAnswered";
    /** Tasks of later stages where a biller may correct the coverage (intake stores it); their processes name them too. */
    public static final String FIX_CLAIM_EDIT_TASK = "FixClaimEdit";
    public static final String FIX_REJECTED_CLAIM_TASK = "FixRejectedClaim";
    public static final String CORRECT_BILLING_DENIAL_TASK = "CorrectBillingDenial";

    private EncounterProcess() {
    }
}
