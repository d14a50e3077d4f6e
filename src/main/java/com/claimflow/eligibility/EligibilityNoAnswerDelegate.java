package com.claimflow.eligibility;

import com.claimflow.intake.EncounterProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** After intake's wait for the 271 ended: the inquiry is marked unanswered and the biller's task says so. */
@Component("eligibilityNoAnswerDelegate")
public class EligibilityNoAnswerDelegate implements JavaDelegate {
    private final EligibilityInquiries inquiries;

    public EligibilityNoAnswerDelegate(EligibilityInquiries inquiries) {
        this.inquiries = inquiries;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(EncounterProcess.ELIGIBLE, false);
        execution.setVariable(EncounterProcess.ELIGIBILITY_PROBLEM, inquiries.noAnswer(execution.getProcessInstanceId()));
    }
}
