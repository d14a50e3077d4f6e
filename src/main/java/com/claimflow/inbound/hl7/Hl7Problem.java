package com.claimflow.inbound.hl7;

/**
 * Why a message is not taken, as the ACK's ERR segment tells it (HL7 v2.5.1 chapter 2, 2.15.5): where (a segment, its
 * repetition and field, e.g. {@code IN1[2]-3}), the HL7 table 0357 code and the acknowledgment it gets: AE for content
 * the application cannot use, AR for a message it cannot process at all (chapter 2, 2.9.2).
 */
final class Hl7Problem extends RuntimeException {
    /** Table 0357 (message error condition codes) as used here. */
    static final int SEGMENT_SEQUENCE = 100;
    static final int REQUIRED_FIELD_MISSING = 101;
    static final int DATA_TYPE = 102;
    static final int TABLE_VALUE_NOT_FOUND = 103;
    static final int UNSUPPORTED_MESSAGE_TYPE = 200;
    static final int UNSUPPORTED_EVENT = 201;
    static final int UNSUPPORTED_PROCESSING_ID = 202;
    static final int UNSUPPORTED_VERSION = 203;
    static final int UNKNOWN_KEY = 204;
    static final int RECORD_LOCKED = 206;
    static final int INTERNAL_ERROR = 207;

    private final String location;
    private final int code;
    private final boolean reject;

    private Hl7Problem(String location, int code, boolean reject, String message) {
        super(message);
        this.location = location;
        this.code = code;
        this.reject = reject;
    }

    /** Content the application cannot use: answered AE. */
    static Hl7Problem error(String location, int code, String message) {
        return new Hl7Problem(location, code, false, message);
    }

    /** A message that cannot be processed at all: answered AR. */
    static Hl7Problem reject(String location, int code, String message) {
        return new Hl7Problem(location, code, true, message);
    }

    String location() {
        return location;
    }

    int code() {
        return code;
    }

    boolean isReject() {
        return reject;
    }

    /** The table 0357 text of a code, for ERR-3.2. */
    static String codeText(int code) {
        return switch (code) {
            case SEGMENT_SEQUENCE -> "Segment sequence error";
            case REQUIRED_FIELD_MISSING -> "Required field missing";
            case DATA_TYPE -> "Data type error";
            case TABLE_VALUE_NOT_FOUND -> "Table value not found";
            case UNSUPPORTED_MESSAGE_TYPE -> "Unsupported message type";
            case UNSUPPORTED_EVENT -> "Unsupported event code";
            case UNSUPPORTED_PROCESSING_ID -> "Unsupported processing id";
            case UNSUPPORTED_VERSION -> "Unsupported version id";
            case UNKNOWN_KEY -> "Unknown key identifier";
            case RECORD_LOCKED -> "Application record locked";
            default -> "Application internal error";
        };
    }
}
