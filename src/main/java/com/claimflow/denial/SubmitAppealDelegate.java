package com.claimflow.denial;

import com.claimflow.intake.EncounterProcess;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

@Component("submitAppealDelegate")
public class SubmitAppealDelegate implements JavaDelegate {
    private final DenialService denials;
    private final ApplicationEventPublisher events;
    private final AppealLetter letters;

    public SubmitAppealDelegate(DenialService denials, ApplicationEventPublisher events, AppealLetter letters) {
        this.denials = denials;
        this.events = events;
        this.letters = letters;
    }

    @Override
    public void execute(DelegateExecution x) {
        Denial denial = denials.appeal((Long) x.getVariable(EncounterProcess.CLAIM_ID));
        x.setVariable("appealLevel", denial.getAppealLevel());
        letters.write(denial, LocalDate.now());
        events.publishEvent(new AppealSubmitted(denial.getClaimId(), denial.getAppealLevel()));
    }
}
