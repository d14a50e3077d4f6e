package com.claimflow.claimstatus;

import com.claimflow.remittance.AdjudicationProcess;
import com.claimflow.workqueue.TaskVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Adjudication's "Ask the payer" step on an overdue remittance: sends the 276 when inquiries are on, and says whether one went out. */
@Component("sendClaimStatusInquiryDelegate")
public class SendClaimStatusInquiryDelegate implements JavaDelegate {
    private final ClaimStatusInquiries inquiries;

    public SendClaimStatusInquiryDelegate(ClaimStatusInquiries inquiries) {
        this.inquiries = inquiries;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean send = inquiries.enabled();
        if (send) inquiries.send((Long) execution.getVariable(TaskVariables.CLAIM_ID), execution.getProcessInstanceId());
        execution.setVariable(AdjudicationProcess.CLAIM_STATUS_INQUIRY_SENT, send);
        // the answer of an earlier round is not this round's
        execution.setVariable(AdjudicationProcess.CLAIM_STATUS_ACTION, null);
        execution.setVariable(AdjudicationProcess.CLAIM_STATUS_ANSWER, null);
    }
}
