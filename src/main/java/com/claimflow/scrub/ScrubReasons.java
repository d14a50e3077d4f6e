package com.claimflow.scrub;

import com.claimflow.claim.Claim;
import com.claimflow.claim.ClaimService;
import com.claimflow.workqueue.ReasonSection;
import com.claimflow.workqueue.TaskReasons;
import com.claimflow.workqueue.WorkItem;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Why a claim edit is fixed: the latest scrub's findings on the task's claim, each with its edit, where and what. */
@Component
public class ScrubReasons implements TaskReasons {
    private static final Set<String> TASKS = Set.of(ScrubbingProcess.FIX_CLAIM_EDIT_TASK, ScrubbingProcess.FIX_CODING_EDIT_TASK);

    private final ClaimService claims;
    private final ScrubService scrub;

    public ScrubReasons(ClaimService claims, ScrubService scrub) {
        this.claims = claims;
        this.scrub = scrub;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public List<ReasonSection> reasonsFor(WorkItem item) {
        if (!TASKS.contains(item.taskType()) || item.encounterId() == null) return List.of();
        Optional<Claim> claim = item.claimId() != null ? Optional.of(claims.get(item.claimId())) : claims.latestFor(item.encounterId());
        return claim.flatMap(c -> scrub.latest(c.id())).map(r -> List.of(new ReasonSection("Scrub findings",
                List.of(ReasonSection.fact("Claim", r.getClaimId() + ", version " + r.getClaimVersion()),
                        ReasonSection.fact("Scrubbed", r.getScrubbedAt()),
                        ReasonSection.fact("Errors", r.errors().size())),
                r.findings().stream().map(ScrubReasons::line).toList()))).orElse(List.of());
    }

    private static String line(Finding f) {
        return (f.severity() == Finding.Severity.ERROR ? "Error" : "Warning") + " " + f.editId() + " at " + f.location() + ": " + f.message();
    }
}
