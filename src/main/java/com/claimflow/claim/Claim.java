package com.claimflow.claim;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One version of the claim for an encounter, as other modules see it. Version 1 is the original (frequency code 1); a
 * corrected claim after a denial is a new version with frequency code 7 that replaces it. A snapshot: the claim
 * module alone changes a claim, through {@link ClaimService}. The claim carries the encounter's billing facts (payer,
 * member id, providers, date and place of service) as they were billed.
 */
public record Claim(Long id, Long encounterId, int version, String frequencyCode, String claimType, ClaimStatus status, String payerId,
                    String memberId, String billingNpi, String renderingNpi, String referringNpi, String priorAuthorization,
                    String placeOfService, LocalDate dateOfService, List<String> diagnoses, List<ClaimLine> lines, BigDecimal totalCharge,
                    String payerClaimNumber, Instant createdAt, Instant updatedAt) {
    public Claim {
        diagnoses = List.copyOf(diagnoses);
        lines = List.copyOf(lines);
    }

    /** See {@link ClaimStatus#isDraft()}. */
    public boolean isDraft() {
        return status.isDraft();
    }
}
