package com.claimflow.intake;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** What intake needs to open an encounter: the body of {@code POST /api/encounters}. */
public record EncounterRequest(
        @NotBlank @Size(max = 64) String externalId,
        @NotNull @Valid Patient patient,
        @NotNull @Valid Coverage coverage,
        @NotBlank @Pattern(regexp = "\\d{10}", message = "must be 10 digits") String billingProviderNpi,
        @Pattern(regexp = "\\d{10}", message = "must be 10 digits") String renderingProviderNpi,
        @Pattern(regexp = "\\d{10}", message = "must be 10 digits") String referringProviderNpi,
        @Size(max = 50) String priorAuthorization,
        @NotNull @PastOrPresent LocalDate dateOfService,
        @NotBlank @Pattern(regexp = "\\d{2}", message = "must be a two-digit place-of-service code") String placeOfService,
        @Pattern(regexp = "PROFESSIONAL|INSTITUTIONAL", message = "must be PROFESSIONAL or INSTITUTIONAL") String claimType,
        @Size(max = 100_000) String documentation) {

    public record Patient(
            @NotBlank @Size(max = 60) String firstName,
            @NotBlank @Size(max = 60) String lastName,
            @NotNull @Past LocalDate birthDate,
            @NotBlank @Pattern(regexp = "[MFUmfu]", message = "must be M, F or U") String sex) {
    }

    public record Coverage(
            @NotBlank @Size(max = 20) String payerId,
            @Size(max = 40) String memberId) {
    }
}
