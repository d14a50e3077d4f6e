package com.claimflow.inbound;

import com.claimflow.base.BadInputException.Kind;

/**
 * The answer to a message: the stored message's id, its outcome, the encounter it opened or found (none when
 * refused), and for a refusal the field (a JSON path, a FHIR element, an HL7 segment and field), the reason and what
 * kind of fault it is, which a channel turns into its own code (a FHIR issue type, an HL7 table 0357 code). The kind
 * is not stored: a receipt read back from a stored message has none.
 */
public record Receipt(long messageId, Outcome outcome, Long encounterId, String externalId, String problemField, String problem, Kind problemKind) {

    public Receipt(long messageId, Outcome outcome, Long encounterId, String externalId, String problemField, String problem) {
        this(messageId, outcome, encounterId, externalId, problemField, problem, null);
    }

    public boolean accepted() {
        return outcome.accepted();
    }

    /** "field: reason" for a refusal, as a person reads it. */
    public String problemText() {
        if (problem == null) return null;
        return problemField == null ? problem : problemField + ": " + problem;
    }
}
