package com.claimflow.scrub;

import com.claimflow.coding.CodingProcess;
import com.claimflow.intake.EncounterProcess;

/** Names of the {@code scrubbing} process ({@code processes/scrubbing.bpmn}) and of the scrubber's payer rules. */
public final class ScrubbingProcess {
    /** Process id. */
    public static final String PROCESS = "scrubbing";
    /** The scrub's answer: clean, else whose queue fixes it ({@code coders} / {@code billers}). */
    public static final String SCRUB_CLEAN = "scrubClean";
    public static final String SCRUB_OWNER = "scrubOwner";
    /** Its tasks: a coder re-codes, a biller fixes the claim. */
    public static final String FIX_CODING_EDIT_TASK = CodingProcess.FIX_CODING_EDIT_TASK;
    public static final String FIX_CLAIM_EDIT_TASK = EncounterProcess.FIX_CLAIM_EDIT_TASK;
    /**
     * How the biller resolved a claim edit (set on completing {@code FixClaimEdit}): {@code CORRECTED} or
     * {@code PROOF_RECORDED} scrub again (also when missing), {@code WRITE_OFF} asks a lead to approve writing the claim off.
     */
    public static final String CLAIM_EDIT_RESOLUTION = "claimEditResolution";
    public static final String APPROVE_CLAIM_WRITE_OFF_TASK = "ApproveClaimWriteOff";
    public static final String WRITE_OFF_APPROVED = "writeOffApproved";
    /** {@code WRITTEN_OFF} when the lead approved: the encounter then writes off the balance instead of submitting. */
    public static final String SCRUB_OUTCOME = "scrubOutcome";
    /** The payers' own edits, a DMN table the scrubber evaluates. */
    public static final String PAYER_RULES_DECISION_KEY = "payer-rules";

    private ScrubbingProcess() {
    }
}
