package com.claimflow.eligibility;

import com.claimflow.intake.EncounterProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Intake's "Ask the payer" step: sends the 270 when inquiries are on, and says whether one went out. */
@Component("sendEligibilityInquiryDelegate")
public class SendEligibilityInquiryDelegate implements JavaDelegate {
    private final EligibilityInquiries inquiries;

    public SendEligibilityInquiryDelegate(EligibilityInquiries inquiries) {
        this.inquiries = inquiries;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean send = inquiries.enabled();
        if (send) inquiries.send((Long) execution.getVariable(EncounterProcess.ENCOUNTER_ID), execution.getProcessInstanceId());
        execution.setVariable(EncounterProcess.ELIGIBILITY_INQUIRY_SENT, send);
    }
}
