package com.claimflow.collections;

import com.claimflow.intake.EncounterProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Writes off what is left on the account: a denial the lead approved to write off, or a small or uncollectable patient balance. */
@Component("writeOffDelegate")
public class WriteOffDelegate implements JavaDelegate {
    private final CollectionsService collections;

    public WriteOffDelegate(CollectionsService collections) {
        this.collections = collections;
    }

    @Override
    public void execute(DelegateExecution x) {
        String reason = "write-off at " + x.getCurrentActivityName();
        collections.writeOff((Long) x.getVariable(EncounterProcess.ENCOUNTER_ID), reason, "process");
        x.setVariable(CollectionsProcess.PATIENT_BALANCE, 0.0d);
    }
}
