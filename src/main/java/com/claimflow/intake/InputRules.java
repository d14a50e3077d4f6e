package com.claimflow.intake;

import com.claimflow.base.BadInputException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.util.Collection;
import java.util.Set;

/**
 * The bounds every claim's data keeps, wherever it enters (intake, coding, {@code POST /api/scrub}): dates a claim can
 * carry, the 837's service-line limit, and text that fits into an X12 element. Each refusal names the field and the
 * allowed range.
 */
public final class InputRules {
    /** 837P (005010X222A1) loop 2400, service line: repeat 50. */
    public static final int PROFESSIONAL_MAX_LINES = 50;
    /** 837I (005010X223A2) loop 2400, service line: repeat 999. */
    public static final int INSTITUTIONAL_MAX_LINES = 999;
    /**
     * How far back a date of service may lie: Medicare's filing limit is 12 months (42 CFR 424.44) and commercial limits
     * are shorter; three years leaves room for corrected claims and appeals and refuses typos such as 0001 or 1026.
     */
    public static final Period DATE_OF_SERVICE_MAX_AGE = Period.ofYears(3);
    /** A date of service may be a day ahead of the server: the sending system's day can start earlier than ours. */
    public static final Period DATE_OF_SERVICE_AHEAD = Period.ofDays(1);
    /** No patient is older than this on the date of service (the oldest person on record lived 122 years). */
    public static final Period PATIENT_MAX_AGE = Period.ofYears(130);

    /** Text that goes into an 837 element: no control characters and none of the writer's delimiters ~ * : ^ (ISA). */
    public static final String X12_TEXT = "[^\\x00-\\x1F\\x7F~*:^]*";
    public static final String X12_TEXT_MESSAGE = "must not contain control characters or the X12 delimiters ~ * : ^";
    /** Free text (notes): line breaks and tabs, no other control characters (NUL among them). */
    public static final String FREE_TEXT = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*";
    public static final String FREE_TEXT_MESSAGE = "must not contain control characters other than line breaks and tabs";

    /**
     * Facility types (type of bill digits 2-3) of an inpatient admission: hospital inpatient (11, 12 Part B only), SNF
     * inpatient (21, 22), swing bed (18, 28) and religious non-medical inpatient (41). The 837I requires the admitting
     * diagnosis (HI*ABJ) on them and, on a final bill, the discharge hour (DTP*096): 005010X223A2 loop 2300.
     */
    public static final Set<String> INPATIENT_FACILITY_TYPES = Set.of("11", "12", "18", "21", "22", "28", "41");
    /**
     * The bill types that carry the patient's reason for visit (837I HI*APR, 005010X223A2 loop 2300, as X12 RFI 1256 and
     * 2820 read it with the NUBC UB-04 manual, FL 70): hospital outpatient (13), clinic (78) and critical access
     * hospital (85); required there on unscheduled visits, may be sent on their other bills, never on other types.
     */
    public static final Set<String> REASON_FOR_VISIT_FACILITY_TYPES = Set.of("13", "78", "85");
    /** Admission (visit) types of an unscheduled visit: 1 emergency, 2 urgent, 5 trauma. */
    public static final Set<String> UNSCHEDULED_ADMISSION_TYPES = Set.of("1", "2", "5");
    /** Revenue codes of an unscheduled visit: emergency room (045x), urgent care (0516, 0526), observation (0762). */
    private static final java.util.regex.Pattern UNSCHEDULED_REVENUE_CODES = java.util.regex.Pattern.compile("045\\d|0516|0526|0762");
    /** NUBC patient discharge status 30: still a patient, so no discharge hour. */
    public static final String STILL_A_PATIENT = "30";

    private InputRules() {
    }

    /** An inpatient admission bill: admitting diagnosis required (837I HI*ABJ). */
    public static boolean isInpatient(String facilityType) {
        return facilityType != null && INPATIENT_FACILITY_TYPES.contains(facilityType);
    }

