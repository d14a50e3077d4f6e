package com.claimflow.audit;

import com.claimflow.base.BadInputException;

/**
 * A word a filter of an evidence view takes (a user id, a queue, an action): blank is no filter; otherwise at most 64 of
 * the characters ids are made of, so a filter is never a pattern or a statement.
 */
public final class EvidenceText {
    public static final int MAX_LENGTH = 64;

    private EvidenceText() {
    }

    public static String of(String field, String value) {
        if (value == null || value.isBlank()) return null;
        String v = value.strip();
        if (v.length() > MAX_LENGTH) throw new BadInputException(field, "at most " + MAX_LENGTH + " characters (" + v.length() + " given)");
        if (!v.matches("[A-Za-z0-9_.@:\\- ]+")) {
            throw new BadInputException(field, "letters, digits and . _ - @ : only, as in a user id, queue, task type or action");
        }
        return v;
    }
}
