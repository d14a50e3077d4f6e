package com.claimflow.intake;

import com.claimflow.workqueue.ReasonSection;
import com.claimflow.workqueue.TaskReasons;
import com.claimflow.workqueue.WorkItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * Why a biller resolves eligibility: what the eligibility check (or the payer's 271, or its absence) decided when it
 * stopped the encounter, and how it stands now; the payer's answer itself is eligibility.EligibilityAnswerReasons'.
 */
@Component
public class EligibilityReasons implements TaskReasons {
    /** The check's finding, kept on the intake process by {@link CheckEligibilityDelegate}. */
    static final String ELIGIBILITY_PROBLEM = EncounterProcess.ELIGIBILITY_PROBLEM;

    private final EncounterService encounters;
    private final RuntimeService runtime;

    public EligibilityReasons(EncounterService encounters, RuntimeService runtime) {
        this.encounters = encounters;
        this.runtime = runtime;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public List<ReasonSection> reasonsFor(WorkItem item) {
        if (!EncounterProcess.RESOLVE_ELIGIBILITY_TASK.equals(item.taskType()) || item.encounterId() == null) return List.of();
        Encounter e = encounters.get(item.encounterId());
        List<ReasonSection.Fact> facts = new ArrayList<>();
        facts.add(ReasonSection.fact("Decided", "not eligible: " + decided(item).orElse("the check's finding is no longer on file")));
        facts.add(ReasonSection.fact("Payer", e.payerId()));
        facts.add(ReasonSection.fact("Member id on file", e.memberId()));
        boolean asked = Boolean.TRUE.equals(variable(item, EncounterProcess.ELIGIBILITY_INQUIRY_SENT));
        facts.add(ReasonSection.fact("Checked now", encounters.eligibilityProblem(e.id()).map(p -> "still not eligible: " + p)
                .orElse(asked ? "nothing known against it here: completing the task asks the payer again (270)"
                        : "eligible: completing the task lets the encounter go on")));
        return List.of(new ReasonSection("Eligibility check", facts, List.of()));
    }

    private Optional<String> decided(WorkItem item) {
        return Optional.ofNullable((String) variable(item, ELIGIBILITY_PROBLEM));
    }

    private Object variable(WorkItem item, String name) {
        try {
            return runtime.getVariable(item.processInstanceId(), name);
        } catch (ProcessEngineException ended) {
            return null;
        }
    }
}
