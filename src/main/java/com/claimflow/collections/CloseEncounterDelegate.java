package com.claimflow.collections;

import com.claimflow.intake.EncounterProcess;
import com.claimflow.workqueue.TaskVariables;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Closes the encounter's account: charges a claim not charged yet and writes off what insurance and the patient still owe, with the kind and reason code
 * on the ledger line; by the lead who closed it, or by the process (a timely-filing write-off a lead approved).
 */
@Component("closeEncounterDelegate")
public class CloseEncounterDelegate implements JavaDelegate {
    private final CollectionsService collections;

    public CloseEncounterDelegate(CollectionsService collections) {
        this.collections = collections;
    }

    @Override
    public void execute(DelegateExecution x) {
        CloseKind kind = CloseKind.valueOf((String) x.getVariable(CollectionsProcess.CLOSE_KIND));
        CloseReason reason = CloseReason.valueOf((String) x.getVariable(CollectionsProcess.CLOSE_REASON_CODE));
        Object by = x.getVariable(CollectionsProcess.CLOSED_BY);
        Number claimAmount = (Number) x.getVariable(TaskVariables.CLAIM_AMOUNT);
        collections.closeAccount((Long) x.getVariable(EncounterProcess.ENCOUNTER_ID), (Long) x.getVariable(EncounterProcess.CLAIM_ID),
                claimAmount == null ? null : BigDecimal.valueOf(claimAmount.doubleValue()).setScale(2, RoundingMode.HALF_UP),
                kind.name() + " " + reason.name() + ": " + reason.description(), by == null ? "process" : (String) by);
        x.setVariable(CollectionsProcess.PATIENT_BALANCE, 0.0d);
    }
}
