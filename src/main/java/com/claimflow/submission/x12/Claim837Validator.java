package com.claimflow.submission.x12;

import com.claimflow.intake.InputRules;
import com.claimflow.reference.Npi;
import com.claimflow.reference.Nubc;
import com.claimflow.x12.X12Issue;
import com.claimflow.x12.X12Segment;
import com.claimflow.x12.X12SegmentReader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads an 837P or 837I back and checks what payers refuse files for: the envelope (StAEDI's control checks plus
 * our own SE/GE/IEA counts and control numbers), the HL parent/child structure, the segments each loop requires,
 * element lengths and code lists, NPIs, diagnosis pointers and that each claim's total is the sum of its lines; the
 * 2310 provider loops (referring, rendering, attending) in the guide's order; on an 837I the type of bill, the
 * admission (DTP*435 on inpatient and home health bills), CL1 and revenue codes (NUBC code lists) and the guide's
 * "required when" data (admitting diagnosis, reason for visit, discharge hour); the billing provider's nine-digit ZIP
 * code; SBR02 against the patient level and loop 2000C/2010CA when the patient is not the subscriber. A file may hold many transaction sets (one per claim, see {@link Claim837Batch}).
 * Streams, so a file of any size is checked in constant memory (per claim state only).
 */
public final class Claim837Validator {
    private static final Pattern POS = Pattern.compile("\\d{2}");
    private static final Pattern ICD10 = Pattern.compile("[A-Z][0-9][0-9A-Z]{1,5}");
    private static final Pattern PROCEDURE = Pattern.compile("[0-9A-Z]{5}");
    private static final Pattern MODIFIER = Pattern.compile("[0-9A-Z]{2}");
    private static final Pattern ZIP = Pattern.compile("\\d{5}(\\d{4})?");
    private static final Pattern ZIP9 = Pattern.compile("\\d{9}");
    /** The 2310 loops a claim may carry, by NM101, in the order each guide puts them. */
    private static final Map<String, String> LOOPS_837P = Map.of("DN", "2310A", "P3", "2310A", "82", "2310B", "77", "2310C", "DQ", "2310D",
            "PW", "2310E", "45", "2310F");
    private static final Map<String, String> LOOPS_837I = Map.of("71", "2310A", "72", "2310B", "ZZ", "2310C", "82", "2310D", "77", "2310E",
            "DN", "2310F");
    private static final Pattern TIN = Pattern.compile("\\d{9}");
    private static final Set<String> FILING_CODES = Set.of("11", "12", "13", "14", "15", "16", "17", "AM", "BL", "CH", "CI", "DS", "FI",
            "HM", "LM", "MA", "MB", "MC", "OF", "TV", "VA", "WC", "ZZ");
    private static final Set<String> SBR01 = Set.of("P", "S", "T", "A", "B", "C", "D", "E", "F", "G", "H", "U");
    private static final Set<String> FREQUENCIES = Set.of("1", "7", "8");
    /** PAT01 individual relationship codes of 005010X222A1/X223A2 loop 2000C (18 self is SBR02, no 2000C then). */
    private static final Set<String> PATIENT_RELATIONSHIPS = Set.of("01", "19", "20", "21", "39", "40", "53", "G8");
    private static final DateTimeFormatter D8 = DateTimeFormatter.BASIC_ISO_DATE;

    private final List<X12Issue> issues = new ArrayList<>();
    private String version;
    private String loop;
    // envelope
    private String isaControl;
    private String gsControl;
    private String stControl;
    private int groups;
    private int transactions;
    private int segmentsInTransaction;
    // HL structure
    private final Map<String, Hl> levels = new HashMap<>();
    private int lastHl;
    private Hl currentHl;
    private boolean sawSubmitter;
    private boolean sawSubmitterPer;
    private boolean sawReceiver;
    // 2010AA
    private Set<String> billingSegments = new HashSet<>();
    private X12Segment billingName;
    // 2000B
    private Set<String> subscriberSegments = new HashSet<>();
    private X12Segment subscriberHl;
    private X12Segment sbr;
    // 2000C
    private Set<String> patientSegments = new HashSet<>();
    private X12Segment patientHl;
    // 2300
    private X12Segment clm;
    private BigDecimal lineTotal;
    private int diagnoses;
    private boolean sawHi;
    private boolean sawF8;
    private boolean sawCl1;
    private boolean sawStatementDates;
    private boolean sawAdmission;
    private boolean sawAdmittingDiagnosis;
    private boolean sawReasonForVisit;
    private boolean sawDischarge;
    private String admissionType;
    private String patientStatus;
    private final List<String> revenueCodes = new ArrayList<>();
    private String last2310;
    private int lines;
    // 2400
    private X12Segment lx;
    private boolean sawService;
    private boolean sawServiceDate;

