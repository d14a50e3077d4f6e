package com.claimflow.collections;

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
        Statement s = collections.sendStatement((Long) x.getVariable("encounterId"));
        x.setVariable("statementsSent", s.getSeq());
        x.setVariable("patientBalance", s.getBalance().doubleValue());
    }
}
