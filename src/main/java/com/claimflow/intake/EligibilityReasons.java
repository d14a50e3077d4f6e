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

/** Why a biller resolves eligibility: what the eligibility check decided when it stopped the encounter, and how it stands now. */
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
        facts.add(ReasonSection.fact("Checked now", encounters.eligibilityProblem(e.id()).map(p -> "still not eligible: " + p)
                .orElse("eligible: completing the task lets the encounter go on")));
        return List.of(new ReasonSection("Eligibility check", facts, List.of()));
    }

    private java.util.Optional<String> decided(WorkItem item) {
        try {
            return Optional.ofNullable((String) runtime.getVariable(item.processInstanceId(), ELIGIBILITY_PROBLEM));
        } catch (ProcessEngineException ended) {
            return java.util.Optional.empty();
        }
    }
}
