package com.claimflow.remittance.x12;

import com.claimflow.remittance.x12.ClaimStatus277.Status;
import com.claimflow.x12.X12Issue;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a 277 claim status response (005010X212) says about each claim asked about (2200D subscriber or 2200E
 * dependent claim status tracking): our trace number (TRN02, echoing the 276's TRN*1), the patient control number
 * (REF*EJ), the payer's claim number (REF*1K), every claim-level STC status, and from the first STC the amounts and
 * the adjudication date. Unlike the 277CA (X214), it answers an inquiry, not a claim file.
 */
public record ClaimStatusResponse277(List<Answer> claims, List<X12Issue> issues) {

    /**
     * One claim's status. {@code charge} STC04, {@code paid} STC05, {@code finalizedOn} STC06, {@code checkNumber} STC09.
     */
    public record Answer(int segmentNumber, String loop, String traceNumber, String patientControlNumber, String payerClaimNumber,
                         List<Status> statuses, BigDecimal charge, BigDecimal paid, LocalDate finalizedOn, String checkNumber) {
        public Answer {
            statuses = List.copyOf(statuses);
        }

        /** STC01-1 of the first status: the category that decides what happens next (P pending, F finalized, A4/D0 not found...). */
        public String category() {
            return statuses.isEmpty() ? "" : statuses.get(0).category();
        }

        public String reason() {
            return String.join("; ", statuses.stream().map(Status::toString).toList());
        }
    }
}
