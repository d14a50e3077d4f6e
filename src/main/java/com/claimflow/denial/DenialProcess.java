package com.claimflow.denial;

import com.claimflow.coding.CodingProcess;
import com.claimflow.intake.EncounterProcess;

/** Names of the {@code denial} process ({@code processes/denial.bpmn}). */
public final class DenialProcess {
    /** Process id. */
    public static final String PROCESS = "denial";
    /** Routing: the decision (input {@code denialCarc}) and the queue it answers. */
    public static final String ROUTING_DECISION_KEY = "denial-routing";
    public static final String DENIAL_QUEUE = "denialQueue";
    /** Its tasks: correct the coding or the billing, prepare an appeal, follow it up, approve a write-off. */
    public static final String CORRECT_CODING_DENIAL_TASK = CodingProcess.CORRECT_CODING_DENIAL_TASK;
    public static final String CORRECT_BILLING_DENIAL_TASK = EncounterProcess.CORRECT_BILLING_DENIAL_TASK;
    public static final String PREPARE_APPEAL_TASK = "PrepareAppeal";
    public static final String FOLLOW_UP_APPEAL_TASK = "FollowUpAppeal";
    public static final String APPROVE_WRITE_OFF_TASK = "ApproveWriteOff";
    /** Set on completing the tasks. */
    public static final String APPEAL_DECISION = "appealDecision";
    public static final String WRITE_OFF_APPROVED = "writeOffApproved";
    /** The payer's appeal decision, correlated by {@code claimId}, and what it carries. */
    public static final String APPEAL_DECISION_MESSAGE = "AppealDecision";
    public static final String APPEAL_OVERTURNED = "appealOverturned";
    /** Set on completing {@code FollowUpAppeal}: {@code OVERTURNED} / {@code UPHELD} from the payer's letter, or {@code STILL_WAITING}. */
    public static final String APPEAL_RESULT = "appealResult";
    /** How the denial ended: {@code RESUBMIT}, {@code OVERTURNED} or {@code WRITTEN_OFF}. */
    public static final String DENIAL_OUTCOME = "denialOutcome";

    private DenialProcess() {
    }
}
