package com.claimflow.claimstatus;

import com.claimflow.remittance.AdjudicationProcess;
import com.claimflow.workqueue.ReasonSection;
import com.claimflow.workqueue.TaskReasons;
import com.claimflow.workqueue.WorkItem;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** What the payer said about a late claim (the 277, or that none came), on the follow-up task; "Resubmit" when it has no record of it. */
@Component
public class ClaimStatusReasons implements TaskReasons {
    private final ClaimStatusInquiries inquiries;
    private final RuntimeService runtime;

    public ClaimStatusReasons(ClaimStatusInquiries inquiries, RuntimeService runtime) {
        this.inquiries = inquiries;
        this.runtime = runtime;
    }

    @Override
    public int order() {
        return 45;
    }

    @Override
    public List<ReasonSection> reasonsFor(WorkItem item) {
        if (!AdjudicationProcess.FOLLOW_UP_CLAIM_STATUS_TASK.equals(item.taskType()) || item.claimId() == null) return List.of();
        String action = variable(item, AdjudicationProcess.CLAIM_STATUS_ACTION);
        String answer = variable(item, AdjudicationProcess.CLAIM_STATUS_ANSWER);
        List<ReasonSection.Fact> facts = new ArrayList<>();
        facts.add(ReasonSection.fact("Decided", answer == null ? "the remittance is overdue; no claim status inquiry (276) was sent" : answer));
        List<String> lines = new ArrayList<>();
        for (ClaimStatusCheck c : inquiries.forClaim(item.claimId())) lines.addAll(lines(c));
        String title = ClaimStatusDecision.RESUBMIT.equals(action) ? "Resubmit: the payer has no record of the claim" : "Claim status (276/277)";
        return List.of(new ReasonSection(title, facts, lines));
    }

    /** One inquiry and its answers as lines, newest first, for the task and the encounter page. */
    public static List<String> lines(ClaimStatusCheck c) {
        List<String> lines = new ArrayList<>();
        for (int i = c.replies().size() - 1; i >= 0; i--) {
            ClaimStatusCheck.Reply r = c.replies().get(i);
            lines.add(r.receivedAt() + " 277 (file " + r.fileId() + ", segment " + r.segment() + "): " + r.statuses() + " → " + r.action());
        }
        lines.add(c.sentAt() + " 276 sent for claim " + c.claimId() + " v" + c.claimVersion() + " (trace " + c.traceNumber() + ", " + c.fileName()
                + ")" + (c.status().equals("NO_ANSWER") ? ": no 277 in time" : c.status().equals("SENT") ? ": waiting for the 277" : ""));
        return lines;
    }

    private String variable(WorkItem item, String name) {
        try {
            Object v = runtime.getVariable(item.processInstanceId(), name);
            return v == null ? null : v.toString();
        } catch (ProcessEngineException ended) {
            return null;
        }
    }
}
