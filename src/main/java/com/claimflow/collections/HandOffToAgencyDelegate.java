package com.claimflow.collections;

import com.claimflow.intake.EncounterProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("handOffToAgencyDelegate")
public class HandOffToAgencyDelegate implements JavaDelegate {
    private final CollectionsService collections;

    public HandOffToAgencyDelegate(CollectionsService collections) {
        this.collections = collections;
    }

    @Override
    public void execute(DelegateExecution x) {
        collections.handOffToAgency((Long) x.getVariable(EncounterProcess.ENCOUNTER_ID), "process");
        x.setVariable(CollectionsProcess.PATIENT_BALANCE, 0.0d);
    }
}
