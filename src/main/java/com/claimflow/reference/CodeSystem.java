package com.claimflow.reference;

public enum CodeSystem {
    ICD10CM, CPT, HCPCS, MODIFIER, POS, CARC, RARC;

    /** CPT codes are five digits (or four digits and a letter); HCPCS Level II is a letter and four digits. */
    public static CodeSystem ofProcedure(String code) {
        return code.length() == 5 && Character.isLetter(code.charAt(0)) ? HCPCS : CPT;
    }
}
