package com.claimflow.claim;

import com.claimflow.base.BadInputException;
import com.claimflow.base.NotFoundException;
import com.claimflow.claim.internal.ClaimEntity;
import com.claimflow.claim.internal.ClaimLineEntity;
import com.claimflow.claim.internal.ClaimRepository;
import com.claimflow.coding.Coding;
import com.claimflow.coding.CodingService;
import com.claimflow.coding.ProcedureLine;
import com.claimflow.intake.Encounter;
import com.claimflow.intake.EncounterService;
import com.claimflow.intake.InputRules;
import com.claimflow.reference.ReferenceService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Builds claims from the coded encounter and the payer's fee schedule, and keeps their status. */
@Service
@Transactional
public class ClaimService {

    private final ClaimRepository claims;
    private final EncounterService encounters;
    private final CodingService coding;
    private final ReferenceService reference;

    private final com.claimflow.claim.internal.OtherPayers otherPayers;

    public ClaimService(ClaimRepository claims, EncounterService encounters, CodingService coding, ReferenceService reference,
                        com.claimflow.claim.internal.OtherPayers otherPayers) {
        this.otherPayers = otherPayers;
        this.claims = claims;
        this.encounters = encounters;
        this.coding = coding;
        this.reference = reference;
    }

    /** The original claim (version 1) for a coded encounter; a second call returns the same claim. */
    public Claim create(long encounterId) {
        Optional<ClaimEntity> existing = claims.findFirstByEncounterIdOrderByVersionDesc(encounterId);
        if (existing.isPresent()) {
            return existing.get().toRecord();
        }
        ClaimEntity claim = new ClaimEntity(encounterId, 1, "1");
        build(claim);
        return claims.save(claim).toRecord();
    }

    /** A replacement (frequency 7) of a claim the payer adjudicated, rebuilt from the corrected coding. */
    public Claim replace(long claimId) {
        ClaimEntity original = row(claimId);
        ClaimEntity latest = claims.findFirstByEncounterIdOrderByVersionDesc(original.getEncounterId()).orElseThrow();
        if (latest.getVersion() > original.getVersion() && latest.isDraft()) {
            return latest.toRecord(); // already replaced, e.g. by a retried job
        }
        ClaimEntity replacement = new ClaimEntity(original.getEncounterId(), latest.getVersion() + 1, "7");
        replacement.carryPayerClaimNumber(original.getPayerClaimNumber());
        replacement.carryTimelyFilingProof(original);
        replacement.billTo(original.coverageOrder(), original.getPayerId(), original.getMemberId());
        build(replacement);
        original.moveTo(ClaimStatus.REPLACED);
        ClaimEntity saved = claims.save(replacement);
        otherPayers.save(saved.getId(), otherPayers.of(original.getId()));
        return saved.toRecord();
    }

    /**
     * The claim to the encounter's next payer (coordination of benefits): the lines and diagnoses the earlier payer was
     * billed, now billed to coverage {@code coverageOrder} ({@code payerId}, {@code memberId}), with what every earlier payer
     * decided ({@code earlier}, for the 837's 2320/2430 loops). When the earlier payer forwarded the claim itself
     * (crossover) the new claim is {@link ClaimStatus#FORWARDED}: nothing is sent, this payer's 835 is awaited. A second
     * call for the same earlier claim (a retried job) returns the claim the first one made.
     */
    public Claim billNextPayer(long adjudicatedClaimId, int coverageOrder, String payerId, String memberId, List<OtherPayerAdjudication> earlier) {
        ClaimEntity adjudicated = row(adjudicatedClaimId);
        if (coverageOrder <= adjudicated.coverageOrder() || coverageOrder > 3) {
            throw new IllegalArgumentException("claim " + adjudicatedClaimId + " is billed to coverage " + adjudicated.coverageOrder()
                    + "; the next payer's coverage cannot be " + coverageOrder);
        }
        ClaimEntity latest = claims.findFirstByEncounterIdOrderByVersionDesc(adjudicated.getEncounterId()).orElseThrow();
        if (latest.getVersion() > adjudicated.getVersion() && latest.coverageOrder() == coverageOrder) {
            return latest.toRecord(); // made before, e.g. by a retried job
        }
        ClaimEntity next = new ClaimEntity(adjudicated.getEncounterId(), latest.getVersion() + 1, "1");
        next.linesCorrected(adjudicated.toRecord().linesEditedBy(), adjudicated.diagnoses(), adjudicated.copyOfLines());
        build(next);
        next.billTo(coverageOrder, payerId, memberId);
        next.memberAndAuthorization(memberId, adjudicated.toRecord().priorAuthorization());
        boolean forwarded = earlier.stream().anyMatch(e -> e.coverageOrder() == coverageOrder - 1 && e.forwarded());
        if (forwarded) next.moveTo(ClaimStatus.FORWARDED);
        ClaimEntity saved = claims.save(next);
        otherPayers.save(saved.getId(), earlier);
        return saved.toRecord();
    }

