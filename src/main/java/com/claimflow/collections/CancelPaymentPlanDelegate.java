package com.claimflow.collections;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** A biller cancelled the plan after a missed installment. */
@Component("cancelPaymentPlanDelegate")
public class CancelPaymentPlanDelegate implements JavaDelegate {
    private final PaymentPlans plans;

    public CancelPaymentPlanDelegate(PaymentPlans plans) {
        this.plans = plans;
    }

    @Override
    public void execute(DelegateExecution x) {
        plans.cancel((Long) x.getVariable(PaymentPlanProcess.PLAN_ID), "process");
    }
}
