package com.claimflow.claimstatus;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What a 276 (005010X212) asks the payer (2100A) about one claim the provider (2100C) sent: its status, found by the
 * subscriber (2100D), our patient control number (REF*EJ, the 837's CLM01), the payer's claim number when it gave one
 * (REF*1K), the total charge (AMT*T3) and the date of service (DTP*472).
 */
public record ClaimStatusInquiry(String payerId, String payerName, String providerNpi, String providerName, String submitterName,
                                 String submitterId, String subscriberLastName, String subscriberFirstName, LocalDate subscriberBirthDate,
                                 String subscriberSex, String memberId, String patientControlNumber, String payerClaimNumber,
                                 BigDecimal totalCharge, LocalDate dateOfService) {
}