    /** What the earlier payers decided, for a secondary or tertiary claim (empty for a primary claim). */
    @Transactional(readOnly = true)
    public List<OtherPayerAdjudication> otherPayersOf(long claimId) {
        return otherPayers.of(claimId);
    }

    /** Rebuilds a claim that has not left yet from the encounter and coding as they are now (after a fix). */
    public Claim refreshDraft(long claimId) {
        ClaimEntity claim = row(claimId);
        if (claim.isDraft()) {
            build(claim);
        }
        return claim.toRecord();
    }

    /**
     * A biller's correction of a claim the payer denied or rejected, checked in full before anything is stored (a bad
     * code is refused naming its line and field, e.g. {@code lines[2].code}). A draft (rejected, failed scrub) is
     * corrected in place; an adjudicated claim gets its replacement now (frequency 7, with the payer's claim number for
     * REF*F8), which the process's replacement step then sends. The corrected lines stay when the draft is rebuilt.
     */
    public Claim correct(long claimId, ClaimCorrection correction, String userId) {
        ClaimEntity original = row(claimId);
        Encounter e = encounters.get(original.getEncounterId());
        List<String> diagnoses = correction.diagnoses().isEmpty() ? original.diagnoses()
                : correction.diagnoses().stream().map(ReferenceService::normalizeIcd).toList();
        List<ClaimLineEntity> lines = ClaimCorrections.checked(correction, diagnoses, e, reference);
        if (correction.memberId() != null && !correction.memberId().isBlank()) encounters.correctMemberId(e.id(), correction.memberId());
        if (correction.priorAuthorization() != null && !correction.priorAuthorization().isBlank()) {
            encounters.recordPriorAuthorization(e.id(), correction.priorAuthorization());
        }
        ClaimEntity target = original;
        if (!original.isDraft()) {
            ClaimEntity latest = claims.findFirstByEncounterIdOrderByVersionDesc(e.id()).orElseThrow();
            if (latest.getVersion() > original.getVersion() && latest.isDraft()) {
                target = latest; // corrected again before it left
            } else {
                target = new ClaimEntity(e.id(), latest.getVersion() + 1, "7");
                target.carryPayerClaimNumber(original.getPayerClaimNumber());
                target.carryTimelyFilingProof(original);
                original.moveTo(ClaimStatus.REPLACED);
            }
        }
        target.linesCorrected(userId, diagnoses, lines);
        build(target);
        return claims.save(target).toRecord();
    }

    /**
     * Proof that a claim past the payer's filing limit was first sent in time: the original submission's date (not
     * after today, not before the date of service), its reference (a clearinghouse acceptance or payer receipt number)
     * and the CLM20 delay reason code. Stored on the claim, sent with it in the 837 and carried to its replacements.
     */
    public Claim recordTimelyFilingProof(long claimId, LocalDate originalSubmission, String reference, String delayReasonCode) {
        ClaimEntity claim = row(claimId);
        if (originalSubmission == null) {
            throw new BadInputException("originalSubmissionDate", "enter the date the claim was first sent, e.g. 2026-03-02");
        }
        if (originalSubmission.isAfter(LocalDate.now()) || originalSubmission.isBefore(claim.getDateOfService())) {
            throw new BadInputException("originalSubmissionDate", "must be between the date of service " + claim.getDateOfService()
                    + " and today, not " + originalSubmission);
        }
        if (reference == null || reference.isBlank() || reference.strip().length() > 50 || !reference.strip().matches(InputRules.X12_TEXT)) {
            throw new BadInputException("originalSubmissionReference", "enter the clearinghouse or payer reference of the first submission "
                    + "(at most 50 characters; " + InputRules.X12_TEXT_MESSAGE + ")");
        }
        if (delayReasonCode == null || !Claim.TimelyFilingProof.DELAY_REASONS.containsKey(delayReasonCode.strip())) {
            throw new BadInputException("delayReasonCode", "choose a delay reason code from the X12 list, e.g. 7 (third-party processing delay) "
                    + "or 11 (other)");
        }
        claim.timelyFilingProof(originalSubmission, reference.strip(), delayReasonCode.strip());
        return claim.toRecord();
    }

    /** Statuses of a claim version that went to the payer and still stands (neither replaced nor voided). */
    private static final java.util.Set<ClaimStatus> SENT = java.util.EnumSet.of(ClaimStatus.SUBMITTED, ClaimStatus.ACCEPTED, ClaimStatus.PAID,
            ClaimStatus.PARTIALLY_PAID, ClaimStatus.DENIED, ClaimStatus.WRITTEN_OFF);

