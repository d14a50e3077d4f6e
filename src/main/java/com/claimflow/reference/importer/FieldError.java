package com.claimflow.reference.importer;

/** One bad field of one line; the importer adds file and line. */
class FieldError extends Exception {
    FieldError(String message) {
        super(message, null, false, false);
    }
}
