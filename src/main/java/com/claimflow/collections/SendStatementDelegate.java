package com.claimflow.collections;

import com.claimflow.intake.EncounterProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("sendStatementDelegate")
public class SendStatementDelegate implements JavaDelegate {
    private final CollectionsService collections;
    private final StatementLetter letters;

    public SendStatementDelegate(CollectionsService collections, StatementLetter letters) {
        this.collections = collections;
        this.letters = letters;
    }

    @Override
    public void execute(DelegateExecution x) {
        Statement s = collections.sendStatement((Long) x.getVariable(EncounterProcess.ENCOUNTER_ID));
        letters.write(s);
        x.setVariable(CollectionsProcess.STATEMENTS_SENT, s.getSeq());
        x.setVariable(CollectionsProcess.PATIENT_BALANCE, s.getBalance().doubleValue());
    }
}
