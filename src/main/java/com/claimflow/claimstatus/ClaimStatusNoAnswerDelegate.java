package com.claimflow.claimstatus;

import com.claimflow.remittance.AdjudicationProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** After adjudication's wait for the 277 ended: the inquiry is marked unanswered and the follow-up task says so. */
@Component("claimStatusNoAnswerDelegate")
public class ClaimStatusNoAnswerDelegate implements JavaDelegate {
    private final ClaimStatusInquiries inquiries;

    public ClaimStatusNoAnswerDelegate(ClaimStatusInquiries inquiries) {
        this.inquiries = inquiries;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(AdjudicationProcess.CLAIM_STATUS_ACTION, ClaimStatusDecision.FOLLOW_UP);
        execution.setVariable(AdjudicationProcess.CLAIM_STATUS_ANSWER, inquiries.noAnswer(execution.getProcessInstanceId()));
    }
}
