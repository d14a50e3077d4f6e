package com.claimflow.scrub.edits;

import com.claimflow.reference.Ncci;
import com.claimflow.scrub.ClaimEdit;
import com.claimflow.scrub.ClaimSnapshot.Line;
import com.claimflow.scrub.Finding;
import com.claimflow.scrub.Finding.Owner;
import com.claimflow.scrub.ScrubSubject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * NCCI procedure-to-procedure: a column-2 code billed with its column-1 code on the same date of service is denied.
 * Modifier indicator 0: never bypassed. 1: bypassed when either line carries an NCCI-associated modifier (59, X{EPSU},
 * 25, 91, anatomical ...). 9: the edit does not apply. The edit in force is the one of the date of service
 * (effective on or before it, deleted after it). Practitioner edits for professional claims, hospital edits for institutional.
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
        String setting = Ncci.ptpSetting(s.claim().claimType());
        List<Finding> found = null;
        for (int i = 0; i < lines.size(); i++) {
            for (int j = 0; j < lines.size(); j++) {
                Line col1 = lines.get(i);
                Line col2 = lines.get(j);
                if (i == j || col1.code() == null || col2.code() == null || col1.code().equalsIgnoreCase(col2.code())) continue;
                Optional<Character> indicator = ncci.ptpIndicator(setting, col1.code(), col2.code(), s.claim().dateOfService());
                if (indicator.isEmpty() || indicator.get() == '9') continue;
                String where = "line " + (j + 1);
                String pair = col2.code() + " (line " + (j + 1) + ") is bundled into " + col1.code() + " (line " + (i + 1) + ") by an NCCI PTP edit";
                if (indicator.get() == '0') {
                    if (found == null) found = new ArrayList<>();
                    found.add(Finding.error(ID, Owner.CODER, where, pair + " that no modifier bypasses (indicator 0): remove " + col2.code()));
                } else if (NcciModifiers.firstBypass(col2.modifiers()) == null && NcciModifiers.firstBypass(col1.modifiers()) == null) {
                    if (found == null) found = new ArrayList<>();
                    found.add(Finding.error(ID, Owner.CODER, where, pair + ": remove " + col2.code()
                            + ", or if it was a distinct service add an NCCI-associated modifier (59, XE, XP, XS, XU, or an anatomical one) the documentation supports"));
                }
            }
        }
        return found == null ? List.of() : found;
    }
}
