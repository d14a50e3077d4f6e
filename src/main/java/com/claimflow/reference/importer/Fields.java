package com.claimflow.reference.importer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Field parsing shared by the importers; every failure names the field and the value. */
final class Fields {
    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern PROCEDURE = Pattern.compile("[0-9A-Z]{4}[0-9A-Z]");

    private Fields() {
    }

    static String required(String field, String value) throws FieldError {
        if (value == null || value.isBlank()) throw new FieldError(field + " is empty");
        return value.trim();
    }

    static String optional(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    static String procedureCode(String field, String value) throws FieldError {
        String v = required(field, value).toUpperCase(Locale.ROOT);
        if (!PROCEDURE.matcher(v).matches()) throw new FieldError(field + " '" + v + "' is not a CPT/HCPCS code (5 letters or digits)");
        return v;
    }

    static boolean looksLikeProcedureCode(String value) {
        return value != null && PROCEDURE.matcher(value.trim().toUpperCase(Locale.ROOT)).matches();
    }

    /** CMS compact dates; {@code *} or blank mean none when {@code optional}. */
    static LocalDate yyyymmdd(String field, String value, boolean optional) throws FieldError {
        String v = value == null ? "" : value.trim();
        if (v.isEmpty() || v.equals("*")) {
            if (optional) return null;
            throw new FieldError(field + " is empty");
        }
        try {
            return LocalDate.parse(v, YYYYMMDD);
        } catch (DateTimeParseException e) {
            throw new FieldError(field + " " + v + " is not a date (yyyyMMdd)");
        }
    }

    /** CSV dates: ISO yyyy-MM-dd or compact yyyyMMdd; blank is none when {@code optional}. */
    static LocalDate date(String field, String value, boolean optional) throws FieldError {
        String v = value == null ? "" : value.trim();
        if (v.isEmpty()) {
            if (optional) return null;
            throw new FieldError(field + " is empty");
        }
        if (v.length() == 8 && v.chars().allMatch(Character::isDigit)) return yyyymmdd(field, v, optional);
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new FieldError(field + " " + v + " is not a date (yyyy-MM-dd)");
        }
    }

    static int integer(String field, String value, int min) throws FieldError {
        String v = required(field, value);
        try {
            int i = Integer.parseInt(v);
            if (i < min) throw new FieldError(field + " " + v + " is below " + min);
            return i;
        } catch (NumberFormatException e) {
            throw new FieldError(field + " '" + v + "' is not a whole number");
        }
    }

    static Integer optionalInteger(String field, String value, int min) throws FieldError {
        return optional(value) == null ? null : integer(field, value, min);
    }

    static BigDecimal amount(String field, String value) throws FieldError {
        String v = required(field, value).replace("$", "").replace(",", "");
        try {
            BigDecimal d = new BigDecimal(v);
            if (d.signum() < 0) throw new FieldError(field + " " + v + " is negative");
            return d.setScale(2, java.math.RoundingMode.HALF_UP);
        } catch (NumberFormatException e) {
            throw new FieldError(field + " '" + v + "' is not an amount");
        }
    }

    static boolean flag(String field, String value) throws FieldError {
        String v = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
        return switch (v) {
            case "", "N", "NO", "FALSE", "0" -> false;
            case "Y", "YES", "TRUE", "1" -> true;
            default -> throw new FieldError(field + " '" + value.trim() + "' is not Y/N");
        };
    }

    static String maxLength(String field, String value, int max) throws FieldError {
        if (value != null && value.length() > max) throw new FieldError(field + " is " + value.length() + " characters long (at most " + max + ")");
        return value;
    }

    /** Fixed-width slice by 1-based inclusive positions, as CMS record layouts give them; short lines give "". */
    static String slice(String line, int from, int to) {
        if (line.length() < from) return "";
        return line.substring(from - 1, Math.min(to, line.length()));
    }

    /** One CSV record (RFC 4180 quoting, no line breaks inside fields); also splits tab-delimited lines. */
    static List<String> split(String line) {
        char sep = line.indexOf('\t') >= 0 ? '\t' : ',';
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cur.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == sep) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

    /** True for a data line of a CSV whose optional title row starts with {@code firstTitle} ("code", "id"). */
    static boolean isNotTitleRow(String line, String firstTitle) {
        return !at(split(line), 0).trim().equalsIgnoreCase(firstTitle);
    }

    static String at(List<String> f, int i) {
        return i < f.size() ? f.get(i) : "";
    }
}
