package com.claimflow.scrub;

import com.claimflow.claim.Claim;
import com.claimflow.intake.Encounter;
import com.claimflow.reference.Payer;
import com.claimflow.reference.ReferenceService;
import java.time.LocalDate;

/** What the edits look at: the claim, its encounter (patient), its payer, reference data, and the day of the scrub. */
public record ScrubSubject(Claim claim, Encounter encounter, Payer payer, ReferenceService reference, LocalDate today) {
}
