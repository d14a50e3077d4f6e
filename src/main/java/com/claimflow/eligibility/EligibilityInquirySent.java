package com.claimflow.eligibility;

/** Published in the sending transaction when a 270 has gone to the clearinghouse (the payer simulator answers it). */
public record EligibilityInquirySent(long inquiryId, long encounterId, String traceNumber, EligibilityInquiry inquiry) {
}
