package com.claimflow.base;

/** The request is well-formed but clashes with what exists (a duplicate, a task someone else holds). */
public class ConflictException extends RuntimeException {
    private final Object existing;

    public ConflictException(String message, Object existing) {
        super(message);
        this.existing = existing;
    }

    public Object existing() {
        return existing;
    }
}
