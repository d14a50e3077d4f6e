package com.claimflow.eligibility;

import java.time.LocalDate;

/**
 * What a 270 (005010X279A1) asks: is this subscriber (2100C), or this dependent of theirs (2100D), covered by this payer
 * (2100A) for health benefit plan coverage (EQ01 30) on this date of service, as asked by this provider (2100B)? The
 * caller fills it from the encounter's coverage: today the patient is the subscriber ({@code dependent} null).
 *
 * @param subscriberSex M, F or U (DMG03)
 * @param dependent the patient when they are not the subscriber (2000D), else null
 */
public record EligibilityInquiry(String subscriberLastName, String subscriberFirstName, LocalDate subscriberBirthDate, String subscriberSex,
                                 String memberId, String payerId, String payerName, String providerNpi, String providerName,
                                 LocalDate dateOfService, Dependent dependent) {

    /** The patient when not the subscriber; {@code relationship} is the INS02 individual relationship code (01 spouse, 19 child, G8 other). */
    public record Dependent(String lastName, String firstName, LocalDate birthDate, String sex, String relationship) {
    }
}
