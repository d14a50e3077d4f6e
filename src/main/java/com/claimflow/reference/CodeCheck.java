package com.claimflow.reference;

/** The verdict on one code for one date of service; {@code problem} is null when the code may be billed. */
public record CodeCheck(String code, String problem) {

    public static CodeCheck ok(String code) {
        return new CodeCheck(code, null);
    }

    public static CodeCheck refused(String code, String problem) {
        return new CodeCheck(code, problem);
    }

    public boolean isOk() {
        return problem == null;
    }
}
