package com.claimflow.reference;

import java.util.regex.Pattern;

/**
 * The Medicare Beneficiary Identifier as CMS specifies it ("Understanding the MBI format"): 11 characters, positions
 * 1 C (numeric 1-9), 2 A (alphabetic), 3 AN (alphanumeric), 4 N (numeric 0-9), 5 A, 6 AN, 7 N, 8 A, 9 A, 10 N, 11 N;
 * letters are upper case and never S, L, O, I, B or Z. Printed with dashes after positions 4 and 7 (1EG4-TE5-MK73),
 * sent without them. {@link #PATTERN} is the expression a Medicare payer's subscriber id pattern is set to.
 */
public final class Mbi {
    /** The letters an MBI may use: A-Z without S, L, O, I, B and Z. */
    private static final String A = "[ACDEFGHJKMNPQRTUVWXY]";
    private static final String AN = "[ACDEFGHJKMNPQRTUVWXY0-9]";
    private static final String N = "[0-9]";

    /** The full expression, position by position (C A AN N A AN N A A N N), without dashes. */
    public static final String PATTERN = "[1-9]" + A + AN + N + A + AN + N + A + A + N + N;

    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    private Mbi() {
    }

    /** True for an MBI as sent on a claim (no dashes). */
    public static boolean isValid(String mbi) {
        return mbi != null && COMPILED.matcher(mbi).matches();
    }
}
