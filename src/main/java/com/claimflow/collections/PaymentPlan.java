package com.claimflow.collections;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A patient's agreement to pay the balance in monthly installments from {@code firstDue}; {@code installmentsDue} counts
 * the due dates checked so far and {@code missed} those the payments did not keep up with.
 */
public record PaymentPlan(long id, long encounterId, BigDecimal monthlyAmount, LocalDate firstDue, LocalDate nextDue, int installmentsDue,
                          int missed, Status status, String agreedBy, Instant agreedAt) {

    public enum Status { ACTIVE, PAID_OFF, CANCELLED }

    /** What checking a due date found: the balance is paid; the payments keep up; when the next due date is checked. */
    public record Check(boolean settled, boolean paid, String nextCheckAt) {
    }
}