    /**
     * A void of the encounter's latest claim that went to the payer: a new version with frequency code 8, the same lines,
     * the payer's claim number (REF*F8) and the reason; the voided claim becomes VOIDED. The caller sends it. Refused
     * naming {@code claim} when no version was ever sent or the payer never gave its claim number.
     */
    public Claim voidLatestSent(long encounterId, String reason, String userId) {
        if (reason == null || reason.isBlank()) throw new BadInputException("reason", "say why the claim is voided, for the payer and the audit trail");
        if (reason.strip().length() > 300) throw new BadInputException("reason", "at most 300 characters");
        List<ClaimEntity> versions = claims.findByEncounterIdOrderByVersion(encounterId);
        ClaimEntity sent = versions.stream().filter(c -> SENT.contains(c.getStatus()) && !"8".equals(c.frequencyCode()))
                .reduce((a, b) -> b)
                .orElseThrow(() -> new BadInputException("claim", "never sent: encounter " + encounterId + " has no claim the payer received, "
                        + "so there is nothing to void"));
        if (sent.getPayerClaimNumber() == null) {
            throw new BadInputException("claim", "claim " + sent.getId() + " has no payer claim number yet (no 277CA acceptance): a void must "
                    + "name it in REF*F8; wait for the acknowledgement");
        }
        ClaimEntity latest = versions.get(versions.size() - 1);
        ClaimEntity voiding = new ClaimEntity(encounterId, latest.getVersion() + 1, "8");
        voiding.carryPayerClaimNumber(sent.getPayerClaimNumber());
        voiding.billTo(sent.coverageOrder(), sent.getPayerId(), sent.getMemberId());
        voiding.linesCorrected(userId, sent.diagnoses(), sent.copyOfLines());
        build(voiding);
        voiding.memberAndAuthorization(sent.getMemberId(), sent.toRecord().priorAuthorization());
        voiding.voided(reason.strip());
        voiding.moveTo(ClaimStatus.READY);
        sent.moveTo(ClaimStatus.VOIDED);
        ClaimEntity saved = claims.save(voiding);
        otherPayers.save(saved.getId(), otherPayers.of(sent.getId()));
        return saved.toRecord();
    }

    /** The claim from the encounter as it stands; its lines and diagnoses from the coding unless a person corrected them. */
    private void build(ClaimEntity claim) {
        Encounter e = encounters.get(claim.getEncounterId());
        List<String> diagnoses;
        List<ClaimLineEntity> lines;
        if (claim.linesEditedByHand()) {
            diagnoses = claim.diagnoses();
            lines = claim.copyOfLines();
        } else {
            Coding c = coding.codingOf(e.id())
                    .orElseThrow(() -> new IllegalStateException("encounter " + e.id() + " has no coding to bill"));
            diagnoses = c.diagnoses();
            lines = c.procedures().stream().map(p -> new ClaimLineEntity(line(e, p))).toList();
        }
        int order = claim.coverageOrder();
        String payer = claim.getPayerId();
        String member = claim.getMemberId();
        // line charges are the provider's, whoever pays: priced on the primary payer's schedule for every payer
        claim.fill(e.claimType(), e.payerId(), e.memberId(), e.billingNpi(), e.renderingNpi(), e.referringNpi(),
                e.priorAuthorization(), e.placeOfService(), e.dateOfService(), diagnoses, lines);
        if (order > 1) claim.billTo(order, payer, member); // a secondary or tertiary claim keeps its own payer
    }

    private ClaimLine line(Encounter e, ProcedureLine p) {
        String modifier = p.modifiers().isEmpty() ? null : p.modifiers().get(0);
        BigDecimal unitCharge = reference.allowedAmount(e.payerId(), p.code(), modifier, e.dateOfService()).orElse(BigDecimal.ZERO);
        return new ClaimLine(p.code(), p.modifiers(), p.units(), unitCharge.multiply(BigDecimal.valueOf(p.units())), p.pointers(),
                e.revenueCodeFor(p.code()));
    }

    @Transactional(readOnly = true)
    public Claim get(long claimId) {
        return row(claimId).toRecord();
    }

    private ClaimEntity row(long claimId) {
        return claims.findById(claimId).orElseThrow(() -> new NotFoundException("no claim " + claimId));
    }

    @Transactional(readOnly = true)
    public Optional<Claim> latestFor(long encounterId) {
        return claims.findFirstByEncounterIdOrderByVersionDesc(encounterId).map(ClaimEntity::toRecord);
    }

