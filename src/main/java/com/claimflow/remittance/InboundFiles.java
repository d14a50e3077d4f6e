package com.claimflow.remittance;

import java.io.InputStream;
import java.util.Optional;

/**
 * The one way inbound X12 files (999, 277CA, 835) come in, whoever brings them: the API, the inbox folder or the
 * payer simulator. Each file is stored, recorded and read by its transaction type's reader; the result says what it did.
 */
public interface InboundFiles {

    /** Receives one file; {@code from} and {@code by} are recorded with it (e.g. "API" and the user id). Never throws for a bad file. */
    InboundResult receive(InputStream body, String from, String fileName, String by);

    /** The recorded result of a file (its summary), as the API and support staff read it back. */
    Optional<InboundResult> result(long fileId);
}
