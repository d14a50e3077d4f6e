package com.claimflow.base;

/** Input a person or another system must correct; {@code field} names where (a JSON path, a form field, a file line). */
public class BadInputException extends RuntimeException {
    private final String field;

    public BadInputException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    public String reason() {
        String m = getMessage();
        return m.substring(field.length() + 2);
    }
}
