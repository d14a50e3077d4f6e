package com.claimflow.reference;

import java.math.BigDecimal;
import java.time.LocalDate;

/** What a payer allows for a code (and modifier, null for any), valid from a date until a date (inclusive) or open-ended. */
public record FeeScheduleEntry(String payerId, String code, String modifier, BigDecimal allowedAmount, LocalDate validFrom, LocalDate validTo) {
}
