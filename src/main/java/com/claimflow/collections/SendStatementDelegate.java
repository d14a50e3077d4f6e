package com.claimflow.collections;

import com.claimflow.intake.EncounterProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("sendStatementDelegate")
public class SendStatementDelegate implements JavaDelegate {
    private final CollectionsService collections;

    public SendStatementDelegate(CollectionsService collections) {
        this.collections = collections;
    }

    @Override
    public void execute(DelegateExecution x) {
        Statement s = collections.sendStatement((Long) x.getVariable(EncounterProcess.ENCOUNTER_ID));
        x.setVariable(CollectionsProcess.STATEMENTS_SENT, s.getSeq());
        x.setVariable(CollectionsProcess.PATIENT_BALANCE, s.getBalance().doubleValue());
    }
}
