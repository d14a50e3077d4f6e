package com.claimflow.remittance;

import com.claimflow.claim.Claim;
import com.claimflow.workqueue.TaskVariables;
import com.claimflow.claim.ClaimStatus;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** encounter.bpmn BillNextPayer: the claim to the next coverage; the process then sends it, or waits when it was forwarded. */
@Component("billNextPayerDelegate")
public class BillNextPayerDelegate implements JavaDelegate {
    private final CoordinationOfBenefits cob;

    public BillNextPayerDelegate(CoordinationOfBenefits cob) {
        this.cob = cob;
    }

    @Override
    public void execute(DelegateExecution x) {
        Claim next = cob.billNextPayer(((Number) x.getVariable(TaskVariables.CLAIM_ID)).longValue());
        x.setVariable(TaskVariables.CLAIM_ID, next.id());
        x.setVariable(TaskVariables.CLAIM_AMOUNT, next.totalCharge().doubleValue());
        x.setVariable(AdjudicationProcess.CLAIM_FORWARDED, next.status() == ClaimStatus.FORWARDED);
    }
}
