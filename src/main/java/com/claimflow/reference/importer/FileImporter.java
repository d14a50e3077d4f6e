package com.claimflow.reference.importer;

import java.io.BufferedReader;
import java.io.IOException;

/** Reads one file line by line and writes it through {@link ImportRun#jdbc} in the caller's transaction. */
interface FileImporter {
    ImportKind kind();

    void run(ImportRun run, BufferedReader in) throws IOException;

    /** Called after the transaction committed a change (caches reload here). */
    default void committed() {
    }
}