    private record Hl(X12Segment segment, String level, boolean declaresChildren, int[] children) {
    }

    private Claim837Validator() {
    }

    public static List<X12Issue> validate(String file) {
        return validate(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)));
    }

    public static List<X12Issue> validate(InputStream file) {
        Claim837Validator v = new Claim837Validator();
        try (X12SegmentReader reader = new X12SegmentReader(file)) {
            for (X12Segment s = reader.next(); s != null; s = reader.next()) v.on(s);
            v.end();
            List<X12Issue> all = new ArrayList<>(reader.issues());
            all.addAll(v.issues);
            all.sort(java.util.Comparator.comparingInt(X12Issue::segmentNumber));
            return all;
        }
    }

    private void on(X12Segment s) {
        if (stControl != null) segmentsInTransaction++;
        switch (s.id()) {
            case "ISA" -> {
                isaControl = s.el(13);
                if (!s.el(12).equals("00501")) issue(s, "ISA12", "version '" + s.el(12) + "' is not 00501");
                if (!s.el(13).matches("\\d{9}")) issue(s, "ISA13", "control number must be nine digits");
                if (!Set.of("P", "T").contains(s.el(15))) issue(s, "ISA15", "usage '" + s.el(15) + "' is not P or T");
            }
            case "GS" -> {
                groups++;
                gsControl = s.el(6);
                version = s.el(8);
                if (!s.el(1).equals("HC")) issue(s, "GS01", "'" + s.el(1) + "' is not HC (health care claim)");
                if (!Set.of("005010X222A1", "005010X223A2").contains(version)) issue(s, "GS08", "'" + version + "' is not 005010X222A1 or 005010X223A2");
            }
            case "ST" -> {
                transactions++;
                stControl = s.el(2);
                segmentsInTransaction = 1;
                loop = "HEADER";
                sawSubmitter = false;
                sawSubmitterPer = false;
                sawReceiver = false;
                if (!s.el(1).equals("837")) issue(s, "ST01", "'" + s.el(1) + "' is not 837");
                if (!s.el(3).equals(version)) issue(s, "ST03", "'" + s.el(3) + "' differs from GS08 '" + version + "'");
                if (s.el(2).length() < 4 || s.el(2).length() > 9) issue(s, "ST02", "control number must have 4 to 9 characters");
            }
            case "BHT" -> {
                if (!s.el(1).equals("0019")) issue(s, "BHT01", "'" + s.el(1) + "' is not 0019");
                if (!Set.of("00", "18").contains(s.el(2))) issue(s, "BHT02", "'" + s.el(2) + "' is not 00 or 18");
                date(s, 4, "BHT04");
                if (!Set.of("CH", "RP", "31").contains(s.el(6))) issue(s, "BHT06", "'" + s.el(6) + "' is not CH, RP or 31");
            }
            case "HL" -> hl(s);
            case "NM1" -> nm1(s);
            case "PER" -> {
                if ("1000A".equals(loop)) sawSubmitterPer = true;
                if (s.el(3).isEmpty() || s.el(4).isEmpty()) issue(s, "PER04", "a submitter contact number is required");
            }
            case "N3" -> {
                mark(s);
                length(s, 1, 1, 55, "N301");
                if (s.size() >= 2) length(s, 2, 0, 55, "N302");
            }
            case "N4" -> {
                mark(s);
                length(s, 1, 2, 30, "N401");
                if (!s.el(2).matches("[A-Z]{2}")) issue(s, "N402", "'" + s.el(2) + "' is not a state code");
                if ("2010AA".equals(loop)) {
                    if (!ZIP9.matcher(s.el(3)).matches()) issue(s, "N403", "billing provider ZIP code '" + s.el(3) + "' must have nine digits (ZIP+4)");
                } else if (!ZIP.matcher(s.el(3)).matches()) {
                    issue(s, "N403", "'" + s.el(3) + "' is not a 5 or 9 digit ZIP code");
                }
            }
            case "REF" -> ref(s);
            case "SBR" -> {
                subscriberSegments.add("SBR");
                sbr = s;
                if (s.el(3).length() > 50) issue(s, "SBR03", "group number '" + s.el(3) + "' is longer than 50");
                if (!SBR01.contains(s.el(1))) issue(s, "SBR01", "payer responsibility '" + s.el(1) + "' is not a valid code");
                if (!FILING_CODES.contains(s.el(9))) issue(s, "SBR09", "claim filing indicator '" + s.el(9) + "' is not a valid code");
            }
            case "PAT" -> {
                if ("2000C".equals(loop)) patientSegments.add("PAT");
                if (!PATIENT_RELATIONSHIPS.contains(s.el(1))) {
                    issue(s, "PAT01", "'" + s.el(1) + "' is not a patient relationship code (01, 19, 20, 21, 39, 40, 53 or G8; 18 self goes in SBR02)");
                }
            }
            case "DMG" -> {
                mark(s);
                if (!s.el(1).equals("D8")) issue(s, "DMG01", "date format must be D8");
                date(s, 2, "DMG02");
                if (!Set.of("F", "M", "U").contains(s.el(3))) issue(s, "DMG03", "sex '" + s.el(3) + "' is not F, M or U");
            }
            case "CLM" -> clm(s);
            case "HI" -> hi(s);
            case "LX" -> lx(s);
            case "SV1" -> sv1(s);
            case "SV2" -> sv2(s);
            case "DTP" -> dtp(s);
            case "CL1" -> cl1(s);
            case "SE" -> {
                endClaim();
                endSubscriber();
                endPatient();
                if (!s.el(1).equals(String.valueOf(segmentsInTransaction))) {
                    issue(s, "SE01", "segment count " + s.el(1) + " does not match the " + segmentsInTransaction + " segments sent");
                }
                if (!s.el(2).equals(stControl)) issue(s, "SE02", "control number " + s.el(2) + " does not match ST02 " + stControl);
                structure(s);
                stControl = null;
            }
            case "GE" -> {
                if (!s.el(1).equals(String.valueOf(transactions))) issue(s, "GE01", "count " + s.el(1) + " does not match the " + transactions + " transaction sets");
                if (!s.el(2).equals(gsControl)) issue(s, "GE02", "control number " + s.el(2) + " does not match GS06 " + gsControl);
                transactions = 0;
            }
            case "IEA" -> {
                if (!s.el(1).equals(String.valueOf(groups))) issue(s, "IEA01", "count " + s.el(1) + " does not match the " + groups + " groups");
                if (!s.el(2).equals(isaControl)) issue(s, "IEA02", "control number " + s.el(2) + " does not match ISA13 " + isaControl);
                isaControl = null;
            }
            default -> {
            }
        }
    }

    private void dtp(X12Segment s) {
        if ("2400".equals(loop) && s.el(1).equals("472")) sawServiceDate = true;
        if (s.el(2).equals("D8")) date(s, 3, "DTP03");
        if (!"2300".equals(loop)) return;
        if (s.el(1).equals("096")) {
            sawDischarge = true;
            if (!s.el(2).equals("TM") || !s.el(3).matches("([01]\\d|2[0-3])[0-5]\\d")) issue(s, "DTP03", "the discharge hour must be HHMM, qualified TM");
        }
        if (s.el(1).equals("434")) {
            sawStatementDates = true;
            if (!s.el(2).equals("RD8") || !s.el(3).matches("\\d{8}-\\d{8}")) issue(s, "DTP03", "statement dates must be a range CCYYMMDD-CCYYMMDD (RD8)");
        }
        if (s.el(1).equals("435")) {
            sawAdmission = true;
            if (!s.el(2).equals("DT")) issue(s, "DTP02", "the admission date and hour must be qualified DT (CCYYMMDDHHMM)");
            else if (!s.el(3).matches("\\d{12}") || !validDate(s.el(3).substring(0, 8)) || Integer.parseInt(s.el(3).substring(8, 10)) > 23
                    || Integer.parseInt(s.el(3).substring(10)) > 59) {
                issue(s, "DTP03", "'" + s.el(3) + "' is not a date and hour (CCYYMMDDHHMM)");
            }
        }
    }

    private void cl1(X12Segment s) {
        sawCl1 = true;
        admissionType = s.el(1);
        patientStatus = s.el(3);
        if (!Nubc.isAdmissionType(s.el(1))) issue(s, "CL101", "admission type '" + s.el(1) + "' is not a NUBC code (1, 2, 3, 4, 5 or 9)");
        if (!Nubc.isPointOfOrigin(s.el(2))) issue(s, "CL102", "point of origin '" + s.el(2) + "' is not a NUBC code");
        if (!Nubc.isPatientStatus(s.el(3))) issue(s, "CL103", "patient status '" + s.el(3) + "' is not a NUBC discharge status code");
    }

    private void hl(X12Segment s) {
        endClaim();
        endPatient();
        if ("22".equals(currentLevel())) endSubscriber();
        if ("20".equals(currentLevel())) endBilling();
        String id = s.el(1);
        if (!id.equals(String.valueOf(lastHl + 1))) issue(s, "HL01", "'" + id + "' is not the next number (" + (lastHl + 1) + ")");
        lastHl = parse(id, lastHl + 1);
        String level = s.el(3);
        String parent = s.el(2);
        switch (level) {
            case "20" -> {
                if (!parent.isEmpty()) issue(s, "HL02", "a billing provider level has no parent");
                loop = "2000A";
                billingSegments = new HashSet<>();
                billingName = null;
            }
            case "22" -> {
                Hl p = levels.get(parent);
                if (p == null || !p.level.equals("20")) issue(s, "HL02", "parent '" + parent + "' is not a billing provider level (HL03 20)");
                loop = "2000B";
                subscriberSegments = new HashSet<>();
                subscriberHl = s;
            }
            case "23" -> {
                Hl p = levels.get(parent);
                if (p == null || !p.level.equals("22")) issue(s, "HL02", "parent '" + parent + "' is not a subscriber level (HL03 22)");
                if (!s.el(4).equals("0")) issue(s, "HL04", "a patient level has no children (0)");
                loop = "2000C";
                patientSegments = new HashSet<>();
                patientHl = s;
            }
            default -> issue(s, "HL03", "level code '" + level + "' is not 20, 22 or 23");
        }
        if (!Set.of("0", "1").contains(s.el(4))) issue(s, "HL04", "child code '" + s.el(4) + "' is not 0 or 1");
        Hl p = levels.get(parent);
        if (p != null) p.children[0]++;
        currentHl = new Hl(s, level, s.el(4).equals("1"), new int[1]);
        levels.put(id, currentHl);
    }

    private String currentLevel() {
        return currentHl == null ? null : currentHl.level;
    }

    /** The transaction set's structure, checked at its SE (issues without a segment of their own are placed there). */
    private void structure(X12Segment se) {
        for (Hl h : levels.values()) {
            if (h.declaresChildren && h.children[0] == 0) issue(h.segment, "HL04", "says the level has children but none follows");
            if (!h.declaresChildren && h.children[0] > 0) issue(h.segment, "HL04", "says the level has no children but " + h.children[0] + " follow");
        }
        if (!sawSubmitter) issue(se, "NM1", "1000A", "the submitter name (NM1*41) is missing");
        else if (!sawSubmitterPer) issue(se, "PER", "1000A", "the submitter contact (PER) is missing");
        if (!sawReceiver) issue(se, "NM1", "1000B", "the receiver name (NM1*40) is missing");
        if (levels.isEmpty()) issue(se, "HL", "2000A", "the transaction set has no billing provider level");
        levels.clear();
        lastHl = 0;
        currentHl = null;
    }

    private void nm1(X12Segment s) {
        String entity = s.el(1);
        switch (entity) {
            case "41" -> {
                loop = "1000A";
                sawSubmitter = true;
            }
            case "40" -> {
                loop = "1000B";
                sawReceiver = true;
            }
            case "85" -> {
                loop = "2010AA";
                billingName = s;
                billingSegments.add("NM1");
                if (!s.el(8).equals("XX")) issue(s, "NM108", "the billing provider must be identified by NPI (XX)");
            }
            case "IL" -> {
                loop = "2010BA";
                subscriberSegments.add("NM1*IL");
                if (!s.el(8).equals("MI")) issue(s, "NM108", "the subscriber must be identified by member id (MI)");
                length(s, 9, 2, 80, "NM109");
            }
            case "QC" -> {
                loop = "2010CA";
                patientSegments.add("NM1*QC");
                if (!s.el(2).equals("1")) issue(s, "NM102", "the patient must be a person (1)");
                if (s.el(3).isEmpty()) issue(s, "NM103", "the patient's last name is required");
                if (!s.el(8).isEmpty() || !s.el(9).isEmpty()) issue(s, "NM108", "the patient has no id in 2010CA (the subscriber's member id is in 2010BA)");
            }
            case "PR" -> {
                loop = "2010BB";
                subscriberSegments.add("NM1*PR");
                if (!s.el(8).equals("PI") && !s.el(8).equals("XV")) issue(s, "NM108", "the payer must be identified by PI or XV");
            }
            default -> provider2310(s);
        }
        if (!Set.of("1", "2").contains(s.el(2))) issue(s, "NM102", "entity type '" + s.el(2) + "' is not 1 or 2");
        length(s, 3, 1, 60, "NM103");
        if (s.el(2).equals("1") && s.el(4).length() > 35) issue(s, "NM104", "first name longer than 35");
        if (s.el(8).equals("XX") && !Npi.isValid(s.el(9))) issue(s, "NM109", "'" + s.el(9) + "' is not a valid NPI (ten digits, Luhn check digit)");
    }

    /** A 2310 provider name: in its claim, once, in the guide's order; a referring or attending provider is a person with an NPI. */
    private void provider2310(X12Segment s) {
        boolean professional = "005010X222A1".equals(version);
        String id = (professional ? LOOPS_837P : LOOPS_837I).get(s.el(1));
        if (id == null || clm == null || "2400".equals(loop)) return;
        loop = id;
        if (last2310 != null && id.compareTo(last2310) <= 0) {
            issue(s, "NM101", id.equals(last2310) ? "a second " + id + " loop in one claim" : "loop " + id + " must come before loop " + last2310);
        }
        last2310 = id;
        if (s.el(1).equals("DN") || s.el(1).equals("71")) {
            String who = s.el(1).equals("DN") ? "referring" : "attending";
            if (!s.el(2).equals("1")) issue(s, "NM102", "the " + who + " provider must be a person (1)");
            if (s.el(3).isEmpty()) issue(s, "NM103", "the " + who + " provider's last name is required");
            if (!s.el(8).equals("XX")) issue(s, "NM108", "the " + who + " provider must be identified by NPI (XX)");
        }
    }

    private void ref(X12Segment s) {
        String q = s.el(1);
        if ("2010AA".equals(loop) && (q.equals("EI") || q.equals("SY"))) {
            billingSegments.add("REF*EI");
            if (!TIN.matcher(s.el(2)).matches()) issue(s, "REF02", "tax id '" + s.el(2) + "' is not nine digits");
        }
        if ("2300".equals(loop) && q.equals("F8")) sawF8 = true;
        length(s, 2, 1, 50, "REF02");
    }

    private void mark(X12Segment s) {
        if ("2010AA".equals(loop)) billingSegments.add(s.id());
        if ("2010CA".equals(loop)) patientSegments.add(s.id());
    }

    private void endBilling() {
        if (currentHl == null) return;
        X12Segment at = currentHl.segment;
        if (billingName == null) issue(at, "NM1", "2010AA", "the billing provider name (NM1*85) is missing");
        else {
            for (String required : List.of("N3", "N4", "REF*EI")) {
                if (!billingSegments.contains(required)) issue(billingName, required, "2010AA", "the billing provider's " + required + " is missing");
            }
        }
    }

    private void endSubscriber() {
        if (subscriberHl == null) return;
        for (String required : List.of("SBR", "NM1*IL", "NM1*PR")) {
            if (!subscriberSegments.contains(required)) issue(subscriberHl, required, "2000B", required + " is missing");
        }
        // SBR02: 18 when the subscriber is the patient (no 2000C, HL04 0); else not sent and the patient is in 2000C (HL04 1)
        if (sbr != null) {
            boolean patientBelow = subscriberHl.el(4).equals("1");
            if (!patientBelow && !sbr.el(2).equals("18")) {
                issue(sbr, "SBR02", "2000B", "'" + sbr.el(2) + "': with no patient level (HL04 0) the patient is the subscriber and SBR02 must be 18");
            }
            if (patientBelow && !sbr.el(2).isEmpty()) {
                issue(sbr, "SBR02", "2000B", "must be empty when the patient is not the subscriber (HL04 1, patient in 2000C)");
            }
        }
        subscriberHl = null;
        sbr = null;
    }

    /** Loop 2000C and 2010CA: the relationship (PAT) and the patient's name, address, birth date and sex. */
    private void endPatient() {
        if (patientHl == null) return;
        for (String required : List.of("PAT", "NM1*QC", "N3", "N4", "DMG")) {
            if (!patientSegments.contains(required)) {
                issue(patientHl, required, required.equals("PAT") ? "2000C" : "2010CA", "the patient's " + required + " is missing (the patient is not the subscriber)");
            }
        }
        patientHl = null;
    }

    private void clm(X12Segment s) {
        endClaim();
        endPatient();
        loop = "2300";
        clm = s;
        lineTotal = BigDecimal.ZERO;
        diagnoses = 0;
        sawHi = false;
        sawF8 = false;
        sawCl1 = false;
        sawStatementDates = false;
        sawAdmission = false;
        sawAdmittingDiagnosis = false;
        sawReasonForVisit = false;
        sawDischarge = false;
        admissionType = null;
        patientStatus = null;
        revenueCodes.clear();
        last2310 = null;
        lines = 0;
        length(s, 1, 1, 38, "CLM01");
        BigDecimal total = amount(s, 2, "CLM02");
        if (total != null && total.signum() < 0) issue(s, "CLM02", "the claim total is negative");
        boolean professional = "005010X222A1".equals(version);
        if (professional ? !POS.matcher(s.comp(5, 1)).matches() : !Nubc.isFacilityType(s.comp(5, 1))) {
            issue(s, "CLM05-1", "'" + s.comp(5, 1) + "' is not a two-digit " + (professional ? "place of service" : "facility type (type of bill)") + " code");
        }
        if (!s.comp(5, 2).equals(professional ? "B" : "A")) issue(s, "CLM05-2", "qualifier must be " + (professional ? "B" : "A"));
        if (!FREQUENCIES.contains(s.comp(5, 3))) issue(s, "CLM05-3", "frequency '" + s.comp(5, 3) + "' is not 1, 7 or 8");
        if (professional && !Set.of("Y", "N").contains(s.el(6))) issue(s, "CLM06", "provider signature indicator must be Y or N");
        if (!Set.of("A", "B", "C").contains(s.el(7))) issue(s, "CLM07", "assignment code '" + s.el(7) + "' is not A, B or C");
        if (!Set.of("Y", "N", "W").contains(s.el(8))) issue(s, "CLM08", "benefits assignment '" + s.el(8) + "' is not Y, N or W");
        if (!Set.of("Y", "I").contains(s.el(9))) issue(s, "CLM09", "release of information '" + s.el(9) + "' is not Y or I");
    }

    private void endClaim() {
        endLine();
        if (clm == null) return;
        if (!sawHi) issue(clm, "HI", "2300", "the claim has no diagnosis (HI)");
        if (lines == 0) issue(clm, "LX", "2300", "the claim has no service line (2400)");
        if ("005010X223A2".equals(version)) {
            if (!sawStatementDates) issue(clm, "DTP*434", "2300", "the statement dates (DTP*434) are missing");
            if (Nubc.needsAdmission(clm.comp(5, 1)) && !sawAdmission) {
                issue(clm, "DTP*435", "2300", "an inpatient or home health bill (facility type " + clm.comp(5, 1) + ") needs the admission date and hour (DTP*435)");
            }
            if (!sawCl1) issue(clm, "CL1", "2300", "the institutional claim code (CL1: admission type, point of origin, patient status) is missing");
            requiredWhen(clm.comp(5, 1), clm.comp(5, 3));
        }
        if (Set.of("7", "8").contains(clm.comp(5, 3)) && !sawF8) {
            issue(clm, "REF*F8", "2300", "a replacement or void (frequency " + clm.comp(5, 3) + ") needs the payer's claim control number (REF*F8)");
        }
        BigDecimal total = decimal(clm.el(2));
        if (total != null && lines > 0 && total.compareTo(lineTotal) != 0) {
            issue(clm, "CLM02", "2300", "claim total " + clm.el(2) + " is not the sum of its service lines " + lineTotal.toPlainString());
        }
        clm = null;
    }

    /**
     * The 837I's "required when" rules of 005010X223A2 loop 2300 that depend on the type of bill: admitting diagnosis
     * (HI*ABJ) on inpatient bills, the discharge hour (DTP*096) on final inpatient bills of a patient who left, the
     * patient's reason for visit (HI*APR) on unscheduled outpatient visits (X12 RFI 1256: bill types 13x, 78x, 85x with
     * admission type 1, 2, 5 or an emergency, urgent care or observation revenue code; allowed on their other bills,
     * never on other types); each "do not send" otherwise.
     */
    private void requiredWhen(String facilityType, String frequency) {
        boolean inpatient = InputRules.isInpatient(facilityType);
        if (inpatient && !sawAdmittingDiagnosis) {
            issue(clm, "HI*ABJ", "2300", "an inpatient bill (facility type " + facilityType + ") needs the admitting diagnosis (HI*ABJ)");
        }
        if (!inpatient && sawAdmittingDiagnosis) {
            issue(clm, "HI*ABJ", "2300", "the admitting diagnosis (HI*ABJ) is sent on inpatient bills only, not on facility type " + facilityType);
        }
        boolean discharge = InputRules.needsDischarge(facilityType, frequency, patientStatus);
        if (discharge && !sawDischarge) {
            issue(clm, "DTP*096", "2300", "a final inpatient bill (facility type " + facilityType + ", frequency " + frequency + ", patient status "
                    + patientStatus + ") needs the discharge hour (DTP*096)");
        }
        if (!discharge && sawDischarge) issue(clm, "DTP*096", "2300", "the discharge hour (DTP*096) is sent on final inpatient bills only");
        if (!sawReasonForVisit && InputRules.needsReasonForVisit(facilityType, admissionType, revenueCodes)) {
            issue(clm, "HI*APR", "2300", "an unscheduled outpatient visit (facility type " + facilityType + ", admission type " + admissionType
                    + " or an emergency, urgent care or observation revenue code) needs the patient's reason for visit (HI*APR)");
        }
        if (sawReasonForVisit && !InputRules.takesReasonForVisit(facilityType)) {
            issue(clm, "HI*APR", "2300", "the patient's reason for visit (HI*APR) is sent on facility types 13, 78 and 85 only, not " + facilityType);
        }
    }

    private void hi(X12Segment s) {
        String first = s.comp(1, 1);
        if (first.equals("ABJ") || first.equals("BJ")) {
            sawAdmittingDiagnosis = true;
            if (s.size() > 1) issue(s, "HI02", "the admitting diagnosis HI has one element");
            icd(s, 1);
            return;
        }
        if (first.equals("APR") || first.equals("PR")) {
            sawReasonForVisit = true;
            if (s.size() > 3) issue(s, "HI04", "at most three reasons for visit");
            for (int i = 1; i <= s.size(); i++) {
                if (!s.comp(i, 1).equals(first)) issue(s, "HI" + String.format("%02d", i) + "-1", "qualifier '" + s.comp(i, 1) + "' is not " + first);
                icd(s, i);
            }
            return;
        }
        sawHi = true;
        for (int i = 1; i <= s.size(); i++) {
            String q = s.comp(i, 1);
            String code = s.comp(i, 2);
            String el = "HI" + String.format("%02d", i);
            boolean principal = diagnoses == 0;
            if (principal && !Set.of("ABK", "BK").contains(q)) issue(s, el + "-1", "the first diagnosis must be the principal one (ABK)");
            if (!principal && !Set.of("ABF", "BF").contains(q)) issue(s, el + "-1", "qualifier '" + q + "' is not ABF (other diagnosis)");
            if (!ICD10.matcher(code).matches()) issue(s, el + "-2", "'" + code + "' is not an ICD-10-CM code without the dot");
            diagnoses++;
        }
        if (diagnoses > 12 && "005010X222A1".equals(version)) issue(s, "HI", "more than 12 diagnoses");
    }

    private void icd(X12Segment s, int position) {
        String el = "HI" + String.format("%02d", position);
        if (!ICD10.matcher(s.comp(position, 2)).matches()) issue(s, el + "-2", "'" + s.comp(position, 2) + "' is not an ICD-10-CM code without the dot");
    }

    private void lx(X12Segment s) {
        endLine();
        loop = "2400";
        lines++;
        lx = s;
        sawService = false;
        sawServiceDate = false;
        if (!s.el(1).equals(String.valueOf(lines))) issue(s, "LX01", "line number '" + s.el(1) + "' is not " + lines);
        if (lines > ("005010X222A1".equals(version) ? 50 : 999)) issue(s, "LX01", "too many service lines in one claim");
    }

    private void endLine() {
        if (lx == null) return;
        if (!sawService) issue(lx, "SV1", "2400", "the service line has no SV1/SV2");
        if (!sawServiceDate && "005010X222A1".equals(version)) issue(lx, "DTP*472", "2400", "the service line has no date of service (DTP*472)");
        lx = null;
    }

    private void sv1(X12Segment s) {
        sawService = true;
        procedure(s, 1, "SV101");
        BigDecimal charge = amount(s, 2, "SV102");
        if (charge != null && lineTotal != null) lineTotal = lineTotal.add(charge);
        if (!Set.of("UN", "MJ").contains(s.el(3))) issue(s, "SV103", "unit basis '" + s.el(3) + "' is not UN or MJ");
        units(s, 4, "SV104");
        List<String> pointers = s.components(7);
        if (pointers.isEmpty()) issue(s, "SV107", "at least one diagnosis pointer is required");
        if (pointers.size() > 4) issue(s, "SV107", "at most four diagnosis pointers");
        for (int i = 0; i < pointers.size(); i++) {
            int p = parse(pointers.get(i), -1);
            if (p < 1 || p > 12) issue(s, "SV107-" + (i + 1), "pointer '" + pointers.get(i) + "' is not 1 to 12");
            else if (p > diagnoses) issue(s, "SV107-" + (i + 1), "pointer " + p + " points past the " + diagnoses + " diagnoses in HI");
        }
    }

    private void sv2(X12Segment s) {
        sawService = true;
        revenueCodes.add(s.el(1));
        if (!Nubc.isRevenueCode(s.el(1))) issue(s, "SV201", "revenue code '" + s.el(1) + "' is not a four-digit NUBC revenue code");
        if (!s.el(2).isEmpty()) procedure(s, 2, "SV202");
        BigDecimal charge = amount(s, 3, "SV203");
        if (charge != null && lineTotal != null) lineTotal = lineTotal.add(charge);
        if (!Set.of("UN", "DA").contains(s.el(4))) issue(s, "SV204", "unit basis '" + s.el(4) + "' is not UN or DA");
        units(s, 5, "SV205");
    }

    private void procedure(X12Segment s, int position, String element) {
        if (!Set.of("HC", "HP", "ER", "IV", "WK").contains(s.comp(position, 1))) issue(s, element + "-1", "qualifier '" + s.comp(position, 1) + "' is not HC");
        if (!PROCEDURE.matcher(s.comp(position, 2)).matches()) issue(s, element + "-2", "'" + s.comp(position, 2) + "' is not a CPT/HCPCS code");
        List<String> c = s.components(position);
        for (int m = 3; m <= Math.min(c.size(), 6); m++) {
            if (!MODIFIER.matcher(c.get(m - 1)).matches()) issue(s, element + "-" + m, "modifier '" + c.get(m - 1) + "' is not two characters");
        }
    }

    private void units(X12Segment s, int position, String element) {
        BigDecimal units = decimal(s.el(position));
        if (units == null || units.signum() <= 0) issue(s, element, "units '" + s.el(position) + "' must be a number above zero");
    }

    private BigDecimal amount(X12Segment s, int position, String element) {
        BigDecimal v = decimal(s.el(position));
        if (v == null) issue(s, element, "'" + s.el(position) + "' is not an amount");
        else if (v.scale() > 2) issue(s, element, "'" + s.el(position) + "' has more than two decimals");
        else if (s.el(position).replace(".", "").replace("-", "").length() > 18) issue(s, element, "amount too long");
        return v;
    }

    private void date(X12Segment s, int position, String element) {
        if (!validDate(s.el(position))) issue(s, element, "'" + s.el(position) + "' is not a date (CCYYMMDD)");
    }

    private static boolean validDate(String value) {
        try {
            LocalDate.parse(value, D8);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private void length(X12Segment s, int position, int min, int max, String element) {
        int n = s.el(position).length();
        if (n < min) issue(s, element, "a value is required");
        else if (n > max) issue(s, element, "'" + s.el(position) + "' is longer than " + max);
    }

    private void end() {
        if (stControl != null) issue(null, "SE", null, "the transaction set " + stControl + " has no SE trailer (file truncated?)");
        if (isaControl != null) issue(null, "IEA", null, "the interchange " + isaControl + " has no IEA trailer (file truncated?)");
    }

    private void issue(X12Segment s, String element, String message) {
        issues.add(X12Issue.of(s, element, loop, message));
    }

    private void issue(X12Segment s, String element, String loopId, String message) {
        issues.add(new X12Issue(s == null ? 0 : s.number(), s == null ? element : s.id(), element, loopId, message));
    }

    private static BigDecimal decimal(String v) {
        try {
            return v == null || v.isEmpty() ? null : new BigDecimal(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static int parse(String v, int fallback) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
