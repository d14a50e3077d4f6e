package com.claimflow.inbound.hl7;

import com.claimflow.intake.EncounterRequest;
import com.claimflow.intake.Subscriber;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the visit from PID, PV1, IN1/IN2 (HL7 v2.5.1 chapters 3 and 6) into what {@code POST /api/encounters} takes,
 * and remembers where each request field came from, so that intake's refusal of a field ({@code coverages[0].payerId})
 * is answered naming the segment and field ({@code IN1[1]-3}). docs/hl7v2.md has the table.
 */
final class Hl7EncounterMapping {
    /** HL7 table 0001 administrative sex to the claim's M, F, U. */
    private static final Map<String, String> SEX = Map.of("M", "M", "F", "F", "U", "U", "O", "U", "A", "U", "N", "U");
    /** HL7 table 0004 patient class to the CMS place of service of a professional claim. */
    private static final Map<String, String> PLACE_OF_SERVICE = Map.of("O", "11", "R", "11", "B", "11", "P", "11", "E", "23", "I", "21");
    /** HL7 table 0063 read as the patient's relationship to the insured (IN2-72) to the X12 individual relationship code. */
    private static final Map<String, String> PATIENT_TO_INSURED = Map.ofEntries(Map.entry("SEL", "18"), Map.entry("SPO", "01"),
            Map.entry("DOM", "53"), Map.entry("CHD", "19"), Map.entry("NCH", "19"), Map.entry("SCH", "19"), Map.entry("FCH", "19"),
            Map.entry("DEP", "19"), Map.entry("WRD", "19"), Map.entry("EME", "20"), Map.entry("UNK", "21"));
    /**
     * HL7 table 0063 read as IN1-17 defines it, the insured's relationship to the patient, turned round: an insured who is
     * the patient's parent or guardian makes the patient their child (19), an employer makes the patient an employee (20).
     */
    private static final Map<String, String> INSURED_TO_PATIENT = Map.ofEntries(Map.entry("SEL", "18"), Map.entry("SPO", "01"),
            Map.entry("DOM", "53"), Map.entry("FTH", "19"), Map.entry("MTH", "19"), Map.entry("PAR", "19"), Map.entry("EMR", "20"),
            Map.entry("UNK", "21"));
    /** Every other value of table 0063 (2.5.1) is a relationship X12 calls other (G8). */
    private static final List<String> OTHER_0063 = List.of("ASC", "BRO", "CGV", "CHD", "DEP", "EMC", "EME", "EXF", "FCH", "FND", "GCH",
            "GRD", "GRP", "MGR", "NCH", "NON", "OAD", "OTH", "OWN", "SCH", "SIB", "SIS", "TRA", "WRD");

    /** The request and, per request field (a JSON path prefix), the HL7 field it came from. */
    record Mapped(EncounterRequest request, Map<String, String> locations) {
        /** The HL7 field an intake refusal of {@code field} points at: the longest known prefix, else PID. */
        String locate(String field) {
            if (field == null) return "PID";
            return locations.entrySet().stream()
                    .filter(e -> field.equals(e.getKey()) || field.startsWith(e.getKey() + ".") || field.startsWith(e.getKey() + "["))
                    .max(Comparator.comparingInt(e -> e.getKey().length())).map(Map.Entry::getValue).orElse("PID");
        }
    }

    private Hl7EncounterMapping() {
    }

    /** PV1-19, the visit number: the encounter's external id. */
    static String visitNumber(Hl7Message m) {
        Seg pv1 = m.required("PV1", "PV1-19 (visit number) names the visit");
        String visit = pv1.get(19);
        if (visit.isEmpty()) {
            throw Hl7Problem.error("PV1-19", Hl7Problem.REQUIRED_FIELD_MISSING, "PV1-19 (visit number) is required: it is the visit's id in the "
                    + "sending system, and the encounter's external id");
        }
        return visit;
    }

