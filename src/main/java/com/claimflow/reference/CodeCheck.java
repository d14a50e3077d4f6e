package com.claimflow.reference;

/**
 * The verdict on one code for one date of service; {@code problem} is null when the code may be billed, and {@code
 * unknown} says the code is in no loaded code set (rather than on file but not billable on the date).
 */
public record CodeCheck(String code, String problem, boolean unknown) {

    public static CodeCheck ok(String code) {
        return new CodeCheck(code, null, false);
    }

    public static CodeCheck refused(String code, String problem) {
        return new CodeCheck(code, problem, false);
    }

    /** A code no loaded code set holds. */
    public static CodeCheck unknown(String code, String problem) {
        return new CodeCheck(code, problem, true);
    }

    public boolean isOk() {
        return problem == null;
    }
}
