package com.claimflow.submission;

import com.claimflow.claim.Claim;
import com.claimflow.claim.ClaimService;
import com.claimflow.claim.ClaimStatus;
import com.claimflow.intake.EncounterService;
import com.claimflow.submission.internal.OutboxRepository;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Queues claim files in the outbox (exactly once per claim version and attempt) and hands them to the clearinghouse. */
@Service
public class SubmissionService {
    private final OutboxRepository outbox;
    private final ClaimService claims;
    private final EncounterService encounters;
    private final ClaimFileFormat format;
    private final ClearinghouseConnection connection;
    private final ApplicationEventPublisher events;

    public SubmissionService(OutboxRepository outbox, ClaimService claims, EncounterService encounters, ClaimFileFormat format,
                             ClearinghouseConnection connection, ApplicationEventPublisher events) {
        this.outbox = outbox;
        this.claims = claims;
        this.encounters = encounters;
        this.format = format;
        this.connection = connection;
        this.events = events;
    }

    /**
     * Queues the claim's current version. A repeat for a version already queued returns the queued message,
     * unless {@code resend} asks for a new attempt (no acknowledgement came) or the payer rejected the last one.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public OutboxMessage submit(long claimId, boolean resend) {
        Claim claim = claims.get(claimId);
        Optional<OutboxMessage> last = outbox.findFirstByClaimIdAndClaimVersionOrderByAttemptDesc(claimId, claim.getVersion());
        boolean rejected = claim.getStatus() == ClaimStatus.REJECTED;
        if (last.isPresent() && !resend && !rejected) {
            return last.get();
        }
        if (rejected) claim = claims.refreshDraft(claimId);
        int attempt = last.map(m -> m.getAttempt() + 1).orElse(1);
        String payload = format.write(claim, encounters.get(claim.getEncounterId()));
        OutboxMessage message = outbox.save(new OutboxMessage(claimId, claim.getVersion(), attempt, claim.getPayerId(), format.name(), payload));
        claims.markSubmitted(claimId);
        return message;
    }

    /** Hands one pending message to the clearinghouse and marks it sent, in one transaction per message. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean handOff(long outboxId) {
        OutboxMessage m = outbox.findById(outboxId).orElseThrow();
        if (m.getStatus() == OutboxMessage.Status.SENT) return false;
        connection.deliver(m);
        m.sent();
        events.publishEvent(new ClaimHandedOff(m.getId(), m.getClaimId(), m.getClaimVersion(), m.getPayerId()));
        return true;
    }

    @Transactional(readOnly = true)
    public List<Long> pending(int max) {
        return outbox.findByStatusOrderById(OutboxMessage.Status.PENDING, PageRequest.of(0, max)).stream().map(OutboxMessage::getId).toList();
    }

    @Transactional(readOnly = true)
    public List<OutboxMessage> messagesFor(long claimId) {
        return outbox.findByClaimIdOrderById(claimId);
    }
}
