package com.claimflow.submission;

import com.claimflow.intake.EncounterProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("submitClaimDelegate")
public class SubmitClaimDelegate implements JavaDelegate {
    private final SubmissionService submissions;

    public SubmitClaimDelegate(SubmissionService submissions) {
        this.submissions = submissions;
    }

    @Override
    public void execute(DelegateExecution x) {
        boolean resend = Boolean.TRUE.equals(x.getVariable(SubmissionProcess.RESUBMIT));
        submissions.submit((Long) x.getVariable(EncounterProcess.CLAIM_ID), resend);
        x.setVariable(SubmissionProcess.RESUBMIT, false);
    }
}
