package com.claimflow.inbound.hl7;

import java.util.regex.Pattern;

/**
 * The MSH segment read before the message is parsed, so that even a message HAPI cannot parse is kept with its
 * sender and answered with its own control id (HL7 v2.5.1 chapter 2, 2.14.9): MSH-1 field separator, MSH-2 encoding
 * characters, MSH-3/4 sending application and facility, MSH-5/6 receiving, MSH-9 message type, MSH-10 control id,
 * MSH-11 processing id, MSH-12 version.
 */
record Header(char fieldSeparator, String encodingCharacters, String sendingApplication, String sendingFacility, String receivingApplication,
              String receivingFacility, String messageType, String triggerEvent, String controlId, String processingId, String version) {

    private static final Pattern SEGMENT_ID = Pattern.compile("[A-Z][A-Z0-9]{2}");

    /** Reads MSH from the message's text; a message that does not start with a readable MSH is rejected naming MSH. */
    static Header read(String text) {
        if (text == null || !text.startsWith("MSH")) {
            throw Hl7Problem.reject("MSH", Hl7Problem.SEGMENT_SEQUENCE, "the message does not start with an MSH segment (HL7 v2.5.1 2.14.9)");
        }
        if (text.length() < 8) throw Hl7Problem.reject("MSH-2", Hl7Problem.REQUIRED_FIELD_MISSING, "MSH is cut off before its encoding characters");
        char fs = text.charAt(3);
        String enc = text.substring(4, 8);
        if (Character.isLetterOrDigit(fs) || Character.isWhitespace(fs) || enc.indexOf(fs) >= 0 || enc.chars().distinct().count() != 4
                || enc.chars().anyMatch(c -> Character.isLetterOrDigit(c) || Character.isWhitespace(c))
                || (text.length() > 8 && text.charAt(8) != fs)) {
            throw Hl7Problem.reject("MSH-2", Hl7Problem.DATA_TYPE, "MSH-1 and MSH-2 must be the field separator and four distinct encoding "
                    + "characters, e.g. MSH|^~\\&| (HL7 v2.5.1 2.14.9.1-2)");
        }
        int end = text.indexOf('\r');
        String msh = end < 0 ? text : text.substring(0, end);
        String[] f = msh.split(Pattern.quote(String.valueOf(fs)), -1);
        String component = String.valueOf(enc.charAt(0));
        Header h = new Header(fs, enc, first(f, 2, component), first(f, 3, component), first(f, 4, component), first(f, 5, component),
                first(f, 8, component), component(f, 8, 1, component), field(f, 9), first(f, 10, component), first(f, 11, component));
        String[] segments = text.split("\r");
        for (int i = 1; i < segments.length; i++) {
            String s = segments[i].replace("\n", "");
            if (s.isEmpty()) continue;
            if (s.length() < 3 || !SEGMENT_ID.matcher(s.substring(0, 3)).matches() || (s.length() > 3 && s.charAt(3) != fs)) {
                throw Hl7Problem.reject("MSH-1", Hl7Problem.DATA_TYPE, "segment " + (i + 1) + " ('" + clip(s) + "') does not start with a segment "
                        + "id and the field separator '" + fs + "' declared in MSH-1");
            }
        }
        return h;
    }

    /** The interface that sent it: "hl7:" + MSH-3 + "^" + MSH-4, as the audit trail names it (its actor column holds 64). */
    String sender() {
        return clip64("hl7:" + sendingApplication + "^" + sendingFacility);
    }

    /** The sender of a message without a readable MSH: the connection's address. */
    static String unknownSenderAt(String peer) {
        return clip64("hl7:unknown interface at " + peer);
    }

    private static String clip64(String s) {
        return s.length() <= 64 ? s : s.substring(0, 64);
    }

    /** The key of idempotency: sending application, facility and MSH-10. */
    String messageKey() {
        return controlId.isEmpty() ? null : sendingApplication + "^" + sendingFacility + "^" + controlId;
    }

    private static String field(String[] f, int i) {
        return i < f.length ? f[i].strip() : "";
    }

    private static String first(String[] f, int i, String component) {
        return component(f, i, 0, component);
    }

    private static String component(String[] f, int i, int c, String component) {
        String[] parts = field(f, i).split(Pattern.quote(component), -1);
        return c < parts.length ? parts[c].strip() : "";
    }

    private static String clip(String s) {
        return s.length() <= 20 ? s : s.substring(0, 20) + "...";
    }
}
