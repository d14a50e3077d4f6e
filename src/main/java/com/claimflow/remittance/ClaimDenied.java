package com.claimflow.remittance;

/** Published inside the posting transaction when a payer denies a claim. */
public record ClaimDenied(long claimId, long encounterId, String carcGroup, String carc, String rarc) {
}
