package com.claimflow.intake;

import com.claimflow.workqueue.TaskCompletion;
import com.claimflow.workqueue.WorkItem;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Biller tasks that correct the encounter's coverage: the member id entered on the form is stored on the encounter. */
@Component
public class IntakeTaskCompletion implements TaskCompletion {
    private static final Set<String> TASKS = Set.of(EncounterProcess.RESOLVE_ELIGIBILITY_TASK, EncounterProcess.FIX_CLAIM_EDIT_TASK,
            EncounterProcess.FIX_REJECTED_CLAIM_TASK, EncounterProcess.CORRECT_BILLING_DENIAL_TASK);

    private final EncounterService encounters;

    public IntakeTaskCompletion(EncounterService encounters) {
        this.encounters = encounters;
    }

    @Override
    public boolean handles(String taskType) {
        return TASKS.contains(taskType);
    }

    @Override
    public Map<String, Object> complete(WorkItem item, Map<String, Object> form, String userId) {
        Object memberId = form.get("memberId");
        if (EncounterProcess.RESOLVE_ELIGIBILITY_TASK.equals(item.taskType()) || (memberId instanceof String s && !s.isBlank())) {
            encounters.correctMemberId(item.encounterId(), (String) memberId);
        }
        if (form.get("priorAuthorization") instanceof String number && !number.isBlank()) {
            encounters.recordPriorAuthorization(item.encounterId(), number);
        }
        return Map.of();
    }
}
