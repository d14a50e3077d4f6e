package com.claimflow.eligibility;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One eligibility inquiry and what the payer answered, as the encounter page and the eligibility task show it.
 * {@code status}: SENT (waiting for the 271), ACTIVE, INACTIVE, REJECTED (AAA), UNKNOWN (a 271 with neither EB nor AAA),
 * NO_ANSWER (the wait ended). {@code coinsurance} is a fraction (0.2 = 20%).
 */
public record EligibilityCheck(long id, long encounterId, String payerId, String memberId, String traceNumber, String fileName, Instant sentAt,
                               String status, Instant answeredAt, Long answerFileId, Integer answerSegment, String plan, String groupNumber,
                               BigDecimal copay, BigDecimal deductible, BigDecimal coinsurance, String benefits, String reason) {
    public boolean waiting() {
        return status.equals("SENT");
    }
}