    /**
     * The encounter the message describes. {@code billingNpi} is the sending facility's billing provider; {@code
     * fallbackDate} is the date of service when PV1-44 is empty (a DFT's first FT1-4), named by {@code fallbackAt}.
     */
    static Mapped map(Hl7Message m, String billingNpi, LocalDate fallbackDate, String fallbackAt) {
        Map<String, String> at = new HashMap<>();
        Seg pid = m.required("PID", "it names the patient");
        Seg pv1 = m.required("PV1", "it names the visit (PV1-19)");
        String visit = visitNumber(m);
        at.put("externalId", "PV1-19");

        EncounterRequest.Patient patient = patient(pid, at);

        String patientClass = pv1.get(2).toUpperCase(Locale.ROOT);
        if (patientClass.isEmpty()) {
            throw Hl7Problem.error("PV1-2", Hl7Problem.REQUIRED_FIELD_MISSING, "PV1-2 (patient class) is required: O outpatient, E emergency, "
                    + "I inpatient, R recurring, B obstetrics, P preadmit (HL7 table 0004)");
        }
        String pos = PLACE_OF_SERVICE.get(patientClass);
        if (pos == null) {
            throw Hl7Problem.error("PV1-2", Hl7Problem.TABLE_VALUE_NOT_FOUND, "PV1-2 (patient class) '" + patientClass + "' cannot be billed: "
                    + "O, R, B, P (office, 11), E (emergency room, 23) or I (inpatient, 21) of HL7 table 0004");
        }
        at.put("placeOfService", "PV1-2");
        at.put("claimType", "PV1-2");

        at.put("billingProviderNpi", "MSH-4");
        Doctor rendering = doctor(pv1, 7).or(() -> doctor(pv1, 17)).orElse(null);
        at.put("renderingProviderNpi", rendering == null ? "PV1-7" : rendering.at());
        Doctor referring = doctor(pv1, 8).orElse(null);
        at.put("referringProviderNpi", "PV1-8");
        at.put("referringProviderName", "PV1-8");

        LocalDate dateOfService = pv1.date(44);
        at.put("dateOfService", "PV1-44");
        if (dateOfService == null && fallbackDate != null) {
            dateOfService = fallbackDate;
            at.put("dateOfService", fallbackAt);
        }
        if (dateOfService == null) {
            throw Hl7Problem.error("PV1-44", Hl7Problem.REQUIRED_FIELD_MISSING, "PV1-44 (admit date/time) is required: the date of service");
        }

        List<EncounterRequest.Insurance> coverages = coverages(m, patient, at);
        String priorAuthorization = m.first("IN1").map(in1 -> blankToNull(in1.get(14))).orElse(null);
        m.first("IN1").ifPresent(in1 -> at.put("priorAuthorization", in1.at(14)));
        at.put("coverage", "IN1");
        at.put("coverages", "IN1");
        at.put("documentation", "MSH");

        EncounterRequest request = new EncounterRequest(visit, patient, null, billingNpi, rendering == null ? null : rendering.npi(),
                referring == null ? null : referring.npi(), priorAuthorization, dateOfService, pos, "PROFESSIONAL", null,
                referring == null ? null : referring.name(), null, coverages.isEmpty() ? null : coverages);
        return new Mapped(request, Map.copyOf(at));
    }

    /** PID-5 name, PID-7 birth date, PID-8 sex, PID-11 address, PID-13 home phone (HL7 v2.5.1 3.4.2). */
    private static EncounterRequest.Patient patient(Seg pid, Map<String, String> at) {
        at.put("patient", "PID");
        at.put("patient.lastName", "PID-5");
        at.put("patient.firstName", "PID-5");
        at.put("patient.birthDate", "PID-7");
        at.put("patient.sex", "PID-8");
        at.put("patient.address", "PID-11");
        at.put("patient.phone", "PID-13");
        String sex = sex(pid, 8);
        return new EncounterRequest.Patient(pid.get(5, 2), pid.get(5, 1), pid.date(7), sex, address(pid, 11), phone(pid, 13));
    }

