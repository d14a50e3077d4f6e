package com.claimflow.submission.api;

import com.claimflow.audit.AuditService;
import com.claimflow.base.NotFoundException;
import com.claimflow.claim.Claim;
import com.claimflow.claim.ClaimService;
import com.claimflow.identity.CurrentWorker;
import com.claimflow.submission.ClaimFileBatches;
import com.claimflow.submission.OutboxMessage;
import com.claimflow.submission.SubmissionService;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The 837 a claim went out as, for support staff and tests: the latest version's latest attempt, exactly as queued (a
 * one-claim interchange; its transaction set is what the payer's batch file carries, named in {@code X-Claim-File}
 * once the claim is in one).
 */
@RestController
public class ClaimFileController {
    private final ClaimService claims;
    private final SubmissionService submissions;
    private final ClaimFileBatches batches;
    private final AuditService audit;
    private final CurrentWorker worker;

    public ClaimFileController(ClaimService claims, SubmissionService submissions, ClaimFileBatches batches, AuditService audit,
                               CurrentWorker worker) {
        this.claims = claims;
        this.submissions = submissions;
        this.batches = batches;
        this.audit = audit;
        this.worker = worker;
    }

    @GetMapping("/api/claims/{id}/x12")
    @PreAuthorize("hasAnyRole('BILLERS','LEADS','ADMINS','COMPLIANCE')")
    public ResponseEntity<String> x12(@PathVariable long id) {
        Claim claim = claims.get(id);
        Claim latest = claims.latestFor(claim.encounterId()).orElse(claim);
        OutboxMessage message = submissions.latestMessage(latest.id())
                .filter(m -> m.getFormat().startsWith("X12"))
                .orElseThrow(() -> new NotFoundException("claim " + id + " (latest version " + latest.version() + ", claim "
                        + latest.id() + ") has no 837 yet"));
        audit.record(worker.get().userId(), "VIEWED_CLAIM_FILE", latest.encounterId(), null, "837 of claim " + latest.id()
                + " v" + message.getClaimVersion() + " attempt " + message.getAttempt());
        var response = ResponseEntity.ok().contentType(MediaType.parseMediaType("application/edi-x12"))
                .header("X-Claim-Id", String.valueOf(latest.id()))
                .header("X-Claim-Version", String.valueOf(message.getClaimVersion()))
                .header("X-Claim-Status", message.getStatus().name());
        batches.batchOf(message.getId()).ifPresent(b -> response.header("X-Claim-File", b.fileName()));
        return response.body(message.getPayload());
    }
}
