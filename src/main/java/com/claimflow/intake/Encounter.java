package com.claimflow.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One patient visit, as other modules see it: the unit of work that becomes one process instance and, in the end,
 * money. A snapshot: intake alone changes the encounter, through {@link EncounterService}.
 *
 * @param revenueCodes revenue codes by procedure code where they differ from {@code revenueCode} (institutional)
 * @param patientAddress the patient's mailing address, null when intake was given none
 * @param reasonForVisit the patient's reasons for an unscheduled outpatient visit, ICD-10-CM (institutional, 837I HI*APR)
 * @param dischargedAt the discharge date and hour of an inpatient stay (837I DTP*096), null while unknown
 * @param coverages the coverages in payer order; an encounter opened before coverages were kept has one, the primary
 *                  from {@code payerId}/{@code memberId} with the patient as subscriber
 */
public record Encounter(Long id, String externalId, String patientFirstName, String patientLastName, LocalDate patientBirthDate,
                        String patientSex, String memberId, String payerId, String billingNpi, String renderingNpi, String referringNpi,
                        String priorAuthorization, LocalDate dateOfService, String placeOfService, String claimType, String documentation,
                        String referringName, String facilityTypeCode, LocalDateTime admittedAt, String admissionType,
                        String admissionSource, String patientStatus, String revenueCode, Map<String, String> revenueCodes,
                        String processInstanceId, Instant createdAt, String patientPhone, EncounterRequest.Address patientAddress,
                        String admittingDiagnosis, List<String> reasonForVisit, LocalDateTime dischargedAt, List<CoverageOnFile> coverages) {

    public Encounter {
        revenueCodes = revenueCodes == null ? Map.of() : Map.copyOf(revenueCodes);
        reasonForVisit = reasonForVisit == null ? List.of() : List.copyOf(reasonForVisit);
        coverages = coverages == null || coverages.isEmpty()
                ? List.of(new CoverageOnFile(CoverageOnFile.PRIMARY, payerId, memberId, null, CoverageOnFile.SELF, null))
                : coverages.stream().sorted(Comparator.comparingInt(CoverageOnFile::order)).toList();
    }

    /** The coverage of that order (1 primary, 2 secondary, 3 tertiary), if the patient has it. */
    public Optional<CoverageOnFile> coverage(int order) {
        return coverages.stream().filter(c -> c.order() == order).findFirst();
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
