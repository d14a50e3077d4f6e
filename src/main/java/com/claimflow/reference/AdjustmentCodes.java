package com.claimflow.reference;

import java.util.Locale;
import java.util.Map;

/**
 * What a payer's remittance codes mean, in short words a biller reads at a glance: the claim adjustment group codes
 * (CAS01), the claim adjustment reason codes (CARC, CAS02) and the remittance advice remark codes (RARC, LQ*HE and MOA)
 * billers meet most. The official lists and their full texts are the X12 code lists at
 * <a href="https://x12.org/codes">x12.org/codes</a> (Claim Adjustment Reason Codes, Remittance Advice Remark Codes);
 * the wording here is the product's own summary, not the published text, and a code not listed here is still a valid
 * code: it is shown as unknown to this list, with a pointer to the official one.
 */
public final class AdjustmentCodes {
    private static final String LOOK_UP = " (not in ClaimFlow's short list; see x12.org/codes)";

    private static final Map<String, String> GROUPS = Map.of(
            "CO", "contractual obligation: the provider absorbs it, the patient is not billed",
            "PR", "patient responsibility: the patient may be billed",
            "OA", "other adjustment: neither the contract nor the patient",
            "PI", "payer-initiated reduction: the payer's own reduction, not billed to the patient");

    private static final Map<String, String> CARC = Map.ofEntries(
            Map.entry("1", "deductible: the patient's share before the plan pays"),
            Map.entry("2", "coinsurance: the patient's percentage share"),
            Map.entry("3", "copay: the patient's fixed share"),
            Map.entry("4", "a modifier is missing or does not fit the procedure code"),
            Map.entry("5", "the procedure code or bill type does not fit the place of service"),
            Map.entry("6", "the procedure or revenue code does not fit the patient's age"),
            Map.entry("11", "the diagnosis does not support the procedure"),
            Map.entry("16", "information is missing or wrong on the claim; the remark codes say what"),
            Map.entry("18", "duplicate of a claim or service already received"),
            Map.entry("22", "another payer may be primary for this care (coordination of benefits)"),
            Map.entry("23", "reduced by what an earlier payer paid or adjusted"),
            Map.entry("24", "covered under a capitation or managed-care arrangement"),
            Map.entry("26", "service before the patient's coverage started"),
            Map.entry("27", "service after the patient's coverage ended"),
            Map.entry("29", "filed after the payer's time limit for filing"),
            Map.entry("31", "the payer cannot identify the patient as its member"),
            Map.entry("45", "charge above the fee schedule or contracted amount"),
            Map.entry("49", "routine or preventive service the plan does not cover"),
            Map.entry("50", "the payer does not consider the service medically necessary"),
            Map.entry("55", "the payer considers the service experimental or investigational"),
            Map.entry("96", "charge not covered"),
            Map.entry("97", "paid as part of another service already adjudicated (bundled)"),
            Map.entry("109", "not covered by this payer; bill the right payer or contractor"),
            Map.entry("119", "the benefit maximum for the period or occurrence is used up"),
            Map.entry("140", "the patient's name and member id do not match"),
            Map.entry("146", "the diagnosis was not valid on the date of service"),
            Map.entry("151", "the information sent does not support this many services or this frequency"),
            Map.entry("167", "the diagnosis is not covered"),
            Map.entry("170", "not paid when this type of provider performs or bills it"),
            Map.entry("181", "the procedure code was not valid on the date of service"),
            Map.entry("182", "the modifier was not valid on the date of service"),
            Map.entry("185", "the rendering provider may not bill this service"),
            Map.entry("197", "prior authorization, precertification or notification missing"),
            Map.entry("198", "more than the prior authorization allows"),
            Map.entry("204", "not covered by the patient's current benefit plan"),
            Map.entry("222", "more hours, days or units than the contract allows for this provider"),
            Map.entry("226", "information the payer asked the provider for was not sent or not enough"),
            Map.entry("234", "this procedure is not paid separately"),
            Map.entry("236", "the procedure or modifier combination is not allowed with another service the same day (NCCI)"),
            Map.entry("242", "not provided by a network or primary care provider"),
            Map.entry("252", "an attachment or other documentation is needed to decide the claim"),
            Map.entry("253", "sequestration: the federal across-the-board reduction"));

    private static final Map<String, String> RARC = Map.ofEntries(
            Map.entry("M15", "separately billed services were bundled as parts of the same procedure"),
            Map.entry("M20", "HCPCS code missing, incomplete or invalid"),
            Map.entry("M51", "procedure code missing, incomplete or invalid"),
            Map.entry("M76", "diagnosis missing, incomplete or invalid"),
            Map.entry("M80", "not covered on the same date or session as a service already processed"),
            Map.entry("MA04", "a secondary claim needs the primary payer's identity or payment"),
            Map.entry("MA18", "the claim was also forwarded to the patient's supplemental insurer"),
            Map.entry("MA130", "unprocessable claim, no appeal rights: send a new claim with complete, correct information"),
            Map.entry("N4", "the prior payer's explanation of benefits is missing, incomplete or invalid"),
            Map.entry("N20", "not payable with another service on the same date"),
            Map.entry("N56", "the procedure code does not fit the service or its date"),
            Map.entry("N115", "decided under a local coverage determination (LCD)"),
            Map.entry("N130", "see the plan's benefit documents for this service's limits"),
            Map.entry("N290", "rendering provider's primary identifier missing, incomplete or invalid"),
            Map.entry("N362", "more days or units than the payer accepts"),
            Map.entry("N522", "duplicate of a claim processed, or to be processed, as a crossover"),
            Map.entry("N657", "bill this with the code meant for these services"));

    private AdjustmentCodes() {
    }

    /** The group code's meaning, e.g. {@code CO} → "contractual obligation: ...". */
    public static String describeGroup(String group) {
        return describe(GROUPS, group, "group code");
    }

    /** The CARC's meaning, e.g. {@code 50} → "the payer does not consider the service medically necessary". */
    public static String describeCarc(String carc) {
        return describe(CARC, carc, "reason code");
    }

    /** The RARC's meaning, e.g. {@code N115}; case does not matter. */
    public static String describeRarc(String rarc) {
        return describe(RARC, rarc, "remark code");
    }

    /** "50 · the payer does not consider ...": the code and its meaning on one line. */
    public static String carcWithDescription(String carc) {
        return carc == null ? null : carc.strip() + " · " + describeCarc(carc);
    }

    /** "N115 · decided under ...": the code and its meaning on one line. */
    public static String rarcWithDescription(String rarc) {
        return rarc == null ? null : rarc.strip().toUpperCase(Locale.ROOT) + " · " + describeRarc(rarc);
    }

    private static String describe(Map<String, String> list, String code, String kind) {
        if (code == null || code.isBlank()) return "no " + kind + " given";
        String key = code.strip().toUpperCase(Locale.ROOT);
        String d = list.get(key);
        return d != null ? d : "unknown " + kind + " " + key + LOOK_UP;
    }
}
