package com.claimflow.remittance;

import java.math.BigDecimal;

/** What posting one claim payment did: {@code duplicate} when it had been posted before and nothing was posted now. */
public record PostingResult(boolean duplicate, String outcome, BigDecimal patientBalance) {
}
