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
 * proof of timely filing. {@code subscriber} is the insured person (2010BA) and {@code insured} says which coverage the
 * claim goes to and whether the patient is someone else (2000C/2010CA). {@code otherPayers} are the earlier payers of a
 * secondary or tertiary claim with what each decided (2320/2330/2430, {@link OtherPayerLoops}); empty for a primary claim.
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
        TimelyFiling timelyFiling,
        Insured insured,
        List<OtherPayer> otherPayers) {

    public ClaimDocument {
        if (insured == null) insured = Insured.PRIMARY_SELF;
        otherPayers = otherPayers == null ? List.of() : List.copyOf(otherPayers);
    }

    /** A claim with no earlier payer (primary). */
    public ClaimDocument(Kind kind, String patientControlNumber, BigDecimal totalCharge, String placeOfService, String frequencyCode,
                         String originalPayerClaimNumber, String priorAuthorization, Organization billing, Person subscriber, PayerRef payer,
                         String claimFilingCode, Person rendering, Person attending, Person referring, List<String> diagnoses, List<Line> lines,
                         LocalDate statementFrom, LocalDate statementTo, Institutional institutional, TimelyFiling timelyFiling, Insured insured) {
        this(kind, patientControlNumber, totalCharge, placeOfService, frequencyCode, originalPayerClaimNumber, priorAuthorization, billing,
                subscriber, payer, claimFilingCode, rendering, attending, referring, diagnoses, lines, statementFrom, statementTo, institutional,
                timelyFiling, insured, List.of());
    }

    /** A claim to the primary payer whose subscriber is the patient, with proof of timely filing or none. */
    public ClaimDocument(Kind kind, String patientControlNumber, BigDecimal totalCharge, String placeOfService, String frequencyCode,
                         String originalPayerClaimNumber, String priorAuthorization, Organization billing, Person subscriber, PayerRef payer,
                         String claimFilingCode, Person rendering, Person attending, Person referring, List<String> diagnoses, List<Line> lines,
                         LocalDate statementFrom, LocalDate statementTo, Institutional institutional, TimelyFiling timelyFiling) {
        this(kind, patientControlNumber, totalCharge, placeOfService, frequencyCode, originalPayerClaimNumber, priorAuthorization, billing,
                subscriber, payer, claimFilingCode, rendering, attending, referring, diagnoses, lines, statementFrom, statementTo, institutional,
                timelyFiling, null);
    }

    /** A claim with no proof of timely filing. */
    public ClaimDocument(Kind kind, String patientControlNumber, BigDecimal totalCharge, String placeOfService, String frequencyCode,
                         String originalPayerClaimNumber, String priorAuthorization, Organization billing, Person subscriber, PayerRef payer,
                         String claimFilingCode, Person rendering, Person attending, Person referring, List<String> diagnoses, List<Line> lines,
                         LocalDate statementFrom, LocalDate statementTo, Institutional institutional) {
        this(kind, patientControlNumber, totalCharge, placeOfService, frequencyCode, originalPayerClaimNumber, priorAuthorization, billing,
                subscriber, payer, claimFilingCode, rendering, attending, referring, diagnoses, lines, statementFrom, statementTo, institutional, null,
                null);
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

    /** The claim as it goes to another payer or for another patient; the rest stays. */
    public ClaimDocument with(Insured other, Person otherSubscriber, PayerRef otherPayer) {
        return new ClaimDocument(kind, patientControlNumber, totalCharge, placeOfService, frequencyCode, originalPayerClaimNumber,
                priorAuthorization, billing, otherSubscriber, otherPayer, claimFilingCode, rendering, attending, referring, diagnoses, lines,
                statementFrom, statementTo, institutional, timelyFiling, other, otherPayers);
    }

    /** The same claim with earlier payers' adjudications (a secondary or tertiary claim). */
    public ClaimDocument withOtherPayers(List<OtherPayer> earlier) {
        return new ClaimDocument(kind, patientControlNumber, totalCharge, placeOfService, frequencyCode, originalPayerClaimNumber,
                priorAuthorization, billing, subscriber, payer, claimFilingCode, rendering, attending, referring, diagnoses, lines,
                statementFrom, statementTo, institutional, timelyFiling, insured, earlier);
    }

    /**
     * Which coverage the claim goes to and who the patient is to its subscriber. {@code coverageOrder} 1, 2, 3 is the
     * payer responsibility SBR01 P, S, T; {@code relationship} the X12 individual relationship code (18 self, then
     * {@code patient} is null and SBR02 says 18; else PAT01 in 2000C); {@code groupNumber} SBR03;
     * {@code subscriberAddress} 2010BA N3/N4 and {@code patientAddress} 2010CA N3/N4.
     */
    public record Insured(int coverageOrder, String relationship, String groupNumber, Address subscriberAddress, Person patient,
                          Address patientAddress) {
        public static final String SELF = "18";
        public static final Insured PRIMARY_SELF = new Insured(1, SELF, null, null, null, null);
        /** SBR01 by coverage order: P, S, T for the first three payers, then A to H for the fourth to the eleventh (X12 code list 1138). */
        private static final String RESPONSIBILITY = "PSTABCDEFGH";

        public Insured {
            if (relationship == null) relationship = SELF;
            if (coverageOrder < 1 || coverageOrder > RESPONSIBILITY.length()) {
                throw new IllegalArgumentException("coverage order " + coverageOrder + " is not 1 to " + RESPONSIBILITY.length());
            }
        }

        /** The patient is the subscriber of this coverage: SBR02 18, no 2000C level. */
        public boolean patientIsSubscriber() {
            return SELF.equals(relationship);
        }

        /** SBR01 payer responsibility sequence number code. */
        public String payerResponsibility() {
            return String.valueOf(RESPONSIBILITY.charAt(coverageOrder - 1));
        }
    }

    /** A mailing address as N3/N4 send it: street lines, city, state code and 5 or 9 digit ZIP code. */
    public record Address(String line1, String line2, String city, String state, String zip) {
    }

    /** A person: subscriber (member id, birth date, sex) or a provider (NPI, taxonomy). */
    public record Person(String lastName, String firstName, String id, LocalDate birthDate, String sex, String taxonomy) {
    }

    public record PayerRef(String name, String id) {
    }

    /**
     * The UB-04 data of an institutional claim: admission date and hour (sent on inpatient and home health bills only),
     * admission type (CL101), point of origin (CL102) and patient status (CL103), all NUBC codes; the admitting diagnosis
     * (HI*ABJ, inpatient), the patient's reasons for an unscheduled outpatient visit (HI*APR) and the discharge (DTP*096,
     * final inpatient bills).
     */
    public record Institutional(LocalDateTime admittedAt, String admissionType, String admissionSource, String patientStatus,
                                String admittingDiagnosis, List<String> reasonForVisit, LocalDateTime dischargedAt) {
        public Institutional {
            reasonForVisit = reasonForVisit == null ? List.of() : List.copyOf(reasonForVisit);
        }

        public Institutional(LocalDateTime admittedAt, String admissionType, String admissionSource, String patientStatus) {
            this(admittedAt, admissionType, admissionSource, patientStatus, null, null, null);
        }
    }

    /** A service line; {@code revenueCode} only on institutional claims. */
    public record Line(String code, List<String> modifiers, int units, BigDecimal charge, List<Integer> pointers, LocalDate dateOfService,
                       String revenueCode) {
    }
}
