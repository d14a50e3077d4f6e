package com.claimflow.collections;

import java.math.BigDecimal;

/** A biller's resolution of a credit balance, checked against the account: where it goes and how much. */
public record Refund(long encounterId, RefundTo to, BigDecimal amount, Long targetEncounterId) {
}
