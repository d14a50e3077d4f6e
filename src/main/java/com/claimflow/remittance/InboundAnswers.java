package com.claimflow.remittance;

import java.io.InputStream;

/**
 * A reader of payer answers that another module owns (the 271 eligibility response, the 277 claim status response):
 * {@link InboundFiles} stores and records the file, refuses a duplicate, then hands the content to the reader of its
 * transaction type. Like the 999, 277CA and 835 readers, it never throws for a bad file: what it cannot read or match
 * becomes the result's errors, naming the segment.
 */
public interface InboundAnswers {
    /** The transaction type it reads, as the file's record names it: "271", or "277" for the X212 claim status response. */
    String transactionType();

    InboundResult read(long fileId, String senderId, String interchangeControlNumber, InputStream content);
}