    /** Claims already sent to the payer for this subscriber, billing provider and date of service (duplicate-claim edit). */
    @Transactional(readOnly = true)
    public List<Claim> sentFor(String memberId, String billingNpi, java.time.LocalDate dateOfService) {
        if (memberId == null || billingNpi == null || dateOfService == null) return List.of();
        return claims.findByMemberIdAndBillingNpiAndDateOfServiceAndStatusIn(memberId, billingNpi, dateOfService,
                java.util.EnumSet.of(ClaimStatus.SUBMITTED, ClaimStatus.ACCEPTED, ClaimStatus.PAID, ClaimStatus.PARTIALLY_PAID, ClaimStatus.DENIED))
                .stream().filter(c -> !"8".equals(c.frequencyCode())).map(ClaimEntity::toRecord).toList(); // a void bills nothing
    }

    @Transactional(readOnly = true)
    public List<Claim> versionsOf(long encounterId) {
        return claims.findByEncounterIdOrderByVersion(encounterId).stream().map(ClaimEntity::toRecord).toList();
    }

    public void markScrubbed(long claimId, boolean clean) {
        row(claimId).moveTo(clean ? ClaimStatus.READY : ClaimStatus.SCRUB_FAILED);
    }

    public void markSubmitted(long claimId) {
        row(claimId).moveTo(ClaimStatus.SUBMITTED);
    }

    /**
     * The payer's claim number (ICN) as it gave it last: a 277CA's at acceptance, then an 835's CLP07. A replacement or
     * void names the last one in REF*F8 (X222A1/X223A2 2300 REF*F8 "Payer Claim Control Number"). Blank changes nothing.
     */
    public void payerNumbered(long claimId, String payerClaimNumber) {
        if (payerClaimNumber == null || payerClaimNumber.isBlank()) return;
        ClaimEntity claim = row(claimId);
        if (!payerClaimNumber.strip().equals(claim.getPayerClaimNumber())) claim.carryPayerClaimNumber(payerClaimNumber.strip());
    }

    /** The claims the payer gave this claim number (ICN), newest first; empty for a blank one. */
    @Transactional(readOnly = true)
    public List<Claim> numberedByPayer(String payerClaimNumber) {
        if (payerClaimNumber == null || payerClaimNumber.isBlank()) return List.of();
        return claims.findByPayerClaimNumberOrderByIdDesc(payerClaimNumber.strip()).stream().map(ClaimEntity::toRecord).toList();
    }

    /** {@link #payerNumbered(long, String)} for bulk work (a remittance file): one update per claim whose number is new, no entity loaded. */
    public void payerNumberedAll(java.util.Map<Long, String> numbers) {
        java.time.Instant now = java.time.Instant.now();
        numbers.forEach((id, number) -> {
            if (number != null && !number.isBlank()) claims.payerNumbered(id, number.strip(), now);
        });
    }

    public void markAcknowledged(long claimId, boolean accepted, String payerClaimNumber) {
        ClaimEntity claim = row(claimId);
        if (accepted) claim.acceptedAs(payerClaimNumber);
        else claim.moveTo(ClaimStatus.REJECTED);
    }

    public void markAdjudicated(long claimId, ClaimStatus outcome) {
        row(claimId).moveTo(outcome);
    }

    /**
     * The claims that exist among {@code claimIds}, by id, read set-based (one query, no entity loaded); an id with no
     * claim is simply absent. For bulk work such as posting a remittance file.
     */
    @Transactional(readOnly = true)
    public java.util.Map<Long, ClaimSummary> findAll(java.util.Collection<Long> claimIds) {
        java.util.Map<Long, ClaimSummary> found = new java.util.HashMap<>();
        if (claimIds.isEmpty()) return found;
        java.util.Map<Long, List<ClaimLine>> lines = new java.util.HashMap<>();
        java.util.Map<Long, Object[]> heads = new java.util.LinkedHashMap<>();
        for (Object[] row : claims.summaries(new java.util.HashSet<>(claimIds))) {
            long id = ((Number) row[0]).longValue();
            heads.putIfAbsent(id, row);
            List<ClaimLine> claimLines = lines.computeIfAbsent(id, k -> new java.util.ArrayList<>());
            if (row[7] != null) {
                claimLines.add(ClaimLineEntity.line((String) row[7], (String) row[8], ((Number) row[9]).intValue(), (BigDecimal) row[10],
                        (String) row[11], null));
            }
        }
        heads.forEach((id, row) -> found.put(id, new ClaimSummary(id, ((Number) row[1]).longValue(), ((Number) row[2]).intValue(),
                ClaimStatus.valueOf((String) row[3]), (String) row[4], (BigDecimal) row[5], List.copyOf(lines.get(id)),
                ((Number) row[12]).intValue())));
        return found;
    }

    /** The payer's verdict on many claims at once: one update statement, no entity loaded. */
    public void markAdjudicated(java.util.Collection<Long> claimIds, ClaimStatus outcome) {
        if (!claimIds.isEmpty()) claims.moveAll(claimIds, outcome, java.time.Instant.now());
    }
}
