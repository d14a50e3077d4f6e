package com.claimflow.denial;

import com.claimflow.workqueue.TaskCompletion;
import com.claimflow.workqueue.WorkItem;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The overdue appeal's follow-up: the biller records the decision from the payer's letter (the process goes on as if the
 * payer's decision had arrived) or that there is none yet (the wait starts again).
 */
@Component
public class AppealTaskCompletion implements TaskCompletion {
    private final AppealDecisions decisions;

    public AppealTaskCompletion(AppealDecisions decisions) {
        this.decisions = decisions;
    }

    @Override
    public boolean handles(String taskType) {
        return DenialProcess.FOLLOW_UP_APPEAL_TASK.equals(taskType);
    }

    @Override
    public Map<String, Object> complete(WorkItem item, Map<String, Object> form, String userId) {
        AppealResult result = AppealResult.parse(DenialProcess.APPEAL_RESULT, form.get(DenialProcess.APPEAL_RESULT), true);
        Object note = form.get("note");
        if (result.decided()) decisions.recordOnTask(item, result, note == null ? null : String.valueOf(note), userId);
        return Map.of(DenialProcess.APPEAL_RESULT, result.name(), DenialProcess.APPEAL_OVERTURNED, result == AppealResult.OVERTURNED);
    }
}
