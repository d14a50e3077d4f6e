package com.claimflow.inbound;

/** How a message arrived. */
public enum Channel {
    /** The product's own JSON, {@code POST /api/encounters}. */
    API,
    /** A FHIR R4 bundle posted to {@code /fhir/Bundle}. */
    FHIR,
    /** An HL7 v2 message over MLLP. */
    HL7V2,
    /** A row of an uploaded CSV file. */
    CSV,
    /** A line of an uploaded NDJSON file, one FHIR bundle each. */
    NDJSON
}
