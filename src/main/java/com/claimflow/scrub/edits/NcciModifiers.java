package com.claimflow.scrub.edits;

import com.claimflow.scrub.ClaimSnapshot.Line;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The NCCI-associated modifiers and when one bypasses a PTP edit whose modifier indicator is 1, as the NCCI Policy
 * Manual for Medicare Services, Chapter I, section E ("Modifiers and Modifier Indicators") lists and restricts them:
 * anatomic modifiers E1-E4, FA, F1-F9, TA, T1-T9, LT, RT, LC, LD, RC, LM, RI; global surgery modifiers 24, 25, 57,
 * 58, 78, 79; other modifiers 27, 59, 91, XE, XS, XP, XU.
 *
 * <p>The restrictions implemented: an anatomic modifier bypasses only when both lines name a site and the sites differ
 * (the same site, or a site on one line only, is no distinct service); 24, 25, 27 and 57 are E/M modifiers and bypass
 * only from the E/M line, 25 and 57 only beside a procedure (the E/M with a procedure the same day, 25 with a minor or
 * non-global procedure, 57 with the decision for major surgery); 59 and X{EPSU} are not used on E/M services, so they
 * never bypass an edit one of whose codes is an E/M. 58, 78, 79 and 91 bypass from either line: CMS claims processing
 * bypasses an indicator-1 edit when the modifier is on either code of the pair (CMS, "How to Use the NCCI Tools";
 * the manual recommends appending it to the column-two code).
 */
final class NcciModifiers {
    static final Set<String> ANATOMIC = Set.of(
            "E1", "E2", "E3", "E4", "FA", "F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8", "F9",
            "TA", "T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9", "LT", "RT", "LC", "LD", "RC", "LM", "RI");
    static final Set<String> GLOBAL_SURGERY = Set.of("24", "25", "57", "58", "78", "79");
    static final Set<String> OTHER = Set.of("27", "59", "91", "XE", "XS", "XP", "XU");
    /** Distinct procedural service: never on an E/M service (Chapter I, section E). */
    static final Set<String> DISTINCT = Set.of("59", "XE", "XS", "XP", "XU");
    /** Modifiers that describe an E/M service: they bypass only from the E/M line. */
    static final Set<String> EM_ONLY = Set.of("24", "25", "27", "57");
    /** 25 and 57 say "this E/M beside a procedure": they bypass only when the other code is not an E/M. */
    static final Set<String> EM_BESIDE_PROCEDURE = Set.of("25", "57");

    private NcciModifiers() {
    }

    /** True for an evaluation and management service: CPT 99202-99499 (the CPT E/M section). */
    static boolean isEm(String code) {
        return code != null && code.trim().matches("99[2-4][0-9]{2}");
    }

    static boolean isNcciAssociated(String modifier) {
        return ANATOMIC.contains(modifier) || GLOBAL_SURGERY.contains(modifier) || OTHER.contains(modifier);
    }

    /** The modifier that bypasses an indicator-1 edit between the column-1 and the column-2 line, or null when none does. */
    static String bypass(Line column1, Line column2) {
        Set<String> sites1 = sites(column1);
        Set<String> sites2 = sites(column2);
        if (!sites1.isEmpty() && !sites2.isEmpty() && sites1.stream().noneMatch(sites2::contains)) return sites2.iterator().next();
        boolean em1 = isEm(column1.code());
        boolean em2 = isEm(column2.code());
        String m = bypassFrom(column2, em2, em1);
        return m != null ? m : bypassFrom(column1, em1, em2);
    }

    /** A non-anatomic modifier on {@code line} that bypasses the edit with the other line of the pair. */
    private static String bypassFrom(Line line, boolean lineIsEm, boolean otherIsEm) {
        for (String m : normalized(line.modifiers())) {
            if (ANATOMIC.contains(m) || !isNcciAssociated(m)) continue;
            if (EM_ONLY.contains(m)) {
                if (!lineIsEm) continue;
                if (EM_BESIDE_PROCEDURE.contains(m) && otherIsEm) continue;
                return m;
            }
            if (DISTINCT.contains(m) && (lineIsEm || otherIsEm)) continue;
            return m;
        }
        return null;
    }

    static Set<String> sites(Line line) {
        Set<String> sites = new LinkedHashSet<>();
        for (String m : normalized(line.modifiers())) {
            if (ANATOMIC.contains(m)) sites.add(m);
        }
        return sites;
    }

    static List<String> normalized(List<String> modifiers) {
        return modifiers.stream().filter(m -> m != null).map(m -> m.trim().toUpperCase(Locale.ROOT)).toList();
    }
}
