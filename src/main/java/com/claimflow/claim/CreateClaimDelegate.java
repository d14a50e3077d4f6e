package com.claimflow.claim;

import com.claimflow.intake.EncounterProcess;
import com.claimflow.workqueue.TaskVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("createClaimDelegate")
public class CreateClaimDelegate implements JavaDelegate {
    private final ClaimService claims;

    public CreateClaimDelegate(ClaimService claims) {
        this.claims = claims;
    }

    @Override
    public void execute(DelegateExecution x) {
        Claim claim = claims.create((Long) x.getVariable(EncounterProcess.ENCOUNTER_ID));
        x.setVariable(TaskVariables.CLAIM_ID, claim.id());
        x.setVariable(TaskVariables.CLAIM_AMOUNT, claim.totalCharge().doubleValue());
    }
}
