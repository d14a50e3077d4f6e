package com.claimflow.scrub.edits;

import com.claimflow.claim.Claim;
import com.claimflow.claim.ClaimLine;
import com.claimflow.claim.ClaimService;
import com.claimflow.intake.EncounterService;
import com.claimflow.scrub.ClaimEdit;
import com.claimflow.scrub.ClaimSnapshot;
import com.claimflow.scrub.Finding;
import com.claimflow.scrub.Finding.Owner;
import com.claimflow.scrub.ScrubSubject;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * Duplicate claim: a claim of another encounter for the same patient (subscriber id and birth date), billing provider,
 * date of service and the same procedure codes was already sent to the payer. Versions of the same encounter
 * (corrected claims) are not duplicates. A warning, not an error: a second visit on the same day can be real, so a
 * biller confirms it (the payer denies a true duplicate with CARC 18); lines marked as repeats (76, 77, 91) are skipped.
 */
@Component
public class DuplicateClaimEdit implements ClaimEdit {
    static final String ID = "DUPLICATE_CLAIM";

    private final ClaimService claims;
    private final EncounterService encounters;

    public DuplicateClaimEdit(ClaimService claims, EncounterService encounters) {
        this.claims = claims;
        this.encounters = encounters;
    }

    @Override
    public List<Finding> check(ScrubSubject s) {
        ClaimSnapshot c = s.claim();
        List<String> codes = codes(c.lines().stream().map(ClaimSnapshot.Line::code).toList());
        if (codes.isEmpty()) return List.of();
        boolean markedRepeat = c.lines().stream().flatMap(l -> l.modifiers().stream()).anyMatch(m -> m.equals("76") || m.equals("77") || m.equals("91"));
        if (markedRepeat) return List.of();
        for (Claim sent : claims.sentFor(c.memberId(), c.billingNpi(), c.dateOfService())) {
            if (Objects.equals(sent.encounterId(), c.encounterId())) continue;
            if (!codes.equals(codes(sent.lines().stream().map(ClaimLine::code).toList()))) continue;
            if (c.patientBirthDate() != null && encounters.find(sent.encounterId())
                    .map(e -> !c.patientBirthDate().equals(e.patientBirthDate())).orElse(false)) continue;
            return List.of(Finding.warning(ID, Owner.BILLER, "claim", "Claim " + sent.id() + " for the same patient, provider, date of service "
                    + c.dateOfService() + " and codes " + String.join(", ", codes) + " was already sent (" + sent.status().name().toLowerCase(Locale.ROOT)
                    + "): if it is the same service do not bill it twice (send a corrected claim for that one instead)"));
        }
        return List.of();
    }

    private static List<String> codes(List<String> codes) {
        return codes.stream().filter(Objects::nonNull).map(x -> x.trim().toUpperCase(Locale.ROOT)).sorted().toList();
    }
}
