package com.claimflow.scrub;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A small builder of claims to scrub: a clean professional claim for BCBS unless told otherwise. */
public final class TestClaim {
    public static final String CLINIC_NPI = "1234567893";
    public static final String DOCTOR_NPI = "1245319599";

    private String claimType = "PROFESSIONAL";
    private String facilityTypeCode;
    private String payerId = "BCBS";
    private String memberId = "XYZ123456789";
    private String billingNpi = CLINIC_NPI;
    private String renderingNpi = DOCTOR_NPI;
    private String referringNpi;
    private String placeOfService = "11";
    private LocalDate dateOfService = LocalDate.of(2026, 2, 10);
    private LocalDate birthDate = LocalDate.of(1970, 5, 1);
    private String sex = "F";
    private String priorAuthorization;
    private LocalDate timelyFilingProof;
    private LocalDateTime admittedAt;
    private List<String> diagnoses = new ArrayList<>(List.of("I10"));
    private final List<ClaimSnapshot.Line> lines = new ArrayList<>();

    public static TestClaim professional() {
        return new TestClaim();
    }

    public TestClaim institutional() {
        this.claimType = "INSTITUTIONAL";
        return this;
    }

    /** An institutional claim of this type of bill (facility type code, e.g. 13). */
    public TestClaim institutional(String facilityTypeCode) {
        this.facilityTypeCode = facilityTypeCode;
        return institutional();
    }

    public TestClaim payer(String payerId, String memberId) {
        this.payerId = payerId;
        this.memberId = memberId;
        return this;
    }

    public TestClaim billing(String npi) {
        this.billingNpi = npi;
        return this;
    }

    public TestClaim rendering(String npi) {
        this.renderingNpi = npi;
        return this;
    }

    public TestClaim referring(String npi) {
        this.referringNpi = npi;
        return this;
    }

    public TestClaim on(LocalDate dos) {
        this.dateOfService = dos;
        return this;
    }

    public TestClaim on(String dos) {
        return on(LocalDate.parse(dos));
    }

    public TestClaim patient(String birthDate, String sex) {
        this.birthDate = LocalDate.parse(birthDate);
        this.sex = sex;
        return this;
    }

    public TestClaim priorAuthorization(String number) {
        this.priorAuthorization = number;
        return this;
    }

    /** Proof of timely filing on file: the claim was first sent on this date. */
    public TestClaim firstSentOn(LocalDate date) {
        this.timelyFilingProof = date;
        return this;
    }

    /** The admission of an inpatient or home health bill. */
    public TestClaim admitted(String dateTime) {
        this.admittedAt = LocalDateTime.parse(dateTime);
        return this;
    }

    public TestClaim placeOfService(String code) {
        this.placeOfService = code;
        return this;
    }

    /** A line with its charge, no modifiers, one unit, pointer 1. */
    public TestClaim charged(String code, String charge) {
        lines.add(new ClaimSnapshot.Line(code, List.of(), 1, new BigDecimal(charge), List.of(1)));
        return this;
    }

    public TestClaim diagnoses(String... codes) {
        this.diagnoses = new ArrayList<>(Arrays.asList(codes));
        return this;
    }

    /** A line: code, units, then modifiers; charge 100.00, pointer 1. */
    public TestClaim line(String code, int units, String... modifiers) {
        lines.add(new ClaimSnapshot.Line(code, List.of(modifiers), units, new BigDecimal("100.00"), List.of(1)));
        return this;
    }

    public TestClaim line(ClaimSnapshot.Line line) {
        lines.add(line);
        return this;
    }

    public ClaimSnapshot build() {
        BigDecimal total = lines.stream().map(ClaimSnapshot.Line::charge).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new ClaimSnapshot(null, null, claimType, payerId, memberId, billingNpi, renderingNpi, referringNpi, placeOfService, dateOfService,
                birthDate, sex, priorAuthorization, diagnoses, lines, total, facilityTypeCode, timelyFilingProof, admittedAt);
    }
}
