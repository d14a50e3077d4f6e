package com.claimflow.claimstatus;

/** Published in the sending transaction when a 276 has gone to the clearinghouse (the payer simulator answers it). */
public record ClaimStatusInquirySent(long inquiryId, long claimId, String traceNumber, ClaimStatusInquiry inquiry) {
}
