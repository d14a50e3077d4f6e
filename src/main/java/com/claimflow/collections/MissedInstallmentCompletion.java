package com.claimflow.collections;

import com.claimflow.base.BadInputException;
import com.claimflow.workqueue.TaskCompletion;
import com.claimflow.workqueue.WorkItem;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** A missed installment is answered with keep or cancel, and what the patient said. */
@Component
public class MissedInstallmentCompletion implements TaskCompletion {
    private static final Set<String> DECISIONS = Set.of("CONTINUE", "CANCEL");

    @Override
    public boolean handles(String taskType) {
        return PaymentPlanProcess.FOLLOW_UP_MISSED_INSTALLMENT_TASK.equals(taskType);
    }

    @Override
    public Map<String, Object> complete(WorkItem item, Map<String, Object> form, String userId) {
        Object decision = form.get(PaymentPlanProcess.PLAN_DECISION);
        if (!(decision instanceof String d) || !DECISIONS.contains(d)) {
            throw new BadInputException(PaymentPlanProcess.PLAN_DECISION, "choose CONTINUE (keep the plan) or CANCEL");
        }
        if (!(form.get("note") instanceof String note) || note.isBlank()) {
            throw new BadInputException("note", "say what the patient said, for whoever works the next installment");
        }
        return Map.of(PaymentPlanProcess.PLAN_DECISION, d);
    }
}
