package com.claimflow.denial;

/** Published inside the transaction that files an appeal with the payer. */
public record AppealSubmitted(long claimId, int level) {
}
