package com.claimflow.intake;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What intake needs to open an encounter: the body of {@code POST /api/encounters}. An INSTITUTIONAL encounter
 * carries {@code institutional} (the UB-04 data: type of bill, admission, patient status, revenue codes); a referring
 * provider who is not on file carries {@code referringProviderName} ("Last, First"), as the 837 must name them. The
 * patient's insurance is either {@code coverage} (one primary, the patient its subscriber) or {@code coverages} (up to
 * three in payer order, each with its subscriber).
 * {@link EncounterService#open} checks the codes and tells which field is missing or wrong. String sizes are the columns'
 * widths (db/migration: encounter); text that goes into the 837 keeps out control characters and X12 delimiters; the
 * dates' ranges are {@link InputRules}'.
 */
public record EncounterRequest(
        @NotBlank @Size(max = 64) @Pattern(regexp = InputRules.X12_TEXT, message = InputRules.X12_TEXT_MESSAGE) String externalId,
        @NotNull @Valid Patient patient,
        @Valid Coverage coverage,
        @NotBlank @Pattern(regexp = "\\d{10}", message = "must be 10 digits") String billingProviderNpi,
        @Pattern(regexp = "\\d{10}", message = "must be 10 digits") String renderingProviderNpi,
        @Pattern(regexp = "\\d{10}", message = "must be 10 digits") String referringProviderNpi,
        @Size(max = 50) @Pattern(regexp = InputRules.X12_TEXT, message = InputRules.X12_TEXT_MESSAGE) String priorAuthorization,
        @NotNull LocalDate dateOfService,
        @NotBlank @Pattern(regexp = "0[1-9]|[1-9]\\d", message = "must be a CMS place-of-service code, 01 to 99 (00 is not assigned)") String placeOfService,
        @Pattern(regexp = "PROFESSIONAL|INSTITUTIONAL", message = "must be PROFESSIONAL or INSTITUTIONAL") String claimType,
        @Size(max = 100_000) @Pattern(regexp = InputRules.FREE_TEXT, message = InputRules.FREE_TEXT_MESSAGE) String documentation,
        @Size(max = 100) @Pattern(regexp = InputRules.X12_TEXT, message = InputRules.X12_TEXT_MESSAGE) String referringProviderName,
        @Valid Institutional institutional,
        @Size(max = 3, message = "at most three coverages: primary, secondary and tertiary") List<@Valid @NotNull Insurance> coverages) {

    /** An encounter with one coverage, the patient its subscriber ({@code coverage}). */
    public EncounterRequest(String externalId, Patient patient, Coverage coverage, String billingProviderNpi, String renderingProviderNpi,
                            String referringProviderNpi, String priorAuthorization, LocalDate dateOfService, String placeOfService,
                            String claimType, String documentation, String referringProviderName, Institutional institutional) {
        this(externalId, patient, coverage, billingProviderNpi, renderingProviderNpi, referringProviderNpi, priorAuthorization, dateOfService,
                placeOfService, claimType, documentation, referringProviderName, institutional, null);
    }

    /**
     * The encounter's coverages as given: {@code coverages}, else the single {@code coverage} as the primary with the
     * patient as subscriber (either may be given, not both: {@link EncounterService#open} refuses that).
     */
    public List<Insurance> insurances() {
        if (coverages != null && !coverages.isEmpty()) return coverages;
        return coverage == null ? List.of() : List.of(new Insurance(1, coverage.payerId(), coverage.memberId(), null, CoverageOnFile.SELF, null));
    }

    /** A professional encounter (no institutional data), its referring provider, if any, on file. */
    public EncounterRequest(String externalId, Patient patient, Coverage coverage, String billingProviderNpi, String renderingProviderNpi,
                            String referringProviderNpi, String priorAuthorization, LocalDate dateOfService, String placeOfService,
                            String claimType, String documentation) {
        this(externalId, patient, coverage, billingProviderNpi, renderingProviderNpi, referringProviderNpi, priorAuthorization, dateOfService,
                placeOfService, claimType, documentation, null, null);
    }

    /**
     * The UB-04 data of an institutional encounter, NUBC codes: {@code facilityTypeCode} is the type of bill's facility
     * type and classification (e.g. 13 hospital outpatient, 11 hospital inpatient; the claim adds the frequency);
     * {@code admittedAt} the admission date and hour (required on inpatient and home health bills); {@code
     * admissionType}, {@code admissionSource} (point of origin) and {@code patientStatus} (discharge status) go to CL1;
     * {@code revenueCode} is the revenue code of every service line unless {@code revenueCodes} maps its procedure
     * code to another (e.g. {"36415": "0300"}). The 837I's "required when" data (005010X223A2 loop 2300):
     * {@code admittingDiagnosis} on inpatient bills (HI*ABJ), {@code reasonForVisit} on unscheduled outpatient visits
     * (HI*APR, up to three) and {@code dischargedAt} when an inpatient left (DTP*096, on the date of service).
     */
    public record Institutional(
            @Size(max = 2) String facilityTypeCode,
            LocalDateTime admittedAt,
            @Size(max = 1) String admissionType,
            @Size(max = 1) String admissionSource,
            @Size(max = 2) String patientStatus,
            @Size(max = 4) String revenueCode,
            @Size(max = 50) Map<String, String> revenueCodes,
            @Pattern(regexp = "[A-Za-z][0-9][0-9A-Za-z]\\.?[0-9A-Za-z]{0,4}", message = "must be an ICD-10-CM code, e.g. R07.9") String admittingDiagnosis,
            @Size(max = 3, message = "at most three reasons for the visit (837I HI*APR)")
            List<@Pattern(regexp = "[A-Za-z][0-9][0-9A-Za-z]\\.?[0-9A-Za-z]{0,4}", message = "must be an ICD-10-CM code, e.g. R07.9") String> reasonForVisit,
            LocalDateTime dischargedAt) {

        /** Without admitting diagnosis, reasons for the visit or discharge (an outpatient visit that needs none of them). */
        public Institutional(String facilityTypeCode, LocalDateTime admittedAt, String admissionType, String admissionSource, String patientStatus,
                             String revenueCode, Map<String, String> revenueCodes) {
            this(facilityTypeCode, admittedAt, admissionType, admissionSource, patientStatus, revenueCode, revenueCodes, null, null, null);
        }
    }

    /**
     * One coverage: {@code order} 1 primary, 2 secondary, 3 tertiary; {@code relationship} the patient's relationship
     * to the subscriber (X12 individual relationship code: 18 self, the default; 01 spouse, 19 child, 20 employee, 21
     * unknown, 39 organ donor, 40 cadaver donor, 53 life partner, G8 other), and the {@code subscriber} when it is not
     * the patient.
     */
    public record Insurance(
            @NotNull @jakarta.validation.constraints.Min(value = 1, message = "must be 1 (primary), 2 (secondary) or 3 (tertiary)")
            @jakarta.validation.constraints.Max(value = 3, message = "must be 1 (primary), 2 (secondary) or 3 (tertiary)") Integer order,
            @NotBlank @Size(max = 20) @Pattern(regexp = InputRules.X12_TEXT, message = InputRules.X12_TEXT_MESSAGE) String payerId,
            @Size(max = 40) @Pattern(regexp = InputRules.X12_TEXT, message = InputRules.X12_TEXT_MESSAGE) String memberId,
            @Size(max = 50) @Pattern(regexp = InputRules.X12_TEXT, message = InputRules.X12_TEXT_MESSAGE) String groupNumber,
            @Pattern(regexp = "18|01|19|20|21|39|40|53|G8", message = "must be an X12 individual relationship code: 18 self, 01 spouse, "
                    + "19 child, 20 employee, 21 unknown, 39 organ donor, 40 cadaver donor, 53 life partner, G8 other") String relationship,
            @Valid Subscriber subscriber) {
    }

    /**
     * The patient; {@code address} is where statements go (optional at intake, required before the first statement) and
     * what the 837 sends for the patient; {@code phone} ten digits.
     */
    public record Patient(
            @NotBlank @Size(max = 60) @Pattern(regexp = InputRules.X12_TEXT, message = InputRules.X12_TEXT_MESSAGE) String firstName,
            @NotBlank @Size(max = 60) @Pattern(regexp = InputRules.X12_TEXT, message = InputRules.X12_TEXT_MESSAGE) String lastName,
            @NotNull LocalDate birthDate,
            @NotBlank @Pattern(regexp = "[MFUmfu]", message = "must be M, F or U") String sex,
            @Valid Address address,
            @Pattern(regexp = "\\d{10}", message = "must be the ten-digit phone number, digits only, e.g. 6145550123") String phone) {

        public Patient(String firstName, String lastName, LocalDate birthDate, String sex) {
            this(firstName, lastName, birthDate, sex, null, null);
        }

        public Patient(String firstName, String lastName, LocalDate birthDate, String sex, Address address) {
            this(firstName, lastName, birthDate, sex, address, null);
        }
    }

    /** A US mailing address, sized as the 837's N3/N4 elements (55, 30, 2, 5 or 9). */
    public record Address(
            @NotBlank @Size(max = 55) @Pattern(regexp = InputRules.X12_TEXT, message = InputRules.X12_TEXT_MESSAGE) String line1,
            @Size(max = 55) @Pattern(regexp = InputRules.X12_TEXT, message = InputRules.X12_TEXT_MESSAGE) String line2,
            @NotBlank @Size(max = 30) @Pattern(regexp = InputRules.X12_TEXT, message = InputRules.X12_TEXT_MESSAGE) String city,
            @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be the two-letter state code, e.g. OH") String state,
            @NotBlank @Pattern(regexp = "\\d{5}(\\d{4})?", message = "must be a ZIP code of 5 or 9 digits, e.g. 43215") String postalCode) {

        /** The address as it is printed on an envelope, one line each. */
        public List<String> lines() {
            List<String> lines = new ArrayList<>();
            lines.add(line1);
            if (line2 != null && !line2.isBlank()) lines.add(line2);
            lines.add(city + ", " + state + " " + (postalCode.length() == 9 ? postalCode.substring(0, 5) + "-" + postalCode.substring(5) : postalCode));
            return lines;
        }
    }

    /** The single primary coverage whose subscriber is the patient (see {@code coverages} for more). */
    public record Coverage(
            @NotBlank @Size(max = 20) @Pattern(regexp = InputRules.X12_TEXT, message = InputRules.X12_TEXT_MESSAGE) String payerId,
            @Size(max = 40) @Pattern(regexp = InputRules.X12_TEXT, message = InputRules.X12_TEXT_MESSAGE) String memberId) {
    }
}
