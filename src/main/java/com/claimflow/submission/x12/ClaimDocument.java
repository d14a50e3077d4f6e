package com.claimflow.submission.x12;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * What an 837 says about one claim, independent of the entities it was built from (so the writer can be tested and
 * benchmarked alone). Professional claims carry a place of service and SV1 lines; institutional claims a facility
 * type code in {@code placeOfService} (with {@code frequencyCode} the type of bill), statement dates, the admission
 * ({@link Institutional}) and SV2 lines with revenue codes. {@code referring} is the referring provider (2310A on an
 * 837P, 2310F on an 837I), null when nobody referred the patient. {@code timelyFiling} is null unless a biller recorded
 * proof of timely filing.
 */
public record ClaimDocument(
        Kind kind,
        String patientControlNumber,
        BigDecimal totalCharge,
        String placeOfService,
        String frequencyCode,
        String originalPayerClaimNumber,
        String priorAuthorization,
        Organization billing,
        Person subscriber,
        PayerRef payer,
        String claimFilingCode,
        Person rendering,
        Person attending,
        Person referring,
        List<String> diagnoses,
        List<Line> lines,
        LocalDate statementFrom,
        LocalDate statementTo,
        Institutional institutional,
        TimelyFiling timelyFiling) {

    /** A claim with no proof of timely filing. */
    public ClaimDocument(Kind kind, String patientControlNumber, BigDecimal totalCharge, String placeOfService, String frequencyCode,
                         String originalPayerClaimNumber, String priorAuthorization, Organization billing, Person subscriber, PayerRef payer,
                         String claimFilingCode, Person rendering, Person attending, Person referring, List<String> diagnoses, List<Line> lines,
                         LocalDate statementFrom, LocalDate statementTo, Institutional institutional) {
        this(kind, patientControlNumber, totalCharge, placeOfService, frequencyCode, originalPayerClaimNumber, priorAuthorization, billing,
                subscriber, payer, claimFilingCode, rendering, attending, referring, diagnoses, lines, statementFrom, statementTo, institutional, null);
    }

    /**
     * Proof of timely filing, sent as the delay reason code (CLM20) and a 2300 note (NTE*ADD) with the first submission's
     * date and reference, where payers look for it.
     */
    public record TimelyFiling(String delayReasonCode, LocalDate originalSubmission, String reference) {
    }

    public enum Kind {
        PROFESSIONAL("005010X222A1"), INSTITUTIONAL("005010X223A2");

        public final String version;

        Kind(String version) {
            this.version = version;
        }
    }

    public record Organization(String name, String npi, String taxId, String taxonomy, String address, String city, String state, String zip) {
    }

    /** A person: subscriber (member id, birth date, sex) or a provider (NPI, taxonomy). */
    public record Person(String lastName, String firstName, String id, LocalDate birthDate, String sex, String taxonomy) {
    }

    public record PayerRef(String name, String id) {
    }

    /**
     * The UB-04 data of an institutional claim: admission date and hour (sent on inpatient and home health bills only),
     * admission type (CL101), point of origin (CL102) and patient status (CL103), all NUBC codes.
     */
    public record Institutional(LocalDateTime admittedAt, String admissionType, String admissionSource, String patientStatus) {
    }

    /** A service line; {@code revenueCode} only on institutional claims. */
    public record Line(String code, List<String> modifiers, int units, BigDecimal charge, List<Integer> pointers, LocalDate dateOfService,
                       String revenueCode) {
    }
}
