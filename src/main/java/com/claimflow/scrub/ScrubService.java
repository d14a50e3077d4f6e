package com.claimflow.scrub;

import com.claimflow.claim.Claim;
import com.claimflow.claim.ClaimService;
import com.claimflow.intake.EncounterService;
import com.claimflow.intake.InputRules;
import com.claimflow.reference.ReferenceService;
import com.claimflow.scrub.internal.ScrubResultRepository;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Runs every {@link ClaimEdit} over a claim; stores the result and moves the claim to READY or SCRUB_FAILED. */
@Service
public class ScrubService {

    private final List<ClaimEdit> edits;
    private final ClaimService claims;
    private final EncounterService encounters;
    private final ReferenceService reference;
    private final ScrubResultRepository results;
    private final Clock clock;

    public ScrubService(List<ClaimEdit> edits, ClaimService claims, EncounterService encounters, ReferenceService reference,
                        ScrubResultRepository results, Optional<Clock> clock) {
        this.edits = edits;
        this.claims = claims;
        this.encounters = encounters;
        this.reference = reference;
        this.results = results;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    /** Scrubs the claim as the encounter and coding stand now (a draft is rebuilt first, so a fix is seen). */
    @Transactional
    public ScrubResult scrub(long claimId) {
        Claim claim = claims.refreshDraft(claimId);
        List<Finding> findings = check(claim);
        ScrubResult result = results.save(new ScrubResult(claim.id(), claim.version(), findings));
        claims.markScrubbed(claimId, result.isClean());
        return result;
    }

    /** The edits a claim raises, without storing anything. */
    @Transactional(readOnly = true)
    public List<Finding> check(Claim claim) {
        return check(ClaimSnapshot.of(claim, encounters.get(claim.encounterId())));
    }

    /**
     * The edits a claim from outside raises ({@code POST /api/scrub}); saves nothing. Its dates and its number of lines are
     * held to {@link InputRules} first, so no claim costs more than the 837's line limit of work.
     */
    @Transactional(readOnly = true)
    public List<Finding> checkPosted(ClaimSnapshot claim) {
        InputRules.checkLineCount("lines", claim.lines().size(), claim.claimType());
        InputRules.checkDateOfService("dateOfService", claim.dateOfService(), LocalDate.now(clock));
        InputRules.checkBirthDate("patient.birthDate", claim.patientBirthDate(), claim.dateOfService());
        return check(claim);
    }

    /** The edits a claim raises, for a claim that need not be stored; saves nothing. */
    @Transactional(readOnly = true)
    public List<Finding> check(ClaimSnapshot claim) {
        var subject = new ScrubSubject(claim, reference.payer(claim.payerId()).orElse(null), reference, LocalDate.now(clock));
        List<Finding> found = new java.util.ArrayList<>();
        for (ClaimEdit e : edits) found.addAll(e.check(subject));
        return found;
    }

    @Transactional(readOnly = true)
    public Optional<ScrubResult> latest(long claimId) {
        return results.findFirstByClaimIdOrderByIdDesc(claimId);
    }
}
