package com.claimflow.scrub;

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
        ScrubResult result = scrubber.scrub((Long) x.getVariable("claimId"));
        x.setVariable("scrubClean", result.isClean());
        x.setVariable("scrubOwner", result.isClean() ? null : result.owner().queue());
    }
}
