package com.claimflow.inbound.batch;

import java.util.Arrays;
import java.util.Optional;

/**
 * The columns of an encounter batch CSV (docs/intake-batches.md lists them with examples). The header names the
 * columns, in any order; a header naming a column not listed here refuses the file, as would a misspelt one, so that
 * nothing in the file is silently ignored. Dates are ISO (2026-11-30), codes as on the claim.
 */
public enum CsvColumn {
    EXTERNAL_ID("external_id", true, "externalId", "the EHR's visit number; the same visit again opens nothing"),
    FIRST_NAME("first_name", true, "patient.firstName", "the patient's first name"),
    LAST_NAME("last_name", true, "patient.lastName", "the patient's last name"),
    BIRTH_DATE("birth_date", true, "patient.birthDate", "the patient's birth date, YYYY-MM-DD"),
    SEX("sex", true, "patient.sex", "M, F or U"),
    ADDRESS_LINE1("address_line1", false, "patient.address.line1", "street address (with city, state and postal code)"),
    ADDRESS_LINE2("address_line2", false, "patient.address.line2", "second address line"),
    CITY("city", false, "patient.address.city", "city"),
    STATE("state", false, "patient.address.state", "two-letter state code"),
    POSTAL_CODE("postal_code", false, "patient.address.postalCode", "ZIP code, 5 or 9 digits"),
    PHONE("phone", false, "patient.phone", "ten digits"),
    DATE_OF_SERVICE("date_of_service", true, "dateOfService", "YYYY-MM-DD"),
    PLACE_OF_SERVICE("place_of_service", true, "placeOfService", "CMS place-of-service code, e.g. 11"),
    CLAIM_TYPE("claim_type", false, "claimType", "PROFESSIONAL (the default) or INSTITUTIONAL"),
    BILLING_NPI("billing_npi", true, "billingProviderNpi", "the billing provider's NPI, on file"),
    RENDERING_NPI("rendering_npi", false, "renderingProviderNpi", "the rendering provider's NPI, on file"),
    REFERRING_NPI("referring_npi", false, "referringProviderNpi", "the referring provider's NPI"),
    REFERRING_NAME("referring_name", false, "referringProviderName", "\"Last, First\" when the referring provider is not on file"),
    PRIOR_AUTHORIZATION("prior_authorization", false, "priorAuthorization", "the payer's prior authorization number"),
    PAYER_ID("payer_id", true, "coverages[0].payerId", "the primary payer's id, on file"),
    MEMBER_ID("member_id", false, "coverages[0].memberId", "the primary coverage's member id"),
    GROUP_NUMBER("group_number", false, "coverages[0].groupNumber", "the primary coverage's group number"),
    RELATIONSHIP("relationship", false, "coverages[0].relationship", "the patient's relationship to the subscriber, X12 code (18 self, the default)"),
    SUBSCRIBER_FIRST_NAME("subscriber_first_name", false, "coverages[0].subscriber.firstName", "when the patient is not the subscriber"),
    SUBSCRIBER_LAST_NAME("subscriber_last_name", false, "coverages[0].subscriber.lastName", "when the patient is not the subscriber"),
    SUBSCRIBER_BIRTH_DATE("subscriber_birth_date", false, "coverages[0].subscriber.birthDate", "when the patient is not the subscriber"),
    SUBSCRIBER_SEX("subscriber_sex", false, "coverages[0].subscriber.sex", "when the patient is not the subscriber"),
    SECONDARY_PAYER_ID("secondary_payer_id", false, "coverages[1].payerId", "the secondary payer's id, on file"),
    SECONDARY_MEMBER_ID("secondary_member_id", false, "coverages[1].memberId", "the secondary coverage's member id"),
    SECONDARY_GROUP_NUMBER("secondary_group_number", false, "coverages[1].groupNumber", "the secondary coverage's group number"),
    DIAGNOSES("diagnoses", false, "diagnoses", "ICD-10-CM codes separated by spaces or semicolons, principal first"),
    PROCEDURES("procedures", false, "procedures", "procedure lines separated by semicolons, each as the coder writes it: code [modifiers] "
            + "[units] [pointers], e.g. 99213 25 1 1;36415"),
    DOCUMENTATION("documentation", false, "documentation", "the visit note"),
    FACILITY_TYPE_CODE("facility_type_code", false, "institutional.facilityTypeCode", "institutional: type of bill's facility and classification, e.g. 13"),
    ADMITTED_AT("admitted_at", false, "institutional.admittedAt", "institutional: admission, YYYY-MM-DDTHH:MM"),
    ADMISSION_TYPE("admission_type", false, "institutional.admissionType", "institutional: NUBC admission type"),
    ADMISSION_SOURCE("admission_source", false, "institutional.admissionSource", "institutional: NUBC point of origin"),
    PATIENT_STATUS("patient_status", false, "institutional.patientStatus", "institutional: NUBC discharge status"),
    REVENUE_CODE("revenue_code", false, "institutional.revenueCode", "institutional: revenue code of every line, e.g. 0510");

    private final String header;
    private final boolean required;
    private final String requestField;
    private final String description;

    CsvColumn(String header, boolean required, String requestField, String description) {
        this.header = header;
        this.required = required;
        this.requestField = requestField;
        this.description = description;
    }

    public String header() {
        return header;
    }

    public boolean required() {
        return required;
    }

    public String description() {
        return description;
    }

    /** The column a field of the encounter request came from: "patient.birthDate" is birth_date. */
    public static Optional<CsvColumn> ofRequestField(String field) {
        if (field == null) return Optional.empty();
        return Arrays.stream(values()).filter(c -> field.equals(c.requestField) || field.startsWith(c.requestField + ".")).findFirst()
                .or(() -> Arrays.stream(values()).filter(c -> c.requestField.startsWith(field + ".") || c.requestField.startsWith(field + "["))
                        .findFirst());
    }

    /** A header line naming every column, as an empty file to fill in starts. */
    public static String headerLine() {
        return Arrays.stream(values()).map(CsvColumn::header).collect(java.util.stream.Collectors.joining(",")) + "\n";
    }

    public static Optional<CsvColumn> ofHeader(String header) {
        String h = header.strip().toLowerCase(java.util.Locale.ROOT);
        return Arrays.stream(values()).filter(c -> c.header.equals(h)).findFirst();
    }
}
