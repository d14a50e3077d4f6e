package com.claimflow.submission;

import com.claimflow.claim.Claim;
import com.claimflow.intake.Encounter;

/**
 * Writes a claim in the format a clearinghouse takes. The seam for X12 837P/837I: an implementation per format,
 * chosen per payer; today's default writes the claim as JSON.
 */
public interface ClaimFileFormat {
    String name();

    String write(Claim claim, Encounter encounter);
}
