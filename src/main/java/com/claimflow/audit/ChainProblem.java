package com.claimflow.audit;

/** One place where the audit chain does not hold: what is wrong, at which seq and row id (either may be null), in words. */
public record ChainProblem(Kind kind, Long seq, Long id, String message) {

    public enum Kind {
        /** The row's content, id or MAC differs from what was sealed. */
        ALTERED,
        /** Sealed rows are missing from the middle of the chain: deleted. */
        MISSING,
        /** The last sealed rows are missing: deleted from the end. */
        TRUNCATED,
        /** A row the sealer did not seal sits in the chain. */
        INSERTED,
        /** A sealed row was moved to another place in the chain. */
        OUT_OF_ORDER,
        /** Two rows claim the same place in the chain. */
        DUPLICATE_SEQ,
        /** The row's writer's MAC does not match: written or changed without the key before it was sealed. */
        FORGED,
        /** The chain's head does not match its MAC: set back, or the key changed. */
        HEAD_ALTERED,
        /** A row has waited longer than the bound to be sealed: the sealer is not running or fails. */
        UNSEALED
    }
}
