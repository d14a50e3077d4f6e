package com.claimflow.inbound.hl7;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.util.Terser;
import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * One segment of a parsed message, its repetition among segments of its name (1-based), and the way a field is named
 * in an error: {@code PID-7}, or {@code IN1[2]-36} for segments that repeat in the message (IN1, FT1, DG1, PR1, ...).
 */
record Seg(Segment segment, String name, int repetition, boolean repeating) {

    /** The first component of the field's first repetition, trimmed; "" when empty. */
    String get(int field) {
        return get(field, 0, 1);
    }

    String get(int field, int component) {
        return get(field, 0, component);
    }

    /** Component {@code component} (1-based) of repetition {@code rep} (0-based) of the field, trimmed; "" when empty. */
    String get(int field, int rep, int component) {
        try {
            String value = Terser.get(segment, field, rep, component, 1);
            return value == null ? "" : value.strip();
        } catch (HL7Exception | RuntimeException e) {
            return "";
        }
    }

    int reps(int field) {
        try {
            return segment.getField(field).length;
        } catch (HL7Exception | RuntimeException e) {
            return 0;
        }
    }

    /** Where a field is, as errors name it: PID-7, IN1[2]-36. */
    String at(int field) {
        return (repeating ? name + "[" + repetition + "]" : name) + "-" + field;
    }

    /**
     * A date from an HL7 DTM/TS value (YYYYMMDD, optionally followed by the time, HL7 v2.5.1 2A.3.22): empty is null, a
     * value without a whole date is a data type error naming the field.
     */
    LocalDate date(int field) {
        String v = get(field);
        if (v.isEmpty()) return null;
        if (!v.matches("\\d{8}.*")) {
            throw Hl7Problem.error(at(field), Hl7Problem.DATA_TYPE, at(field) + " '" + v + "' is not a date: YYYYMMDD, optionally with the time (DTM)");
        }
        try {
            return LocalDate.of(Integer.parseInt(v.substring(0, 4)), Integer.parseInt(v.substring(4, 6)), Integer.parseInt(v.substring(6, 8)));
        } catch (DateTimeException | NumberFormatException e) {
            throw Hl7Problem.error(at(field), Hl7Problem.DATA_TYPE, at(field) + " '" + v + "' is not a calendar date");
        }
    }
}
