package com.claimflow.inbound;

/**
 * The answer to a message: the stored message's id, its outcome, the encounter it opened or found (none when
 * refused), and for a refusal the field (a JSON path, a FHIR element, an HL7 segment and field) and the reason.
 */
public record Receipt(long messageId, Outcome outcome, Long encounterId, String externalId, String problemField, String problem) {

    public boolean accepted() {
        return outcome.accepted();
    }

    /** "field: reason" for a refusal, as a person reads it. */
    public String problemText() {
        if (problem == null) return null;
        return problemField == null ? problem : problemField + ": " + problem;
    }
}
