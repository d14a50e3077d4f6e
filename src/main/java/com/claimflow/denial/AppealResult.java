package com.claimflow.denial;

import com.claimflow.base.BadInputException;
import java.util.Locale;

/** What the payer's letter on an appeal says, as a biller reads it; {@code STILL_WAITING} only on the follow-up task. */
public enum AppealResult {
    OVERTURNED, UPHELD, STILL_WAITING;

    public boolean decided() {
        return this != STILL_WAITING;
    }

    /** The result named by {@code value} (any case); {@code waitingAllowed} says whether "no decision yet" is an answer. */
    static AppealResult parse(String field, Object value, boolean waitingAllowed) {
        String choices = waitingAllowed ? "OVERTURNED, UPHELD or STILL_WAITING" : "OVERTURNED or UPHELD";
        if (value == null || (value instanceof String s && s.isBlank())) {
            if (waitingAllowed) return STILL_WAITING;
            throw new BadInputException(field, "is required: " + choices);
        }
        try {
            AppealResult r = valueOf(String.valueOf(value).strip().toUpperCase(Locale.ROOT));
            if (r.decided() || waitingAllowed) return r;
        } catch (IllegalArgumentException e) {
            // refused below with the choices
        }
        throw new BadInputException(field, "'" + value + "' is not " + choices);
    }
}
