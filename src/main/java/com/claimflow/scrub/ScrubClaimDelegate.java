package com.claimflow.scrub;

import com.claimflow.intake.EncounterProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("scrubClaimDelegate")
public class ScrubClaimDelegate implements JavaDelegate {
    private final ScrubService scrubber;

    public ScrubClaimDelegate(ScrubService scrubber) {
        this.scrubber = scrubber;
    }

    @Override
    public void execute(DelegateExecution x) {
        ScrubResult result = scrubber.scrub((Long) x.getVariable(EncounterProcess.CLAIM_ID));
        x.setVariable(ScrubbingProcess.SCRUB_CLEAN, result.isClean());
        x.setVariable(ScrubbingProcess.SCRUB_OWNER, result.isClean() ? null : result.owner().queue());
    }
}
