package com.claimflow.claim;

import java.math.BigDecimal;
import java.util.List;

/**
 * One service line of a claim: procedure code, modifiers, units, charge, diagnosis pointers (1-based into the claim's
 * diagnoses) and, on institutional claims, the UB-04 revenue code (837I SV201; null on professional claims).
 */
public record ClaimLine(String code, List<String> modifiers, int units, BigDecimal charge, List<Integer> pointers, String revenueCode) {
    public ClaimLine {
        modifiers = List.copyOf(modifiers);
        pointers = List.copyOf(pointers);
    }
}
