package com.claimflow.remittance;

import com.claimflow.submission.SubmissionProcess;
import com.claimflow.workqueue.ReasonSection;
import com.claimflow.workqueue.TaskReasons;
import com.claimflow.workqueue.WorkItem;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * Why a rejected claim is fixed: what the 999 or 277CA (or the 837's own validation) said, with its codes and their
 * descriptions, as the acknowledgement put it on the submission process ({@code ackReason}).
 */
@Component
public class RejectionReasons implements TaskReasons {
    private final RuntimeService runtime;

    public RejectionReasons(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public List<ReasonSection> reasonsFor(WorkItem item) {
        if (!SubmissionProcess.FIX_REJECTED_CLAIM_TASK.equals(item.taskType())) return List.of();
        String reason = ackReason(item);
        List<String> lines = reason == null ? List.of("The rejection's reason is no longer on file.")
                : Arrays.stream(reason.split(";\\s+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        return List.of(new ReasonSection("Claim rejected", List.of(ReasonSection.fact("Claim", item.claimId())), lines));
    }

    private String ackReason(WorkItem item) {
        try {
            return (String) runtime.getVariable(item.processInstanceId(), SubmissionProcess.ACK_REASON);
        } catch (ProcessEngineException ended) {
            return null;
        }
    }
}
