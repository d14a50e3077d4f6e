package com.claimflow.scrub.edits;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The NCCI-associated modifiers that may bypass a PTP edit whose modifier indicator is 1. */
final class NcciModifiers {
    static final Set<String> BYPASS = Set.of(
            "59", "XE", "XP", "XS", "XU", "25", "91",
            "E1", "E2", "E3", "E4", "F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8", "F9", "FA",
            "LT", "RT", "LC", "LD", "RC", "LM", "RI",
            "TA", "T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9",
            // surgery modifiers CMS also lists as NCCI-associated
            "24", "27", "57", "78", "79");

    private NcciModifiers() {
    }

    static String firstBypass(List<String> modifiers) {
        for (String m : modifiers) {
            String u = m.trim().toUpperCase(Locale.ROOT);
            if (BYPASS.contains(u)) return u;
        }
        return null;
    }
}
