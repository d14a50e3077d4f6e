package com.claimflow.scrub;

import com.claimflow.reference.Payer;
import com.claimflow.reference.ReferenceService;
import java.time.LocalDate;

/** What the edits look at: the claim with its patient, its payer, reference data, and the day of the scrub. */
public record ScrubSubject(ClaimSnapshot claim, Payer payer, ReferenceService reference, LocalDate today) {
}
