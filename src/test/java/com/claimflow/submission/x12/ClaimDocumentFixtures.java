package com.claimflow.submission.x12;

import com.claimflow.submission.x12.ClaimDocument.Kind;
import com.claimflow.submission.x12.ClaimDocument.Line;
import com.claimflow.submission.x12.ClaimDocument.Organization;
import com.claimflow.submission.x12.ClaimDocument.PayerRef;
import com.claimflow.submission.x12.ClaimDocument.Person;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** Synthetic claims for writer tests and benchmarks (valid NPIs, made-up people). */
public final class ClaimDocumentFixtures {
    public static final String CLINIC_NPI = "1234567893";
    public static final String ADAMS_NPI = "1987654328";
    public static final String REFERRER_NPI = "112233445" + com.claimflow.reference.Npi.checkDigit("112233445");
    public static final LocalDate DOS = LocalDate.of(2026, 11, 16);
    public static final Person REFERRER = new Person("Carter", "Dana", REFERRER_NPI, null, null, null);

    private ClaimDocumentFixtures() {
    }

    public static Envelope envelope(long control) {
        return new Envelope("ZZ", "CLAIMFLOW", "ZZ", "CLEARINGHOUSE", "ClaimFlow Billing Office", "Billing Office", "2175550100",
                "Clearinghouse", "T", control, LocalDateTime.of(2026, 11, 20, 9, 30));
    }

    public static ClaimDocument professional(String pcn) {
        return new ClaimDocument(Kind.PROFESSIONAL, pcn, new BigDecimal("118.75"), "11", "1", null, "AUTH12345",
                new Organization("Riverside Family Clinic", CLINIC_NPI, "123456789", "261QP2300X", "100 River Rd", "Springfield", "IL", "627011234"),
                new Person("Example", "Robin", "XYZ123456789", LocalDate.of(1980, 2, 29), "F", null),
                new PayerRef("Blue Cross Blue Shield", "BCBS"), "CI",
                new Person("Adams", "Jordan", ADAMS_NPI, null, null, "207Q00000X"), null, null,
                List.of("I10", "E785"),
                List.of(new Line("99213", List.of("25"), 1, new BigDecimal("115.00"), List.of(1, 2), DOS, null),
                        new Line("36415", List.of(), 1, new BigDecimal("3.75"), List.of(1), DOS, null)),
                DOS, DOS, null);
    }

    /** A professional claim for a patient Dr Carter (not on file) referred. */
    public static ClaimDocument referred(String pcn) {
        ClaimDocument c = professional(pcn);
        return new ClaimDocument(c.kind(), pcn, c.totalCharge(), c.placeOfService(), c.frequencyCode(), null, c.priorAuthorization(), c.billing(),
                c.subscriber(), c.payer(), c.claimFilingCode(), c.rendering(), null, REFERRER, c.diagnoses(), c.lines(), DOS, DOS, null);
    }

    public static ClaimDocument replacement(String pcn, String originalPayerClaimNumber) {
        ClaimDocument c = professional(pcn);
        return new ClaimDocument(c.kind(), pcn, c.totalCharge(), c.placeOfService(), "7", originalPayerClaimNumber, null, c.billing(),
                c.subscriber(), c.payer(), c.claimFilingCode(), c.rendering(), null, null, c.diagnoses(), c.lines(), DOS, DOS, null);
    }

    /** A hospital outpatient visit (type of bill 131): elective, from the physician's office, home after the visit. */
    public static ClaimDocument institutional(String pcn) {
        return institutional(pcn, "13", null, DOS, new ClaimDocument.Institutional(null, "3", "2", "01"));
    }

    /** A two-day inpatient stay (type of bill 111), admitted through the emergency room for chest pain, discharged home at 10:40. */
    public static ClaimDocument inpatient(String pcn) {
        return institutional(pcn, "11", REFERRER, DOS.minusDays(2),
                new ClaimDocument.Institutional(DOS.minusDays(2).atTime(22, 15), "1", "1", "01", "R07.9", null, DOS.atTime(10, 40)));
    }

    /** An emergency visit to the hospital outpatient department (type of bill 131, admission type 1) for chest pain and shortness of breath. */
    public static ClaimDocument emergencyOutpatient(String pcn) {
        return institutional(pcn, "13", null, DOS,
                new ClaimDocument.Institutional(null, "1", "1", "01", null, List.of("R07.9", "R06.02"), null));
    }

    /** Robin's claim under her spouse Sam's employer plan (group 88001): Sam is the subscriber, Robin the patient (PAT01 01). */
    public static ClaimDocument spouseSubscriber(String pcn) {
        ClaimDocument c = professional(pcn);
        ClaimDocument.Address home = new ClaimDocument.Address("12 Elm St", "Apt 4", "Springfield", "IL", "62704");
        return c.with(new ClaimDocument.Insured(1, "01", "88001", home, new Person("Example", "Robin", null, LocalDate.of(1980, 2, 29), "F", null),
                        home),
                new Person("Example", "Sam", "XYZ987654321", LocalDate.of(1978, 7, 4), "M", null), c.payer());
    }

    /** A void (frequency 8) of the claim the payer numbered {@code payerClaimNumber}. */
    public static ClaimDocument voided(String pcn, String payerClaimNumber) {
        ClaimDocument c = professional(pcn);
        return new ClaimDocument(c.kind(), pcn, c.totalCharge(), c.placeOfService(), "8", payerClaimNumber, null, c.billing(),
                c.subscriber(), c.payer(), c.claimFilingCode(), c.rendering(), null, null, c.diagnoses(), c.lines(), DOS, DOS, null);
    }

    private static ClaimDocument institutional(String pcn, String facilityType, Person referring, LocalDate from, ClaimDocument.Institutional ub04) {
        ClaimDocument c = professional(pcn);
        return new ClaimDocument(Kind.INSTITUTIONAL, pcn, c.totalCharge(), facilityType, "1", null, null, c.billing(), c.subscriber(), c.payer(),
                c.claimFilingCode(), null, c.rendering(), referring, c.diagnoses(),
                List.of(new Line("99213", List.of(), 1, new BigDecimal("115.00"), List.of(), DOS, "0510"),
                        new Line("36415", List.of(), 1, new BigDecimal("3.75"), List.of(), DOS, "0300")),
                from, DOS, ub04);
    }
}