    private static String sex(Seg s, int field) {
        String value = s.get(field).toUpperCase(Locale.ROOT);
        if (value.isEmpty()) return null;
        String sex = SEX.get(value);
        if (sex == null) {
            throw Hl7Problem.error(s.at(field), Hl7Problem.TABLE_VALUE_NOT_FOUND, s.at(field) + " (administrative sex) '" + value
                    + "' is not in HL7 table 0001: F, M, O, U, A or N");
        }
        return sex;
    }

    /** An XAD: street, other designation, city, state, ZIP (the ZIP's hyphen dropped); none when all are empty. */
    private static EncounterRequest.Address address(Seg s, int field) {
        String street = s.get(field, 1);
        String other = s.get(field, 2);
        String city = s.get(field, 3);
        String state = s.get(field, 4).toUpperCase(Locale.ROOT);
        String zip = s.get(field, 5).replace("-", "");
        if (street.isEmpty() && city.isEmpty() && state.isEmpty() && zip.isEmpty()) return null;
        return new EncounterRequest.Address(street, blankToNull(other), city, state, zip);
    }

    /** An XTN: XTN-1 (the number as text) or XTN-6 area code and XTN-7 local number, digits only, a leading 1 dropped. */
    private static String phone(Seg s, int field) {
        String number = s.get(field, 1);
        if (number.isEmpty()) number = s.get(field, 6) + s.get(field, 7);
        String digits = number.replaceAll("\\D", "");
        if (digits.isEmpty()) return null;
        return digits.length() == 11 && digits.startsWith("1") ? digits.substring(1) : digits;
    }

    private record Doctor(String npi, String name, String at) {
    }

    /**
     * The repetition of an XCN field whose id is an NPI: XCN-9 assigning authority or XCN-13 identifier type "NPI"
     * (PV1-7 attending, PV1-8 referring, PV1-17 admitting; HL7 v2.5.1 2A.3.88). Ids of other authorities are not NPIs.
     */
    private static Optional<Doctor> doctor(Seg pv1, int field) {
        for (int rep = 0; rep < pv1.reps(field); rep++) {
            String id = pv1.get(field, rep, 1);
            boolean npi = "NPI".equalsIgnoreCase(pv1.get(field, rep, 9)) || "NPI".equalsIgnoreCase(pv1.get(field, rep, 13));
            if (!id.isEmpty() && npi) {
                String last = pv1.get(field, rep, 2);
                String first = pv1.get(field, rep, 3);
                String name = last.isEmpty() ? null : first.isEmpty() ? last : last + ", " + first;
                return Optional.of(new Doctor(id, name, pv1.at(field)));
            }
        }
        return Optional.empty();
    }

