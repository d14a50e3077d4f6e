package com.claimflow.overview;

import java.util.Map;

/**
 * Short descriptions of the claim adjustment reason codes (CARC) and remittance remark codes (RARC) payers send most,
 * in our own words, so an 835 reads without the code book. A stop-gap until the reference module keeps the code lists.
 */
final class RemitCodes {
    private static final Map<String, String> CARC = Map.ofEntries(
            Map.entry("1", "Deductible"),
            Map.entry("2", "Coinsurance"),
            Map.entry("3", "Copay"),
            Map.entry("4", "Procedure code inconsistent with the modifier, or a modifier is missing"),
            Map.entry("16", "Claim lacks information or has billing errors"),
            Map.entry("18", "Exact duplicate claim or service"),
            Map.entry("22", "Another payer may be primary (coordination of benefits)"),
            Map.entry("23", "Paid or adjusted by a prior payer"),
            Map.entry("27", "Expenses after coverage ended"),
            Map.entry("29", "Time limit for filing has expired"),
            Map.entry("45", "Charge exceeds the fee schedule or contracted amount"),
            Map.entry("50", "Not deemed a medical necessity by the payer"),
            Map.entry("96", "Non-covered charge"),
            Map.entry("97", "Included in the payment for another service"),
            Map.entry("109", "Not covered by this payer; send to the correct payer"),
            Map.entry("119", "Benefit maximum for this period reached"),
            Map.entry("146", "Diagnosis was invalid for the date of service"),
            Map.entry("167", "Diagnosis is not covered"),
            Map.entry("197", "Precertification or authorization absent"),
            Map.entry("204", "Service not covered under the patient's benefit plan"),
            Map.entry("236", "Procedure or modifier combination not allowed with another procedure that day"),
            Map.entry("242", "Services not provided by network or primary care providers"),
            Map.entry("253", "Sequestration reduction"));

    private static final Map<String, String> RARC = Map.ofEntries(
            Map.entry("N115", "Decision based on a local coverage determination"),
            Map.entry("N130", "Check the plan's benefit documents for limits and exclusions"),
            Map.entry("M15", "Separately billed services were bundled into another payment"),
            Map.entry("M80", "Not covered when performed with another service on the same day"),
            Map.entry("MA18", "Claim forwarded to the supplemental insurer"),
            Map.entry("MA04", "Secondary payment cannot be considered without the primary payer's information"),
            Map.entry("N290", "Rendering provider's identifier missing or invalid"),
            Map.entry("N362", "Units exceed the allowed number for this service"),
            Map.entry("M51", "Procedure code missing, incomplete or invalid"),
            Map.entry("N56", "Procedure code billed is not correct for the service"));

    private RemitCodes() {
    }

    /** The CARC's description, or null when the code is not one of those listed. */
    static String carc(String code) {
        return code == null ? null : CARC.get(code.strip());
    }

    /** The RARC's description, or null when the code is not one of those listed. */
    static String rarc(String code) {
        return code == null ? null : RARC.get(code.strip().toUpperCase(java.util.Locale.ROOT));
    }
}
