package com.claimflow.eligibility.x12;

import java.util.Map;

/**
 * The 271's codes in a biller's words (005010X279A1; the full lists are the guide's code lists): EB01 eligibility or
 * benefit information, AAA03 reject reasons and AAA04 follow-up actions.
 */
public final class EligibilityCodes {
    /** EB01: 1-5 are active coverage, 6-8 inactive, V cannot process; B, C and A are the copay, deductible and coinsurance. */
    public static final Map<String, String> BENEFIT = Map.ofEntries(Map.entry("1", "active coverage"),
            Map.entry("2", "active - full risk capitation"), Map.entry("3", "active - services capitated"),
            Map.entry("4", "active - services capitated to primary care physician"), Map.entry("5", "active - pending investigation"),
            Map.entry("6", "inactive"), Map.entry("7", "inactive - pending eligibility update"), Map.entry("8", "inactive - pending investigation"),
            Map.entry("A", "co-insurance"), Map.entry("B", "co-payment"), Map.entry("C", "deductible"), Map.entry("G", "out of pocket (stop loss)"),
            Map.entry("I", "non-covered"), Map.entry("R", "other or additional payer"), Map.entry("V", "cannot process"));
    /** AAA03 (X279A1 2000A/2100A/2100B/2100C/2100D/2110C AAA): why the payer could not answer the inquiry. */
    public static final Map<String, String> REJECT_REASON = Map.ofEntries(Map.entry("04", "authorized quantity exceeded"),
            Map.entry("15", "required application data missing"), Map.entry("33", "input errors"),
            Map.entry("41", "authorization/access restrictions"), Map.entry("42", "unable to respond at current time"),
            Map.entry("43", "invalid/missing provider identification"), Map.entry("45", "invalid/missing provider specialty"),
            Map.entry("47", "invalid/missing provider state"), Map.entry("48", "invalid/missing referring provider identification number"),
            Map.entry("49", "provider is not primary care physician"), Map.entry("51", "provider not on file"),
            Map.entry("52", "service dates not within provider plan enrollment"), Map.entry("56", "inappropriate date"),
            Map.entry("57", "invalid/missing date(s) of service"), Map.entry("58", "invalid/missing date-of-birth"),
            Map.entry("60", "date of birth follows date(s) of service"), Map.entry("61", "date of death precedes date(s) of service"),
            Map.entry("62", "date of service not within allowable inquiry period"), Map.entry("63", "date of service in future"),
            Map.entry("64", "invalid/missing patient id"), Map.entry("65", "invalid/missing patient name"),
            Map.entry("66", "invalid/missing patient gender code"), Map.entry("67", "patient not found"),
            Map.entry("68", "duplicate patient id number"), Map.entry("71", "patient birth date does not match that for the patient on the database"),
            Map.entry("72", "invalid/missing subscriber/insured id"), Map.entry("73", "invalid/missing subscriber/insured name"),
            Map.entry("74", "invalid/missing subscriber/insured gender code"), Map.entry("75", "subscriber/insured not found"),
            Map.entry("76", "duplicate subscriber/insured id number"), Map.entry("77", "subscriber found, patient not found"),
            Map.entry("78", "subscriber/insured not in group/plan identified"), Map.entry("79", "invalid participant identification"),
            Map.entry("80", "no response received - transaction terminated"), Map.entry("97", "invalid or missing provider address"),
            Map.entry("T4", "payer name or identifier missing"));
    /** AAA04: what the payer asks the provider to do next. */
    public static final Map<String, String> FOLLOW_UP = Map.ofEntries(Map.entry("C", "please correct and resubmit"),
            Map.entry("N", "resubmission not allowed"), Map.entry("P", "please resubmit original transaction"),
            Map.entry("R", "resubmission allowed"), Map.entry("S", "do not resubmit; inquiry initiated to a third party"),
            Map.entry("W", "please wait 30 days and resubmit"), Map.entry("X", "please wait 10 days and resubmit"),
            Map.entry("Y", "do not resubmit; we will hand over the response"));
    /** EB06 time period qualifiers met on copays and deductibles. */
    public static final Map<String, String> PERIOD = Map.ofEntries(Map.entry("6", "hour"), Map.entry("7", "day"), Map.entry("21", "years"),
            Map.entry("22", "service year"), Map.entry("23", "calendar year"), Map.entry("24", "year to date"), Map.entry("25", "contract"),
            Map.entry("26", "episode"), Map.entry("27", "visit"), Map.entry("29", "remaining"), Map.entry("32", "lifetime"));

    private EligibilityCodes() {
    }

    public static String describe(Map<String, String> list, String code) {
        String d = list.get(code);
        return d == null ? code : code + " " + d;
    }
}
