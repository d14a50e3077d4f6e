package com.claimflow.submission;

import com.claimflow.audit.AuditService;
import com.claimflow.claim.Claim;
import com.claimflow.claim.ClaimService;
import com.claimflow.claim.ClaimStatus;
import com.claimflow.intake.EncounterService;
import com.claimflow.submission.internal.OutboxRepository;
import com.claimflow.submission.x12.ClaimFileRefused;
import com.claimflow.submission.x12.X12ClaimFiles;
import com.claimflow.submission.x12.X12ClaimFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues claims in the outbox (exactly once per claim version and attempt); {@link ClaimFileBatches} hands them to the
 * clearinghouse in batch files. What is queued is the X12 837 of the claim's type (837P professional, 837I
 * institutional), validated before it is queued: a claim whose 837 breaks the guide is not queued at all; the refusal
 * is kept and published ({@link ClaimFileNotSent}) so it comes back as a rejection a biller fixes.
 */
@Service
public class SubmissionService {
    private final OutboxRepository outbox;
    private final ClaimService claims;
    private final EncounterService encounters;
    private final Map<String, ClaimFileFormat> formats;
    private final ApplicationEventPublisher events;
    private final X12ClaimFiles x12;
    private final ClaimFileBatches batches;
    private final AuditService audit;

    public SubmissionService(OutboxRepository outbox, ClaimService claims, EncounterService encounters, List<ClaimFileFormat> formats,
                             ApplicationEventPublisher events, X12ClaimFiles x12, ClaimFileBatches batches, AuditService audit) {
        this.outbox = outbox;
        this.claims = claims;
        this.encounters = encounters;
        this.formats = formats.stream().collect(Collectors.toMap(ClaimFileFormat::name, Function.identity()));
        this.events = events;
        this.x12 = x12;
        this.batches = batches;
        this.audit = audit;
    }

    /**
     * Voids the encounter's latest claim the payer received: a frequency-8 copy with the payer's claim number (REF*F8),
     * queued as an 837 like any claim, and the reason kept on it and in the audit trail. Refused ({@code claim}) when
     * no claim was ever sent.
     */
    @Transactional
    public OutboxMessage voidLatest(long encounterId, String reason, String userId) {
        Claim voiding = claims.voidLatestSent(encounterId, reason, userId);
        OutboxMessage queued = submit(voiding.id(), false);
        if (queued == null) {
            throw new IllegalStateException("the void of encounter " + encounterId + "'s claim could not be written as a valid 837");
        }
        audit.record(userId, "VOIDED", encounterId, null, "claim " + voiding.id() + " (frequency 8, payer claim " + voiding.payerClaimNumber()
                + "): " + voiding.voidReason());
        return queued;
    }

    /** The file format a claim goes out in: 837I for institutional claims, 837P for professional ones. */
    ClaimFileFormat formatFor(Claim claim) {
        String name = "INSTITUTIONAL".equals(claim.claimType()) ? X12ClaimFormat.INSTITUTIONAL : X12ClaimFormat.PROFESSIONAL;
        ClaimFileFormat format = formats.get(name);
        if (format == null) throw new IllegalStateException("no claim file format " + name);
        return format;
    }

    /**
     * Queues the claim's current version. A repeat for a version already queued returns the queued message,
     * unless {@code resend} asks for a new attempt (no acknowledgement came) or the payer rejected the last one.
     * Returns null when the claim's file failed validation: nothing was queued, the refusal is recorded and published.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public OutboxMessage submit(long claimId, boolean resend) {
        Claim claim = claims.get(claimId);
        Optional<OutboxMessage> last = outbox.findFirstByClaimIdAndClaimVersionOrderByAttemptDesc(claimId, claim.version());
        boolean rejected = claim.status() == ClaimStatus.REJECTED;
        if (last.isPresent() && !resend && !rejected) {
            return last.get();
        }
        if (rejected) claim = claims.refreshDraft(claimId);
        int attempt = last.map(m -> m.getAttempt() + 1).orElse(1);
        ClaimFileFormat format = formatFor(claim);
        String payload;
        try {
            payload = format.write(claim, encounters.get(claim.encounterId()));
        } catch (ClaimFileRefused refused) {
            long refusal = x12.recordRefusal(claimId, claim.version(), format.name(), refused);
            events.publishEvent(new ClaimFileNotSent(refusal, claimId, claim.version(), ClaimFileRefused.summary(refused.issues())));
            return null;
        }
        OutboxMessage message = outbox.save(new OutboxMessage(claimId, claim.version(), attempt, claim.payerId(), format.name(), payload));
        claims.markSubmitted(claimId);
        return message;
    }

    /** Hands every pending claim to the clearinghouse in batch files (per payer and format); returns how many left. */
    public int dispatch() {
        return batches.dispatch();
    }

    /**
     * Hands one pending message over now (support, tests): in the batch a crash left it in, else in a file of its own.
     * True when this call sent it; false when it had left (or been refused) before.
     */
    public boolean handOff(long outboxId) {
        return batches.handOffMessage(outboxId);
    }

    @Transactional(readOnly = true)
    public List<Long> pending(int max) {
        return outbox.findByStatusOrderById(OutboxMessage.Status.PENDING, PageRequest.of(0, max)).stream().map(OutboxMessage::getId).toList();
    }

    /** The latest queued file of the claim (its latest version and attempt). */
    @Transactional(readOnly = true)
    public Optional<OutboxMessage> latestMessage(long claimId) {
        List<OutboxMessage> all = outbox.findByClaimIdOrderById(claimId);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** The X12 the claim's latest version went out in, as sent (for other modules: text, not the outbox row). */
    @Transactional(readOnly = true)
    public Optional<String> latestPayload(long claimId) {
        return latestMessage(claimId).map(OutboxMessage::getPayload);
    }

    @Transactional(readOnly = true)
    public List<OutboxMessage> messagesFor(long claimId) {
        return outbox.findByClaimIdOrderById(claimId);
    }

    /** The claim version sent under a transaction set control number (ST02), as a 999's AK2 or IK2 names it. */
    public Optional<ClaimVersion> claimOfTransaction(String controlNumber) {
        return x12.claimOfTransaction(controlNumber);
    }

    /** Refusals not yet reported as rejections (e.g. the node stopped right after committing the refusal). */
    public List<ClaimFileNotSent> unreportedRefusals() {
        return x12.unreportedRefusals();
    }

    /** Marks a refusal reported; false when someone else reported it already. Call in the transaction that reports it. */
    public boolean markRefusalReported(long refusalId) {
        return x12.markReported(refusalId);
    }
}
