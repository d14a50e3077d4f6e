package com.claimflow.claimstatus;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One 276 sent for a claim and every 277 answer received for it, as the encounter page and the follow-up task show
 * them. {@code status}: SENT (waiting), ANSWERED, NO_ANSWER (the wait ended).
 */
public record ClaimStatusCheck(long id, long claimId, int claimVersion, String payerId, String traceNumber, String fileName, Instant sentAt,
                               String status, List<Reply> replies) {
    public ClaimStatusCheck {
        replies = List.copyOf(replies);
    }

    /** A 277 claim status: file and segment, STC category and statuses, what it decided. */
    public record Reply(long fileId, int segment, Instant receivedAt, String category, String statuses, String payerClaimNumber,
                        BigDecimal paid, LocalDate finalizedOn, String checkNumber, String action, String reason) {
    }
}
