package com.claimflow.reference;

import java.time.LocalDate;

/** One code of a code set, valid from a date (inclusive) until a date (inclusive) or open-ended (null). */
public record CodeSetEntry(CodeSystem codeSystem, String code, boolean billable, String description, LocalDate validFrom, LocalDate validTo) {

    public boolean isValidOn(LocalDate date) {
        return !date.isBefore(validFrom) && (validTo == null || !date.isAfter(validTo));
    }
}
