package com.claimflow.remittance;

import com.claimflow.x12.X12Issue;
import java.util.List;

/**
 * What receiving one inbound file did, as the API answers and the file's record keeps it. {@code status}:
 * PROCESSED (every claim in it was taken or is listed in {@code errors}), DUPLICATE (received before, nothing done),
 * REFUSED (the file as a whole is wrong, nothing done; the errors name the segments), FAILED (processing stopped; for an
 * 835 nothing was posted). {@code rejections}: a 277CA's rejections above the claims (provider, whole file).
 */
public record InboundResult(long fileId, String status, String transactionType, String senderId, String interchangeControlNumber,
                            Long duplicateOf, Counts counts, List<Problem> errors, List<Rejection> rejections) {

    public static final int MAX_ERRORS_LISTED = 200;

    public InboundResult {
        rejections = rejections == null ? List.of() : List.copyOf(rejections);
    }

    /** A result without rejections above the claims (every file but a 277CA that has them). */
    public InboundResult(long fileId, String status, String transactionType, String senderId, String interchangeControlNumber,
                         Long duplicateOf, Counts counts, List<Problem> errors) {
        this(fileId, status, transactionType, senderId, interchangeControlNumber, duplicateOf, counts, errors, List.of());
    }

    /**
     * A 277CA rejection above the claims: of the information receiver ({@code level} 2000B, the whole file) or of a
     * billing provider (2000C); the STC codes ({@code category:status:entity description}); {@code claimsUnder} the
     * claims the file lists under it (each answered on its own); {@code biller task} raised when none is.
     */
    public record Rejection(int segment, String level, String entityName, String entityId, String statuses, int claimsUnder, boolean billerTask) {
    }

    /** Claims in the file; matched to a claim of ours; accepted / rejected (999, 277CA); posted (835); unmatched; duplicates (taken before). */
    public record Counts(int claims, int matched, int accepted, int rejected, int posted, int unmatched, int duplicates, int failed) {
        public static Counts none() {
            return new Counts(0, 0, 0, 0, 0, 0, 0, 0);
        }
    }

    /** One error: segment number in the file (ISA is 1), segment id, element, and what is wrong. */
    public record Problem(int segment, String segmentId, String element, String message) {
        public static Problem of(X12Issue i) {
            return new Problem(i.segmentNumber(), i.segmentId(), i.element(), (i.loop() == null ? "" : "loop " + i.loop() + ": ") + i.message());
        }
    }
}
