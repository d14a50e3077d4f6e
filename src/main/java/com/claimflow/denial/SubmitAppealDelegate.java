package com.claimflow.denial;

import com.claimflow.intake.EncounterProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

@Component("submitAppealDelegate")
public class SubmitAppealDelegate implements JavaDelegate {
    private final DenialService denials;
    private final ApplicationEventPublisher events;

    public SubmitAppealDelegate(DenialService denials, ApplicationEventPublisher events) {
        this.denials = denials;
        this.events = events;
    }

    @Override
    public void execute(DelegateExecution x) {
        Denial denial = denials.appeal((Long) x.getVariable(EncounterProcess.CLAIM_ID));
        x.setVariable("appealLevel", denial.getAppealLevel());
        events.publishEvent(new AppealSubmitted(denial.getClaimId(), denial.getAppealLevel()));
    }
}
