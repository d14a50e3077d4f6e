package com.claimflow.submission;

import com.claimflow.intake.EncounterProcess;

/** Names of the {@code submission} process ({@code processes/submission.bpmn}). */
public final class SubmissionProcess {
    /** Process id. */
    public static final String PROCESS = "submission";
    /** The payer's or clearinghouse's acknowledgement, correlated by {@code claimId}, and what it carries. */
    public static final String CLAIM_ACKNOWLEDGEMENT_MESSAGE = "ClaimAcknowledgement";
    public static final String ACK_ACCEPTED = "ackAccepted";
    public static final String ACK_REASON = "ackReason";
    /** Its tasks: fix a rejected claim, follow up a missing acknowledgement (whose answer may be to send again). */
    public static final String FIX_REJECTED_CLAIM_TASK = EncounterProcess.FIX_REJECTED_CLAIM_TASK;
    public static final String FOLLOW_UP_ACKNOWLEDGEMENT_TASK = "FollowUpAcknowledgement";
    public static final String RESUBMIT = "resubmit";

    private SubmissionProcess() {
    }
}