    /** A bill type that may carry the patient's reason for visit (837I HI*APR). */
    public static boolean takesReasonForVisit(String facilityType) {
        return facilityType != null && REASON_FOR_VISIT_FACILITY_TYPES.contains(facilityType);
    }

    /**
     * An unscheduled visit on a bill that takes the reason for visit: admission type 1, 2 or 5, or a service line under
     * an emergency, urgent care or observation revenue code. The patient's reason for visit is required (837I HI*APR).
     */
    public static boolean needsReasonForVisit(String facilityType, String admissionType, Collection<String> revenueCodes) {
        return takesReasonForVisit(facilityType) && (UNSCHEDULED_ADMISSION_TYPES.contains(admissionType)
                || revenueCodes.stream().anyMatch(r -> r != null && UNSCHEDULED_REVENUE_CODES.matcher(r).matches()));
    }

    /**
     * A final inpatient bill (an admit-through-discharge claim, frequency 1, or its replacement, 7) of a patient who left:
     * the discharge hour is required (837I DTP*096).
     */
    public static boolean needsDischarge(String facilityType, String frequencyCode, String patientStatus) {
        return isInpatient(facilityType) && ("1".equals(frequencyCode) || "7".equals(frequencyCode)) && !STILL_A_PATIENT.equals(patientStatus);
    }

    /** The most service lines a claim of the type carries: 999 for INSTITUTIONAL (837I), else 50 (837P). */
    public static int maxLines(String claimType) {
        return "INSTITUTIONAL".equalsIgnoreCase(claimType) ? INSTITUTIONAL_MAX_LINES : PROFESSIONAL_MAX_LINES;
    }

    /** Refuses more service lines than the claim type's 837 carries. */
    public static void checkLineCount(String field, int lines, String claimType) {
        int max = maxLines(claimType);
        if (lines > max) {
            boolean institutional = max == INSTITUTIONAL_MAX_LINES;
            throw new BadInputException(field, lines + " service lines; an " + (institutional ? "837I" : "837P") + " claim carries at most " + max
                    + " (loop 2400, " + (institutional ? "005010X223A2" : "005010X222A1") + "): split the services over more claims");
        }
    }

    /** A date of service no more than three years back and at most a day ahead of {@code today}. */
    public static void checkDateOfService(String field, LocalDate dateOfService, LocalDate today) {
        if (dateOfService == null) return;
        LocalDate earliest = today.minus(DATE_OF_SERVICE_MAX_AGE);
        LocalDate latest = today.plus(DATE_OF_SERVICE_AHEAD);
        if (dateOfService.isBefore(earliest) || dateOfService.isAfter(latest)) {
            throw new BadInputException(field, "'" + dateOfService + "' is outside the dates a claim can carry: from " + earliest + " to " + latest);
        }
    }

    /** A birth date on or before the date of service, and at most 130 years before it. */
    public static void checkBirthDate(String field, LocalDate birthDate, LocalDate dateOfService) {
        if (birthDate == null || dateOfService == null) return;
        LocalDate earliest = dateOfService.minus(PATIENT_MAX_AGE);
        if (birthDate.isBefore(earliest) || birthDate.isAfter(dateOfService)) {
            throw new BadInputException(field, "'" + birthDate + "' must be from " + earliest + " to the date of service " + dateOfService
                    + " (not after it, at most 130 years before it)");
        }
    }

    /** An admission on or before the date of service and not before the patient's birth. */
    public static void checkAdmission(String field, LocalDateTime admittedAt, LocalDate dateOfService, LocalDate birthDate) {
        if (admittedAt == null || dateOfService == null) return;
        LocalDate day = admittedAt.toLocalDate();
        if (day.isAfter(dateOfService)) {
            throw new BadInputException(field, "'" + admittedAt + "' is after the date of service " + dateOfService);
        }
        if (birthDate != null && day.isBefore(birthDate)) {
            throw new BadInputException(field, "'" + admittedAt + "' is before the patient's birth date " + birthDate);
        }
    }
}
