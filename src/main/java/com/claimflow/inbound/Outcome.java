package com.claimflow.inbound;

/** What became of a message. */
public enum Outcome {
    /** It opened a new encounter and started its process. */
    OPENED,
    /** Its visit was already open: the existing encounter answers, nothing started. */
    ALREADY_THERE,
    /** It added charges to an open visit's coding task. */
    CHARGES_ADDED,
    /** The same message id came before and was accepted: answered as then, nothing done again. */
    DUPLICATE,
    /** Refused; {@link Receipt#problemField()} and {@link Receipt#problem()} say why. Nothing changed. */
    REFUSED;

    public boolean accepted() {
        return this != REFUSED;
    }
}
