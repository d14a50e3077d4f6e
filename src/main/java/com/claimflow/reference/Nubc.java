package com.claimflow.reference;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The NUBC (UB-04) codes an institutional claim carries, checked the same way at intake and in the 837I read-back:
 * type of bill (facility type code + claim frequency), admission type, point of origin, patient (discharge) status
 * and revenue codes. Code lists as published by the NUBC for 2024-2026 (the product's own short wording).
 */
public final class Nubc {
    /** Type of bill digits 2-3: type of facility (1-8) and bill classification (1-9), e.g. 11 hospital inpatient, 13 hospital outpatient. */
    private static final Pattern FACILITY_TYPE = Pattern.compile("[1-8][1-9]");
    /** Inpatient and home health bills: the admission date and hour is required (837I 2300 DTP*435), not sent otherwise. */
    private static final Set<String> WITH_ADMISSION = Set.of("11", "12", "18", "21", "22", "28", "32", "33", "34", "41", "65", "66", "86");
    /** 1 emergency, 2 urgent, 3 elective, 4 newborn, 5 trauma, 9 information not available. */
    private static final Set<String> ADMISSION_TYPES = Set.of("1", "2", "3", "4", "5", "9");
    /** 1 non-health-care point, 2 clinic or physician's office, 4 hospital, 5 SNF/ICF/ALF, 6 other facility, 8 court or law
     * enforcement, 9 not available, D same hospital, E ambulatory surgery center, F hospice, G disaster alternate care site. */
    private static final Set<String> POINTS_OF_ORIGIN = Set.of("1", "2", "4", "5", "6", "8", "9", "D", "E", "F", "G");
    /** 01 home or self care ... 30 still a patient ... 95 (planned readmission variants); 20/40-42 expired. */
    private static final Set<String> PATIENT_STATUSES = Set.of("01", "02", "03", "04", "05", "06", "07", "09", "20", "21", "30", "40", "41",
            "42", "43", "50", "51", "61", "62", "63", "64", "65", "66", "69", "70", "81", "82", "83", "84", "85", "86", "87", "88", "89", "90",
            "91", "92", "93", "94", "95");
    private static final Pattern REVENUE_CODE = Pattern.compile("0[0-9]{3}|[1-3][0-9]{3}");

    private Nubc() {
    }

    public static boolean isFacilityType(String code) {
        return code != null && FACILITY_TYPE.matcher(code).matches();
    }

    public static boolean needsAdmission(String facilityType) {
        return facilityType != null && WITH_ADMISSION.contains(facilityType);
    }

    public static boolean isAdmissionType(String code) {
        return code != null && ADMISSION_TYPES.contains(code);
    }

    public static boolean isPointOfOrigin(String code) {
        return code != null && POINTS_OF_ORIGIN.contains(code);
    }

    public static boolean isPatientStatus(String code) {
        return code != null && PATIENT_STATUSES.contains(code);
    }

    public static boolean isRevenueCode(String code) {
        return code != null && REVENUE_CODE.matcher(code).matches();
    }
}
