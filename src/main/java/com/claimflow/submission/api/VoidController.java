package com.claimflow.submission.api;

import com.claimflow.identity.CurrentWorker;
import com.claimflow.submission.OutboxMessage;
import com.claimflow.submission.SubmissionService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Voiding a claim the payer received (frequency 8), for billers and leads: the void goes out as an 837 like any claim. */
@RestController
public class VoidController {
    private final SubmissionService submissions;
    private final CurrentWorker worker;

    public VoidController(SubmissionService submissions, CurrentWorker worker) {
        this.submissions = submissions;
        this.worker = worker;
    }

    public record VoidRequest(String reason) {
    }

    /** What was queued: the void's claim id and version, and the outbox message it waits in. */
    public record Voided(long claimId, int claimVersion, long outboxId) {
    }

    @PostMapping("/api/encounters/{id}/void")
    @PreAuthorize("hasAnyRole('BILLERS','LEADS')")
    public Voided voidClaim(@PathVariable long id, @RequestBody VoidRequest request) {
        OutboxMessage queued = submissions.voidLatest(id, request == null ? null : request.reason(), worker.get().userId());
        return new Voided(queued.getClaimId(), queued.getClaimVersion(), queued.getId());
    }
}
