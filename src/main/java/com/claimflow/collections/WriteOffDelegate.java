package com.claimflow.collections;

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
        collections.writeOff((Long) x.getVariable("encounterId"), reason, "process");
        x.setVariable("patientBalance", 0.0d);
    }
}
