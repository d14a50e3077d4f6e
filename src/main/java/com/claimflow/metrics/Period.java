package com.claimflow.metrics;

import com.claimflow.base.BadInputException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The dashboard's filter: dates of service from {@code from} to {@code to}, both included, at most two years, and one
 * payer or all ({@code payer} null).
 */
public record Period(LocalDate from, LocalDate to, String payer) {
    /** Two years and the leap day: a longer period would need more than the rollup's daily rows allow for in a second. */
    public static final long MAX_DAYS = 731;
    /** Without dates the dashboard shows the last 90 days. */
    public static final int DEFAULT_DAYS = 90;

    public Period {
        if (from == null) throw new BadInputException("from", "is required, e.g. 2026-09-01");
        if (to == null) throw new BadInputException("to", "is required, e.g. 2026-11-30");
        if (from.isAfter(to)) throw new BadInputException("from", "(" + from + ") is after to (" + to + "); swap them");
        if (days(from, to) > MAX_DAYS) {
            throw new BadInputException("to", "the period " + from + " to " + to + " spans " + days(from, to) + " days; at most "
                    + MAX_DAYS + " (two years)");
        }
        if (payer != null && payer.isBlank()) payer = null;
    }

    /**
     * Reads the filter as a URL gives it: ISO dates, either may be missing (then {@code to} is today and {@code from} 89
     * days before {@code to}); an unreadable date names its parameter.
     */
    public static Period parse(String from, String to, String payer, LocalDate today) {
        LocalDate end = date("to", to);
        LocalDate start = date("from", from);
        if (end == null) end = start != null && start.isAfter(today) ? start : today;
        if (start == null) start = end.minusDays(DEFAULT_DAYS - 1);
        return new Period(start, end, payer);
    }

    public long days() {
        return days(from, to);
    }

    private static long days(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) return null;
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new BadInputException(field, "'" + value + "' is not a date; write it as YYYY-MM-DD, e.g. 2026-11-30");
        }
    }
}
