package com.claimflow.scrub.edits;

import com.claimflow.reference.Ncci;
import com.claimflow.scrub.ClaimEdit;
import com.claimflow.scrub.ClaimSnapshot.Line;
import com.claimflow.scrub.Finding;
import com.claimflow.scrub.Finding.Owner;
import com.claimflow.scrub.ScrubSubject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * NCCI procedure-to-procedure: a column-2 code billed with its column-1 code on the same date of service is denied
 * (NCCI Policy Manual for Medicare Services, Chapter I, section E, "Modifiers and Modifier Indicators"). Modifier
 * indicator 0: never bypassed, whatever the modifiers. 1: bypassed by an NCCI-associated modifier used as the manual
 * allows ({@link NcciModifiers#bypass}: anatomic modifiers naming different sites, 25/57 on the E/M beside a procedure,
 * 59/X{EPSU} never with an E/M, ...). 9: not applicable, never fires. The edit in force is the one of the date of
 * service (effective on or before it, deleted after it). Practitioner edits for professional claims; hospital edits for
 * institutional claims of an outpatient type of bill only ({@link Ncci#appliesTo}: not on inpatient bills such as 11x).
 * Each column-2 line is reported once per column-1 code, naming the first line of that code that bundles it.
 */
@Component
public class NcciPtpEdit implements ClaimEdit {
    static final String ID = "NCCI_PTP";

    private final Ncci ncci;

    public NcciPtpEdit(Ncci ncci) {
        this.ncci = ncci;
    }

    @Override
    public List<Finding> check(ScrubSubject s) {
        List<Line> lines = s.claim().lines();
        if (lines.size() < 2 || s.claim().dateOfService() == null) return List.of();
        if (!Ncci.appliesTo(s.claim().claimType(), s.claim().facilityTypeCode())) return List.of();
        String setting = Ncci.ptpSetting(s.claim().claimType());
        // lines by code: a table look-up per pair of distinct codes, not per pair of lines
        Map<String, List<Integer>> linesByCode = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String code = lines.get(i).code();
            if (code != null) linesByCode.computeIfAbsent(code.trim().toUpperCase(Locale.ROOT), c -> new ArrayList<>()).add(i);
        }
        if (linesByCode.size() < 2) return List.of();
        List<Bundled> found = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> column1 : linesByCode.entrySet()) {
            for (Map.Entry<String, List<Integer>> column2 : linesByCode.entrySet()) {
                if (column1 == column2) continue;
                Optional<Character> indicator = ncci.ptpIndicator(setting, column1.getKey(), column2.getKey(), s.claim().dateOfService());
                if (indicator.isEmpty() || indicator.get() == '9') continue;
                for (int j : column2.getValue()) {
                    bundledInto(lines, indicator.get(), column1.getValue(), j).ifPresent(found::add);
                }
            }
        }
        found.sort(Comparator.comparingInt(Bundled::column1Line).thenComparingInt(Bundled::column2Line));
        return found.stream().map(Bundled::finding).toList();
    }

    /** The first line of the column-1 code that bundles line {@code j}: any with indicator 0; one no modifier pair bypasses with 1. */
    private static Optional<Bundled> bundledInto(List<Line> lines, char indicator, List<Integer> column1Lines, int j) {
        Line col2 = lines.get(j);
        if (indicator == '0') return Optional.of(bundled(lines, column1Lines.get(0), j, true));
        for (int i : column1Lines) {
            if (NcciModifiers.bypass(lines.get(i), col2) == null) return Optional.of(bundled(lines, i, j, false));
        }
        return Optional.empty();
    }

    private static Bundled bundled(List<Line> lines, int i, int j, boolean never) {
        String col1 = lines.get(i).code();
        String col2 = lines.get(j).code();
        String pair = col2 + " (line " + (j + 1) + ") is bundled into " + col1 + " (line " + (i + 1) + ") by an NCCI PTP edit";
        String message = never ? pair + " that no modifier bypasses (indicator 0): remove " + col2
                : pair + " (indicator 1): remove " + col2 + ", or if it was a distinct service add the NCCI-associated modifier the documentation"
                        + " supports (NCCI Policy Manual ch. I, E: 25 on an E/M beside a procedure, 59/XE/XS/XP/XU on a non-E/M procedure,"
                        + " anatomic modifiers naming different sites on both lines)";
        return new Bundled(i, j, Finding.error(ID, Owner.CODER, "line " + (j + 1), message));
    }

    private record Bundled(int column1Line, int column2Line, Finding finding) {
    }
}
