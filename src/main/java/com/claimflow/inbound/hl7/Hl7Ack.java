package com.claimflow.inbound.hl7;

import ca.uhn.hl7v2.parser.EncodingCharacters;
import ca.uhn.hl7v2.parser.Escape;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The original-mode acknowledgment (HL7 v2.5.1 chapter 2, 2.9.2 and 2.14.1): MSH addressed back to the sender, MSA
 * with AA, AE or AR and the message's control id, and for AE/AR one ERR (2.15.5) with ERR-2 location
 * (segment^sequence^field), ERR-3 the table 0357 code, ERR-4 severity E and ERR-8 the user message naming the field and
 * the reason. Always written with the standard delimiters |^~\&.
 */
final class Hl7Ack {
    static final String APPLICATION = "CLAIMFLOW";
    private static final EncodingCharacters ENC = EncodingCharacters.defaultInstance();
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmssZ");
    private static final Pattern LOCATION = Pattern.compile("([A-Z][A-Z0-9]{2})(?:\\[(\\d+)])?(?:-(\\d+)(?:\\.(\\d+))?)?");
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private Hl7Ack() {
    }

    /** AA: accepted; {@code text} goes in MSA-3. */
    static String accept(Header h, String text) {
        return msh(h) + "\rMSA|AA|" + esc(h == null ? "" : h.controlId()) + "|" + esc(text) + "\r";
    }

    /** AE or AR for the problem, with its ERR segment. */
    static String refuse(Header h, Hl7Problem p) {
        return refuse(h, p.isReject() ? "AR" : "AE", p.location(), p.code(), p.getMessage());
    }

    static String refuse(Header h, String code, String location, int errorCode, String message) {
        return msh(h) + "\rMSA|" + code + "|" + esc(h == null ? "" : h.controlId()) + "|" + esc(clip(message, 80)) + "\r"
                + "ERR||" + erl(location) + "|" + errorCode + "^" + esc(Hl7Problem.codeText(errorCode)) + "^HL70357|E||||" + esc(message) + "\r";
    }

    /** ERR-2 (ERL): segment id^sequence^field position^field repetition^component from "IN1[2]-3.1", "PV1-19" or "MSH". */
    static String erl(String location) {
        Matcher m = location == null ? null : LOCATION.matcher(location);
        if (m == null || !m.matches()) return "";
        StringBuilder erl = new StringBuilder(m.group(1)).append("^").append(m.group(2) == null ? "1" : m.group(2));
        if (m.group(3) != null) erl.append("^").append(m.group(3)).append("^1");
        if (m.group(4) != null) erl.append("^").append(m.group(4));
        return erl.toString();
    }

    private static String msh(Header h) {
        String trigger = h == null ? "" : h.triggerEvent();
        String controlId = "CF" + Long.toString(System.currentTimeMillis(), 36).toUpperCase() + SEQUENCE.incrementAndGet() % 100000;
        return "MSH|^~\\&|" + APPLICATION + "|" + esc(h == null || h.receivingFacility().isEmpty() ? APPLICATION : h.receivingFacility()) + "|"
                + esc(h == null ? "" : h.sendingApplication()) + "|" + esc(h == null ? "" : h.sendingFacility()) + "|"
                + ZonedDateTime.now().format(TIMESTAMP) + "||ACK^" + esc(trigger) + "^ACK|" + controlId + "|"
                + (h == null || h.processingId().isEmpty() ? "P" : esc(h.processingId())) + "|2.5.1";
    }

    private static String esc(String s) {
        if (s == null) return "";
        return Escape.escape(s.replaceAll("[\\r\\n]+", " "), ENC);
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }
}