    /**
     * One coverage per IN1 (HL7 v2.5.1 6.5.6) with its IN2 (6.5.7): IN1-3 company id (else IN1-2 plan id) is the payer,
     * IN1-22 the order (else the IN1's place), IN1-36 policy number (else IN1-49 insured's id) the member id, IN1-8 the
     * group; IN2-72 or IN1-17 the relationship; IN1-16/18/43/19/49 the insured when not the patient.
     */
    private static List<EncounterRequest.Insurance> coverages(Hl7Message m, EncounterRequest.Patient patient, Map<String, String> at) {
        List<EncounterRequest.Insurance> result = new ArrayList<>();
        Seg in1 = null;
        List<Seg[]> pairs = new ArrayList<>();
        for (Seg s : m.all()) {
            if (s.name().equals("IN1")) {
                in1 = s;
                pairs.add(new Seg[] { s, null });
            } else if (s.name().equals("IN2") && in1 != null && pairs.get(pairs.size() - 1)[1] == null) {
                pairs.get(pairs.size() - 1)[1] = s;
            }
        }
        for (int i = 0; i < pairs.size(); i++) {
            Seg c = pairs.get(i)[0];
            Seg in2 = pairs.get(i)[1];
            String key = "coverages[" + i + "]";
            at.put(key, c.at(1));
            at.put(key + ".order", c.at(22));
            String payer = c.get(3);
            at.put(key + ".payerId", c.at(3));
            if (payer.isEmpty()) {
                payer = c.get(2);
                at.put(key + ".payerId", c.at(2));
            }
            if (payer.isEmpty()) {
                throw Hl7Problem.error(c.at(3), Hl7Problem.REQUIRED_FIELD_MISSING, c.at(3) + " (insurance company id) or " + c.at(2)
                        + " (insurance plan id) is required: the payer's id");
            }
            String member = c.get(36);
            at.put(key + ".memberId", c.at(36));
            if (member.isEmpty()) {
                member = c.get(49);
                at.put(key + ".memberId", c.at(49));
            }
            at.put(key + ".groupNumber", c.at(8));
            int order = order(c, i + 1);
            String relationship = relationship(c, in2, at, key);
            Subscriber subscriber = null;
            if (relationship != null && !"18".equals(relationship)) {
                at.put(key + ".subscriber", c.at(16));
                at.put(key + ".subscriber.lastName", c.at(16));
                at.put(key + ".subscriber.firstName", c.at(16));
                at.put(key + ".subscriber.birthDate", c.at(18));
                at.put(key + ".subscriber.sex", c.at(43));
                at.put(key + ".subscriber.address", c.at(19));
                at.put(key + ".subscriber.memberId", c.at(49));
                subscriber = new Subscriber(c.get(16, 1), c.get(16, 2), c.date(18), sex(c, 43), address(c, 19), blankToNull(c.get(49)));
            } else if (relationship == null && isPatient(c, patient)) {
                relationship = "18";
            }
            if (relationship == null) {
                throw Hl7Problem.error(c.at(17), Hl7Problem.REQUIRED_FIELD_MISSING, c.at(17) + " (insured's relationship to patient) is required "
                        + "when the insured in " + c.at(16) + " is not the patient: a value of HL7 table 0063, e.g. SPO, PAR");
            }
            result.add(new EncounterRequest.Insurance(order, payer, blankToNull(member), blankToNull(c.get(8)), relationship, subscriber));
        }
        return result;
    }

    private static int order(Seg in1, int place) {
        String priority = in1.get(22);
        if (priority.isEmpty()) return place;
        if (!priority.matches("[1-3]")) {
            throw Hl7Problem.error(in1.at(22), Hl7Problem.DATA_TYPE, in1.at(22) + " (coordination of benefits priority) '" + priority
                    + "' must be 1 (primary), 2 (secondary) or 3 (tertiary)");
        }
        return Integer.parseInt(priority);
    }

    /** IN2-72 patient's relationship to the insured, else IN1-17 insured's relationship to the patient (table 0063). */
    private static String relationship(Seg in1, Seg in2, Map<String, String> at, String key) {
        if (in2 != null && !in2.get(72).isEmpty()) {
            at.put(key + ".relationship", in2.at(72));
            return x12Relationship(in2, 72, PATIENT_TO_INSURED);
        }
        at.put(key + ".relationship", in1.at(17));
        if (in1.get(17).isEmpty()) return in1.get(16, 1).isEmpty() ? "18" : null;
        return x12Relationship(in1, 17, INSURED_TO_PATIENT);
    }

    private static String x12Relationship(Seg s, int field, Map<String, String> table) {
        String value = s.get(field).toUpperCase(Locale.ROOT);
        String x12 = table.get(value);
        if (x12 != null) return x12;
        if (OTHER_0063.contains(value)) return "G8";
        throw Hl7Problem.error(s.at(field), Hl7Problem.TABLE_VALUE_NOT_FOUND, s.at(field) + " (relationship) '" + value
                + "' is not in HL7 table 0063, e.g. SEL self, SPO spouse, CHD child, PAR parent, EME employee, OTH other");
    }

    /** An IN1 whose insured is named as the patient, born the same day, is the patient's own coverage. */
    private static boolean isPatient(Seg in1, EncounterRequest.Patient patient) {
        LocalDate born = in1.date(18);
        return in1.get(16, 1).equalsIgnoreCase(nullToEmpty(patient.lastName())) && in1.get(16, 2).equalsIgnoreCase(nullToEmpty(patient.firstName()))
                && (born == null || born.equals(patient.birthDate()));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
