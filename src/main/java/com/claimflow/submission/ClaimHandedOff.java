package com.claimflow.submission;

/** Published, inside the hand-off transaction, when a claim file has gone to the clearinghouse. */
public record ClaimHandedOff(long outboxId, long claimId, int claimVersion, String payerId) {
}
