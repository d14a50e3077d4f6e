package com.claimflow.claim;

import com.claimflow.workqueue.TaskVariables;

/** Names of the {@code claim-creation} process ({@code processes/claim-creation.bpmn}) and of the claim it sets. */
public final class ClaimCreationProcess {
    /** Process id. */
    public static final String PROCESS = "claim-creation";
    /** The claim created (or its replacement) and its total charge. */
    public static final String CLAIM_ID = TaskVariables.CLAIM_ID;
    public static final String CLAIM_AMOUNT = TaskVariables.CLAIM_AMOUNT;

    private ClaimCreationProcess() {
    }
}
