package com.claimflow.claim;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One version of the claim for an encounter, as other modules see it. Version 1 is the original (frequency code 1); a
 * corrected claim after a denial is a new version with frequency code 7 that replaces it. A snapshot: the claim
 * module alone changes a claim, through {@link ClaimService}. The claim carries the encounter's billing facts (payer,
 * member id, providers, date and place of service) as they were billed. {@code linesEditedBy} is who corrected the lines
 * by hand (null: built from the coding); {@code timelyFilingProof} is the proof of timely filing on file (or null);
 * {@code voidReason} says why a void (frequency 8) was sent. {@code coverageOrder} is the coverage the claim is billed to:
 * 1 primary, 2 secondary, 3 tertiary (coordination of benefits; a later payer's claim carries what the earlier ones
 * decided, {@link ClaimService#otherPayersOf}).
 */
public record Claim(Long id, Long encounterId, int version, String frequencyCode, String claimType, ClaimStatus status, String payerId,
                    String memberId, String billingNpi, String renderingNpi, String referringNpi, String priorAuthorization,
                    String placeOfService, LocalDate dateOfService, List<String> diagnoses, List<ClaimLine> lines, BigDecimal totalCharge,
                    String payerClaimNumber, Instant createdAt, Instant updatedAt, String linesEditedBy, TimelyFilingProof timelyFilingProof,
                    String voidReason, int coverageOrder) {
    public Claim {
        diagnoses = List.copyOf(diagnoses);
        lines = List.copyOf(lines);
    }

    /**
     * Proof that the claim was first sent in time: the original submission's date and the payer's or clearinghouse's
     * reference for it, and the CLM20 delay reason code the 837 carries (e.g. 7 third-party processing delay, 11 other).
     */
    public record TimelyFilingProof(LocalDate originalSubmission, String reference, String delayReasonCode) {
        /**
         * The X12 claim delay reason codes (837 CLM20), in the product's own short words; the list is the X12 code list
         * "Delay Reason Code" (x12.org/codes).
         */
        public static final java.util.Map<String, String> DELAY_REASONS = java.util.Map.ofEntries(
                java.util.Map.entry("1", "proof of eligibility unknown or unavailable"), java.util.Map.entry("2", "litigation"),
                java.util.Map.entry("3", "authorization delays"), java.util.Map.entry("4", "delay in certifying the provider"),
                java.util.Map.entry("5", "delay in supplying billing forms"), java.util.Map.entry("6", "delay in delivery of custom-made appliances"),
                java.util.Map.entry("7", "third-party processing delay"), java.util.Map.entry("8", "delay in eligibility determination"),
                java.util.Map.entry("9", "original claim rejected or denied for a reason unrelated to the filing limit"),
                java.util.Map.entry("10", "administrative delay in the prior approval process"), java.util.Map.entry("11", "other"),
                java.util.Map.entry("15", "natural disaster"));
    }

    /** The 837's payer responsibility sequence (SBR01) of this claim's payer: P primary, S secondary, T tertiary. */
    public String payerResponsibility() {
        return responsibility(coverageOrder);
    }

    /** SBR01 for a coverage order: P, S or T (X12 005010 837 2000B/2320 SBR01). */
    public static String responsibility(int coverageOrder) {
        return switch (coverageOrder) {
            case 1 -> "P";
            case 2 -> "S";
            case 3 -> "T";
            default -> throw new IllegalArgumentException("coverage order " + coverageOrder + " is not 1, 2 or 3");
        };
    }

    /** See {@link ClaimStatus#isDraft()}. */
    public boolean isDraft() {
        return status.isDraft();
    }
}
