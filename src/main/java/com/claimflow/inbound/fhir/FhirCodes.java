package com.claimflow.inbound.fhir;

import java.util.Map;
import java.util.Set;

/**
 * The code systems and identifier systems the FHIR channel reads and writes, with the spec or guide that names each,
 * and the maps from FHIR codes to the X12/CMS codes an encounter carries.
 */
final class FhirCodes {
    /** NPI (US Core Practitioner.identifier:NPI, US Core Organization.identifier:NPI). */
    static final String NPI = "http://hl7.org/fhir/sid/us-npi";
    /** ICD-10-CM (US Core Condition.code, FHIR R4 terminology "http://hl7.org/fhir/sid/icd-10-cm"). */
    static final String ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";
    /** CPT (FHIR R4 terminology: "http://www.ama-assn.org/go/cpt"); CPT modifiers are CPT codes of two characters. */
    static final String CPT = "http://www.ama-assn.org/go/cpt";
    /** HCPCS Level II as CARIN-BB and CMS name it; the other spellings below are accepted on input. */
    static final String HCPCS = "https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets";
    static final Set<String> PROCEDURE_SYSTEMS = Set.of(CPT, HCPCS, "http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets",
            "urn:oid:2.16.840.1.113883.6.285", "https://bluebutton.cms.gov/resources/codesystem/hcpcs");
    /** CMS place of service codes (CARIN-BB, US Core Location.type). */
    static final String PLACE_OF_SERVICE = "https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set";
    /** The patient's relationship to the subscriber (FHIR R4 Coverage.relationship, extensible binding). */
    static final String SUBSCRIBER_RELATIONSHIP = "http://terminology.hl7.org/CodeSystem/subscriber-relationship";
    /** HL7 v2 table 0203 identifier types: MB member number (US Core Coverage.identifier:memberid), PRN provider number. */
    static final String V2_0203 = "http://terminology.hl7.org/CodeSystem/v2-0203";
    /** CARIN-BB identifier types: "payerid" on the payer Organization (C4BBIdentifierType). */
    static final String C4BB_IDENTIFIER_TYPE = "http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBIdentifierType";
    /** Coverage.class type "group" (FHIR R4 coverage-class). */
    static final String COVERAGE_CLASS = "http://terminology.hl7.org/CodeSystem/coverage-class";
    /** Encounter.participant.type (FHIR R4 participant-type, v3 ParticipationType). */
    static final String PARTICIPATION_TYPE = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";
    /** Encounter.class (FHIR R4, v3 ActCode). */
    static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    /** Claim.type (FHIR R4 claim-type). */
    static final String CLAIM_TYPE = "http://terminology.hl7.org/CodeSystem/claim-type";
    /** NUBC revenue codes as CARIN-BB names them (Claim.item.revenue). */
    static final String REVENUE_CODE = "https://www.nubc.org/CodeSystem/RevenueCodes";
    /** X12 claim adjustment reason codes (CARC) and group codes, as CARIN-BB names them (ClaimResponse adjudication reason). */
    static final String CARC = "https://x12.org/codes/claim-adjustment-reason-codes";
    static final String CARC_GROUP = "https://x12.org/codes/claim-adjustment-group-codes";
    /** FHIR R4 adjudication categories (submitted, eligible, benefit, deductible, copay...). */
    static final String ADJUDICATION = "http://terminology.hl7.org/CodeSystem/adjudication";
    /**
     * The product's extension for CPT/HCPCS modifiers on a Procedure or ChargeItem (neither has a modifier element in R4;
     * Claim.item.modifier has): valueCoding or valueCode, repeated, in order.
     */
    static final String MODIFIER_EXTENSION = "https://claimflow.example/fhir/StructureDefinition/procedure-modifier";
    /** The product's extension on a read-back Encounter: the revenue-cycle stage the encounter's billing is in. */
    static final String STAGE_EXTENSION = "https://claimflow.example/fhir/StructureDefinition/billing-stage";

    /**
     * FHIR subscriber-relationship codes to the X12 individual relationship codes the 837's SBR02/PAT01 carry (005010X222A1).
     * The X12 list has no parent, so parent and injured party are "other"; a common-law spouse is a spouse.
     */
    static final Map<String, String> RELATIONSHIP_TO_X12 = Map.of("self", "18", "spouse", "01", "common", "01", "child", "19",
            "parent", "G8", "other", "G8", "injured", "G8");

    /**
     * Encounter.class (v3 ActCode) to the CMS place of service where the class settles it; a Location typed with a
     * place of service code says it exactly and wins. AMB is an office visit (11): a hospital outpatient department
     * sends its Location's code (22). Virtual visits default to 02 (telehealth other than in the patient's home).
     */
    static final Map<String, String> CLASS_TO_PLACE_OF_SERVICE = Map.ofEntries(Map.entry("AMB", "11"), Map.entry("EMER", "23"),
            Map.entry("IMP", "21"), Map.entry("ACUTE", "21"), Map.entry("NONAC", "21"), Map.entry("OBSENC", "22"), Map.entry("PRENC", "22"),
            Map.entry("SS", "22"), Map.entry("HH", "12"), Map.entry("VR", "02"));

    /** The reverse, for a read-back Encounter's class. */
    static String classOf(String placeOfService) {
        return switch (placeOfService == null ? "" : placeOfService) {
            case "21", "51", "61" -> "IMP";
            case "23" -> "EMER";
            case "12" -> "HH";
            case "02", "10" -> "VR";
            default -> "AMB";
        };
    }

    /** "E119" as FHIR's ICD-10-CM system writes it: "E11.9" (the dot after the category). */
    static String dotted(String icd) {
        return icd == null || icd.length() <= 3 || icd.contains(".") ? icd : icd.substring(0, 3) + "." + icd.substring(3);
    }

    /** CPT for a five-digit code, HCPCS Level II for a letter and four digits. */
    static String procedureSystem(String code) {
        return code != null && !code.isEmpty() && Character.isLetter(code.charAt(0)) ? HCPCS : CPT;
    }

    private FhirCodes() {
    }
}
