package com.claimflow.document;

import java.time.Instant;

/** A document kept with an encounter, without its content (read that with {@link Documents#content}). */
public record EncounterDocument(long id, long encounterId, Kind kind, String title, String fileName, String mediaType, int sizeBytes,
                                String createdBy, Instant createdAt) {

    public enum Kind { STATEMENT, APPEAL_LETTER }

    /** Where the file is downloaded from. */
    public String downloadPath() {
        return "/api/documents/" + id;
    }
}
