package com.claimflow.claim;

import com.claimflow.workqueue.TaskVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** After a corrected denial: a frequency-7 replacement of the adjudicated claim, built from the corrected coding. */
@Component("createReplacementClaimDelegate")
public class CreateReplacementClaimDelegate implements JavaDelegate {
    private final ClaimService claims;

    public CreateReplacementClaimDelegate(ClaimService claims) {
        this.claims = claims;
    }

    @Override
    public void execute(DelegateExecution x) {
        Claim replacement = claims.replace((Long) x.getVariable(TaskVariables.CLAIM_ID));
        x.setVariable(TaskVariables.CLAIM_ID, replacement.id());
        x.setVariable(TaskVariables.CLAIM_AMOUNT, replacement.totalCharge().doubleValue());
    }
}
