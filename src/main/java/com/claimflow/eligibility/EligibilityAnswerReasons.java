package com.claimflow.eligibility;

import com.claimflow.intake.EncounterProcess;
import com.claimflow.workqueue.ReasonSection;
import com.claimflow.workqueue.TaskReasons;
import com.claimflow.workqueue.WorkItem;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** The payer's answer to the latest eligibility inquiry, on the Resolve eligibility task, after intake's own check. */
@Component
public class EligibilityAnswerReasons implements TaskReasons {
    private final EligibilityInquiries inquiries;

    public EligibilityAnswerReasons(EligibilityInquiries inquiries) {
        this.inquiries = inquiries;
    }

    @Override
    public int order() {
        return 11;
    }

    @Override
    public List<ReasonSection> reasonsFor(WorkItem item) {
        if (!EncounterProcess.RESOLVE_ELIGIBILITY_TASK.equals(item.taskType()) || item.encounterId() == null) return List.of();
        return inquiries.latest(item.encounterId()).map(c -> List.of(section(c))).orElse(List.of());
    }

    /** The facts of one inquiry, as the task and the encounter page show them. */
    public static ReasonSection section(EligibilityCheck c) {
        List<ReasonSection.Fact> facts = new ArrayList<>();
        facts.add(ReasonSection.fact("270 sent", c.sentAt() + " · trace " + c.traceNumber() + " · " + c.fileName()));
        facts.add(ReasonSection.fact("Payer · member id", c.payerId() + " · " + c.memberId()));
        facts.add(ReasonSection.fact("Answer", switch (c.status()) {
            case "SENT" -> "waiting for the payer's 271";
            case "NO_ANSWER" -> "no 271 came back in time";
            default -> c.status().toLowerCase() + (c.answerFileId() == null ? "" : " · 271 file " + c.answerFileId() + ", segment " + c.answerSegment());
        }));
        if (c.plan() != null || c.groupNumber() != null) facts.add(ReasonSection.fact("Plan · group", c.plan() + " · " + c.groupNumber()));
        if (c.copay() != null) facts.add(ReasonSection.fact("Copay", "$" + c.copay().toPlainString()));
        if (c.deductible() != null) facts.add(ReasonSection.fact("Deductible", "$" + c.deductible().toPlainString()));
        if (c.coinsurance() != null) {
            facts.add(ReasonSection.fact("Coinsurance", c.coinsurance().movePointRight(2).stripTrailingZeros().toPlainString() + "%"));
        }
        List<String> lines = new ArrayList<>();
        if (c.reason() != null) lines.add(c.reason());
        if (c.benefits() != null && !c.benefits().isBlank()) lines.addAll(List.of(c.benefits().split("; ")));
        return new ReasonSection("Payer's eligibility answer (271)", facts, lines);
    }
}
