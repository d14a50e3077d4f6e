package com.claimflow.base;

/**
 * Input a person or another system must correct; {@code field} names where (a JSON path, a form field, a file line)
 * and {@link #kind()} what is wrong, for channels that code it (a FHIR issue type, an HL7 table 0357 code).
 */
public class BadInputException extends RuntimeException {
    /** What is wrong with the field. */
    public enum Kind {
        /** The value is not one the field takes. */
        INVALID,
        /** The field is missing or blank. */
        REQUIRED,
        /** It names nothing on file: a payer, a provider, a code of the loaded code sets, an open visit. */
        UNKNOWN,
        /** It names something on file that cannot be used here: an inactive payer, a code not billable on the date. */
        UNUSABLE,
        /** The record it names takes no more changes: a visit already coded. */
        LOCKED
    }

    private final String field;
    private final Kind kind;

    public BadInputException(String field, String message) {
        this(Kind.INVALID, field, message);
    }

    public BadInputException(Kind kind, String field, String message) {
        super(field + ": " + message);
        this.field = field;
        this.kind = kind == null ? Kind.INVALID : kind;
    }

    public String field() {
        return field;
    }

    public Kind kind() {
        return kind;
    }

    public String reason() {
        String m = getMessage();
        return m.substring(field.length() + 2);
    }
}
