package com.claimflow.collections;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** A payment plan's due date has passed: were the installments paid, and when is the next one checked. */
@Component("checkInstallmentDelegate")
public class CheckInstallmentDelegate implements JavaDelegate {
    private final PaymentPlans plans;

    public CheckInstallmentDelegate(PaymentPlans plans) {
        this.plans = plans;
    }

    @Override
    public void execute(DelegateExecution x) {
        PaymentPlan.Check check = plans.checkInstallment((Long) x.getVariable(PaymentPlanProcess.PLAN_ID));
        x.setVariable(PaymentPlanProcess.PLAN_SETTLED, check.settled());
        x.setVariable(PaymentPlanProcess.INSTALLMENT_PAID, check.paid());
        x.setVariable(PaymentPlanProcess.INSTALLMENT_CHECK_AT, check.nextCheckAt());
    }
}
