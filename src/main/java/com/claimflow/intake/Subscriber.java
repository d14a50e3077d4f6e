package com.claimflow.intake;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * The insured person of a coverage when it is not the patient (837 loop 2010BA, with the patient in 2000C/2010CA):
 * name, birth date and sex are required then ({@link EncounterService} says which is missing), the address is sent in
 * N3/N4 when known and {@code memberId} is their id on the card (the coverage's member id when left out).
 */
public record Subscriber(
        @Size(max = 60) @Pattern(regexp = InputRules.X12_TEXT, message = InputRules.X12_TEXT_MESSAGE) String lastName,
        @Size(max = 35) @Pattern(regexp = InputRules.X12_TEXT, message = InputRules.X12_TEXT_MESSAGE) String firstName,
        LocalDate birthDate,
        @Pattern(regexp = "[MFUmfu]", message = "must be M, F or U") String sex,
        @Valid EncounterRequest.Address address,
        @Size(max = 40) @Pattern(regexp = InputRules.X12_TEXT, message = InputRules.X12_TEXT_MESSAGE) String memberId) {

    public String name() {
        return lastName + ", " + firstName;
    }
}
