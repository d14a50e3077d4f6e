package com.claimflow.collections;

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
        collections.handOffToAgency((Long) x.getVariable("encounterId"), "process");
        x.setVariable("patientBalance", 0.0d);
    }
}
