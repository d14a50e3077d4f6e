package com.claimflow.scrub;

import com.claimflow.claim.Claim;
import com.claimflow.claim.ClaimLine;
import com.claimflow.intake.Encounter;
import com.claimflow.reference.Nubc;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The claim as the edits read it: a stored claim with its patient, or a claim posted to {@code POST /api/scrub} that is
 * never saved. {@code claimId} and {@code encounterId} are null for a posted claim. {@code facilityTypeCode} (the type
 * of bill's facility type) and the lines' revenue codes are for institutional claims. {@code timelyFilingProofDate} is
 * the first submission's date when a biller recorded proof of timely filing, else null. {@code admittedAt} is the
 * encounter's admission (inpatient and home health bills, 837I 2300 DTP*435), else null.
 */
public record ClaimSnapshot(Long claimId, Long encounterId, String claimType, String payerId, String memberId, String billingNpi,
                            String renderingNpi, String referringNpi, String placeOfService, LocalDate dateOfService, LocalDate patientBirthDate,
                            String patientSex, String priorAuthorization, List<String> diagnoses, List<Line> lines, BigDecimal totalCharge,
                            String facilityTypeCode, LocalDate timelyFilingProofDate, LocalDateTime admittedAt) {

    public ClaimSnapshot {
        diagnoses = diagnoses == null ? List.of() : List.copyOf(diagnoses);
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /** A claim without an admission on file. */
    public ClaimSnapshot(Long claimId, Long encounterId, String claimType, String payerId, String memberId, String billingNpi,
                         String renderingNpi, String referringNpi, String placeOfService, LocalDate dateOfService, LocalDate patientBirthDate,
                         String patientSex, String priorAuthorization, List<String> diagnoses, List<Line> lines, BigDecimal totalCharge,
                         String facilityTypeCode, LocalDate timelyFilingProofDate) {
        this(claimId, encounterId, claimType, payerId, memberId, billingNpi, renderingNpi, referringNpi, placeOfService, dateOfService,
                patientBirthDate, patientSex, priorAuthorization, diagnoses, lines, totalCharge, facilityTypeCode, timelyFilingProofDate, null);
    }

    /** A claim with no proof of timely filing on file. */
    public ClaimSnapshot(Long claimId, Long encounterId, String claimType, String payerId, String memberId, String billingNpi,
                         String renderingNpi, String referringNpi, String placeOfService, LocalDate dateOfService, LocalDate patientBirthDate,
                         String patientSex, String priorAuthorization, List<String> diagnoses, List<Line> lines, BigDecimal totalCharge,
                         String facilityTypeCode) {
        this(claimId, encounterId, claimType, payerId, memberId, billingNpi, renderingNpi, referringNpi, placeOfService, dateOfService,
                patientBirthDate, patientSex, priorAuthorization, diagnoses, lines, totalCharge, facilityTypeCode, null, null);
    }

    /** A claim without a type of bill (professional claims). */
    public ClaimSnapshot(Long claimId, Long encounterId, String claimType, String payerId, String memberId, String billingNpi,
                         String renderingNpi, String referringNpi, String placeOfService, LocalDate dateOfService, LocalDate patientBirthDate,
                         String patientSex, String priorAuthorization, List<String> diagnoses, List<Line> lines, BigDecimal totalCharge) {
        this(claimId, encounterId, claimType, payerId, memberId, billingNpi, renderingNpi, referringNpi, placeOfService, dateOfService,
                patientBirthDate, patientSex, priorAuthorization, diagnoses, lines, totalCharge, null, null, null);
    }

    public boolean isInstitutional() {
        return "INSTITUTIONAL".equalsIgnoreCase(claimType);
    }

    /** True for an inpatient or home health type of bill, which carries the admission date (837I 2300 DTP*435). */
    public boolean needsAdmission() {
        return isInstitutional() && Nubc.needsAdmission(facilityTypeCode);
    }

    /** One service line: procedure code, modifiers, units, charge, diagnosis pointers (1-based) and, institutional, revenue code. */
    public record Line(String code, List<String> modifiers, int units, BigDecimal charge, List<Integer> pointers, String revenueCode) {
        public Line {
            modifiers = modifiers == null ? List.of() : List.copyOf(modifiers);
            pointers = pointers == null ? List.of() : List.copyOf(pointers);
        }

        public Line(String code, List<String> modifiers, int units, BigDecimal charge, List<Integer> pointers) {
            this(code, modifiers, units, charge, pointers, null);
        }
    }

    public static ClaimSnapshot of(Claim claim, Encounter encounter) {
        List<Line> lines = claim.lines().stream().map(ClaimSnapshot::line).toList();
        return new ClaimSnapshot(claim.id(), claim.encounterId(), claim.claimType(), claim.payerId(), claim.memberId(),
                claim.billingNpi(), claim.renderingNpi(), claim.referringNpi(), claim.placeOfService(), claim.dateOfService(),
                encounter == null ? null : encounter.patientBirthDate(), encounter == null ? null : encounter.patientSex(),
                claim.priorAuthorization(),
                claim.diagnoses(), lines, claim.totalCharge(), encounter == null ? null : encounter.facilityTypeCode(),
                claim.timelyFilingProof() == null ? null : claim.timelyFilingProof().originalSubmission(),
                encounter == null ? null : encounter.admittedAt());
    }

    private static Line line(ClaimLine l) {
        return new Line(l.code(), l.modifiers(), l.units(), l.charge(), l.pointers(), l.revenueCode());
    }

    /** The patient's age in whole years on the date of service, or -1 when the birth date is unknown. */
    public int patientAgeOnDateOfService() {
        if (patientBirthDate == null || dateOfService == null) return -1;
        return java.time.Period.between(patientBirthDate, dateOfService).getYears();
    }
}
