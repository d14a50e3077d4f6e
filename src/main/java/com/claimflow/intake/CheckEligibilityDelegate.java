package com.claimflow.intake;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("checkEligibilityDelegate")
public class CheckEligibilityDelegate implements JavaDelegate {
    private final EncounterService encounters;

    public CheckEligibilityDelegate(EncounterService encounters) {
        this.encounters = encounters;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var problem = encounters.eligibilityProblem((Long) execution.getVariable(EncounterProcess.ENCOUNTER_ID));
        execution.setVariable(EncounterProcess.ELIGIBLE, problem.isEmpty());
        execution.setVariable(EncounterProcess.ELIGIBILITY_PROBLEM, problem.orElse(null));
    }
}
