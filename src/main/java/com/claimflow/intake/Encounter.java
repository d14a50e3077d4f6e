package com.claimflow.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.util.Map;

/**
 * One patient visit, as other modules see it: the unit of work that becomes one process instance and, in the end,
 * money. A snapshot: intake alone changes the encounter, through {@link EncounterService}.
 *
 * @param revenueCodes revenue codes by procedure code where they differ from {@code revenueCode} (institutional)
 */
public record Encounter(Long id, String externalId, String patientFirstName, String patientLastName, LocalDate patientBirthDate,
                        String patientSex, String memberId, String payerId, String billingNpi, String renderingNpi, String referringNpi,
                        String priorAuthorization, LocalDate dateOfService, String placeOfService, String claimType, String documentation,
                        String referringName, String facilityTypeCode, LocalDateTime admittedAt, String admissionType,
                        String admissionSource, String patientStatus, String revenueCode, Map<String, String> revenueCodes,
                        String processInstanceId, Instant createdAt) {

    public Encounter {
        revenueCodes = revenueCodes == null ? Map.of() : Map.copyOf(revenueCodes);
    }

    /** TEMPORARY until the coverages branch lands: the primary only. */
    public java.util.List<CoverageOnFile> coverages() {
        return java.util.List.of(new CoverageOnFile(CoverageOnFile.PRIMARY, payerId, memberId, null, CoverageOnFile.SELF, null));
    }

    public java.util.Optional<CoverageOnFile> coverage(int order) {
        return coverages().stream().filter(c -> c.order() == order).findFirst();
    }

    /** The revenue code a service line of this procedure code bills under (institutional encounters), else null. */
    public String revenueCodeFor(String procedureCode) {
        return revenueCodes.getOrDefault(procedureCode, revenueCode);
    }

    public int patientAgeOn(LocalDate date) {
        return Period.between(patientBirthDate, date).getYears();
    }

    public String patientName() {
        return patientLastName + ", " + patientFirstName;
    }
}
