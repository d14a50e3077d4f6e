package com.claimflow.remittance.inbound;

import com.claimflow.submission.x12.X12Issue;
import java.util.List;

/**
 * What receiving one inbound file did, as the API answers and the file's record keeps it. {@code status}:
 * PROCESSED (every claim in it was taken or is listed in {@code errors}), DUPLICATE (received before, nothing done),
 * REFUSED (the file as a whole is wrong, nothing done; the errors name the segments).
 */
public record InboundResult(long fileId, String status, String transactionType, String senderId, String interchangeControlNumber,
                            Long duplicateOf, Counts counts, List<Problem> errors) {

    public static final int MAX_ERRORS_LISTED = 200;

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
