package com.claimflow.base.ui;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Money, ages and dates as the billing office reads them: "$1,234.50", "3 h", "2 d", "Mar 4, 2025". */
public final class Formats {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.US);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("MMM d, yyyy h:mm a", Locale.US);
    private static final String NONE = "–";

    private Formats() {
    }

    public static String money(BigDecimal amount) {
        if (amount == null) return NONE;
        NumberFormat f = NumberFormat.getCurrencyInstance(Locale.US);
        return f.format(amount);
    }

    /** How long ago {@code since} was: "just now", "12 min", "3 h", "2 d". */
    public static String age(Instant since) {
        return since == null ? NONE : age(Duration.between(since, Instant.now()));
    }

    public static String age(Duration d) {
        if (d == null) return NONE;
        if (d.isNegative()) d = Duration.ZERO;
        long minutes = d.toMinutes();
        if (minutes < 1) return "just now";
        if (minutes < 60) return minutes + " min";
        long hours = d.toHours();
        if (hours < 24) return hours + " h";
        return d.toDays() + " d";
    }

    public static String date(LocalDate date) {
        return date == null ? NONE : DATE.format(date);
    }

    public static String dateTime(Instant instant) {
        return instant == null ? NONE : DATE_TIME.format(instant.atZone(ZoneId.systemDefault()));
    }

    /** Codes in order, numbered from 1 as diagnosis pointers count them ("1. I10  2. E78.5"); "none" when empty. */
    public static String numbered(List<String> codes) {
        if (codes.isEmpty()) return "none";
        return IntStream.range(0, codes.size()).mapToObj(i -> (i + 1) + ". " + codes.get(i)).collect(Collectors.joining("  "));
    }

    public static String orNone(Object value) {
        return value == null || value.toString().isBlank() ? NONE : value.toString();
    }
}
