package com.claimflow.audit;

import com.claimflow.base.BadInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The days an evidence view or export covers, first and last day included, in UTC (as the rollups count days). At most
 * {@link #MAX_DAYS}: a year of evidence is what an auditor asks for at once, and it bounds what a single export reads.
 */
public record EvidencePeriod(LocalDate from, LocalDate to) {
    public static final int MAX_DAYS = 366;
    /** The period when none is given: the last 30 days, today included. */
    public static final int DEFAULT_DAYS = 30;

    public EvidencePeriod {
        if (from.isAfter(to)) throw new BadInputException("from", "the period starts (" + from + ") after it ends (" + to + ")");
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw new BadInputException("to", "a period is at most " + MAX_DAYS + " days; " + from + " to " + to + " is "
                    + (ChronoUnit.DAYS.between(from, to) + 1));
        }
    }

    /** From the request's {@code from} and {@code to} (yyyy-MM-dd, either may be blank): a missing end is today, a missing start 30 days before the end. */
    public static EvidencePeriod parse(String from, String to, LocalDate today) {
        LocalDate end = blank(to) ? today : date("to", to);
        LocalDate start = blank(from) ? end.minusDays(DEFAULT_DAYS - 1) : date("from", from);
        return new EvidencePeriod(start, end);
    }

    public static EvidencePeriod lastDays(int days, LocalDate today) {
        return new EvidencePeriod(today.minusDays(days - 1), today);
    }

    public LocalDate toExclusive() {
        return to.plusDays(1);
    }

    public Instant start() {
        return from.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The first instant after the period. */
    public Instant end() {
        return toExclusive().atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    @Override
    public String toString() {
        return from + " to " + to;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            String shown = value.length() > 30 ? value.substring(0, 30) + "..." : value;
            throw new BadInputException(field, "'" + shown + "' is not a date: write yyyy-MM-dd, e.g. 2026-12-01");
        }
    }
}
