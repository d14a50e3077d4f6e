package com.claimflow.submission;

/**
 * Published inside the submitting transaction when a claim's 837 failed validation and was not queued. The claim
 * never leaves; whoever listens turns it into a rejection the biller fixes (like a clearinghouse's front-end edit).
 */
public record ClaimFileNotSent(long refusalId, long claimId, int claimVersion, String reason) {
}
