package com.claimflow.collections;

import com.claimflow.intake.EncounterProcess;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Posts the credit balance's refund the biller resolved (and a lead approved, when the table asked). */
@Component("postRefundDelegate")
public class PostRefundDelegate implements JavaDelegate {
    private final Refunds refunds;

    public PostRefundDelegate(Refunds refunds) {
        this.refunds = refunds;
    }

    @Override
    public void execute(DelegateExecution x) {
        Number target = (Number) x.getVariable(CollectionsProcess.TARGET_ENCOUNTER_ID);
        Refund refund = new Refund((Long) x.getVariable(EncounterProcess.ENCOUNTER_ID),
                RefundTo.valueOf((String) x.getVariable(CollectionsProcess.REFUND_TO)),
                BigDecimal.valueOf(((Number) x.getVariable(CollectionsProcess.REFUND_AMOUNT)).doubleValue()).setScale(2, RoundingMode.HALF_UP),
                target == null ? null : target.longValue());
        refunds.record(refund, (String) x.getVariable(CollectionsProcess.REFUND_RESOLVED_BY), (String) x.getVariable(CollectionsProcess.REFUND_APPROVED_BY));
        x.setVariable(CollectionsProcess.PATIENT_BALANCE, refunds.credit(refund.encounterId()).negate().doubleValue());
    }
}
