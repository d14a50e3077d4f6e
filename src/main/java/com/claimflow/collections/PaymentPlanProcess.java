package com.claimflow.collections;

import com.claimflow.intake.EncounterProcess;

/** Names of the {@code payment-plan} process ({@code processes/payment-plan.bpmn}). */
public final class PaymentPlanProcess {
    /** Process id; business key = encounter id. */
    public static final String PROCESS = "payment-plan";
    public static final String ENCOUNTER_ID = EncounterProcess.ENCOUNTER_ID;
    public static final String PAYER_ID = EncounterProcess.PAYER_ID;
    /** The payment_plan row. */
    public static final String PLAN_ID = "planId";
    /** When the next installment is checked: its due date plus the grace days, ISO date-time (the timer's timeDate). */
    public static final String INSTALLMENT_CHECK_AT = "installmentCheckAt";
    /** Set by {@code CheckInstallment}: the patient's balance is paid; the payments keep up with the installments due. */
    public static final String PLAN_SETTLED = "planSettled";
    public static final String INSTALLMENT_PAID = "installmentPaid";
    public static final String FOLLOW_UP_MISSED_INSTALLMENT_TASK = "FollowUpMissedInstallment";
    /** The biller's answer to a missed installment: {@code CONTINUE} or {@code CANCEL}. */
    public static final String PLAN_DECISION = "planDecision";

    private PaymentPlanProcess() {
    }
}
