package com.claimflow.x12;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The ISA and GS headers of an interchange: who sends to whom, when, test or production data ({@code usage} T or P)
 * and the control number, which ISA13 carries as nine digits and GS06 as it is.
 */
public record Interchange(String senderQualifier, String senderId, String receiverQualifier, String receiverId, String usage,
                          long controlNumber, LocalDateTime createdAt) {
    private static final DateTimeFormatter D8 = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HHmm");

    public String isaControlNumber() {
        return String.format("%09d", controlNumber);
    }

    public String groupControlNumber() {
        return Long.toString(controlNumber);
    }

    /** ISA01-ISA16: fixed-width, ':' as component and '^' as repetition separator, an acknowledgement requested. */
    public String[] isa() {
        return new String[] {"00", " ".repeat(10), "00", " ".repeat(10), senderQualifier, pad(senderId, 15), receiverQualifier, pad(receiverId, 15),
                createdAt.format(YYMMDD), createdAt.format(HHMM), "^", "00501", isaControlNumber(), "1", usage, ":"};
    }

    /** GS01-GS08 of one functional group, e.g. {@code HC} and {@code 005010X222A1} for professional claims. */
    public String[] gs(String functionalId, String version) {
        return new String[] {functionalId, senderId, receiverId, createdAt.format(D8), createdAt.format(HHMM), groupControlNumber(), "X", version};
    }

    private static String pad(String s, int length) {
        String v = s == null ? "" : s;
        return v.length() >= length ? v.substring(0, length) : v + " ".repeat(length - v.length());
    }
}
