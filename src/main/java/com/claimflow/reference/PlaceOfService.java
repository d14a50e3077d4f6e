package com.claimflow.reference;

import java.time.LocalDate;
import java.util.Map;

/**
 * The CMS Place of Service code set (CMS "Place of Service Code Set"; Medicare Claims Processing Manual, Pub. 100-04,
 * chapter 26, section 10.5): the two-digit codes CMS has assigned, some from the day CMS added them. Every other code
 * from 01 to 99 is "unassigned" and not valid on a claim (837P 2300 CLM05-1 and 2400 SV105).
 */
public final class PlaceOfService {
    private static final LocalDate ALWAYS = LocalDate.MIN;
    /** Assigned codes and the first date of service they are valid on. */
    private static final Map<String, LocalDate> ASSIGNED = Map.ofEntries(
            Map.entry("01", ALWAYS), Map.entry("02", LocalDate.of(2017, 1, 1)), Map.entry("03", ALWAYS), Map.entry("04", ALWAYS),
            Map.entry("05", ALWAYS), Map.entry("06", ALWAYS), Map.entry("07", ALWAYS), Map.entry("08", ALWAYS), Map.entry("09", ALWAYS),
            Map.entry("10", LocalDate.of(2022, 1, 1)), Map.entry("11", ALWAYS), Map.entry("12", ALWAYS), Map.entry("13", ALWAYS),
            Map.entry("14", ALWAYS), Map.entry("15", ALWAYS), Map.entry("16", ALWAYS), Map.entry("17", ALWAYS), Map.entry("18", ALWAYS),
            Map.entry("19", ALWAYS), Map.entry("20", ALWAYS), Map.entry("21", ALWAYS), Map.entry("22", ALWAYS), Map.entry("23", ALWAYS),
            Map.entry("24", ALWAYS), Map.entry("25", ALWAYS), Map.entry("26", ALWAYS), Map.entry("27", LocalDate.of(2023, 10, 1)),
            Map.entry("31", ALWAYS), Map.entry("32", ALWAYS), Map.entry("33", ALWAYS), Map.entry("34", ALWAYS), Map.entry("41", ALWAYS),
            Map.entry("42", ALWAYS), Map.entry("49", ALWAYS), Map.entry("50", ALWAYS), Map.entry("51", ALWAYS), Map.entry("52", ALWAYS),
            Map.entry("53", ALWAYS), Map.entry("54", ALWAYS), Map.entry("55", ALWAYS), Map.entry("56", ALWAYS), Map.entry("57", ALWAYS),
            Map.entry("58", LocalDate.of(2020, 1, 1)), Map.entry("60", ALWAYS), Map.entry("61", ALWAYS), Map.entry("62", ALWAYS),
            Map.entry("65", ALWAYS), Map.entry("66", ALWAYS), Map.entry("71", ALWAYS), Map.entry("72", ALWAYS), Map.entry("81", ALWAYS),
            Map.entry("99", ALWAYS));

    private PlaceOfService() {
    }

    /** Why the code is not a valid place of service on the date of service, or null when it is. */
    public static String problem(String code, LocalDate dateOfService) {
        if (code == null || !code.matches("[0-9]{2}")) return "Place of service '" + code + "' is not a two-digit CMS place of service code";
        LocalDate from = ASSIGNED.get(code);
        if (from == null) return "Place of service " + code + " is unassigned in the CMS place of service code set: use an assigned code (e.g. 11 office)";
        if (dateOfService != null && dateOfService.isBefore(from)) {
            return "Place of service " + code + " is valid from " + from + " only, not on the date of service " + dateOfService;
        }
        return null;
    }
}
