package com.claimflow.scrub.edits;

import com.claimflow.scrub.ClaimEdit;
import com.claimflow.scrub.ClaimSnapshot.Line;
import com.claimflow.scrub.Finding;
import com.claimflow.scrub.Finding.Owner;
import com.claimflow.scrub.ScrubSubject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Modifiers a payer can read: at most four per line, two characters each, none repeated, and not LT with RT on one
 * line (bilateral is 50). Whether a modifier exists on the date of service is {@link CodeValidityEdit}'s job.
 */
@Component
public class ModifierEdit implements ClaimEdit {
    static final String ID = "MODIFIER";

    @Override
    public List<Finding> check(ScrubSubject s) {
        List<Finding> found = new ArrayList<>();
        List<Line> lines = s.claim().lines();
        for (int i = 0; i < lines.size(); i++) {
            String where = "line " + (i + 1);
            List<String> modifiers = lines.get(i).modifiers();
            if (modifiers.size() > 4) found.add(Finding.error(ID, Owner.CODER, where, modifiers.size() + " modifiers: a service line carries at most 4"));
            Set<String> seen = new HashSet<>();
            for (String m : modifiers) {
                String u = m.trim().toUpperCase(Locale.ROOT);
                if (!u.matches("[0-9A-Z]{2}")) found.add(Finding.error(ID, Owner.CODER, where, "Modifier '" + m + "' is not two letters or digits"));
                else if (!seen.add(u)) found.add(Finding.error(ID, Owner.CODER, where, "Modifier " + u + " is given twice"));
            }
            if (seen.contains("LT") && seen.contains("RT")) {
                found.add(Finding.error(ID, Owner.CODER, where, "LT and RT on one line: report a bilateral procedure with 50, or each side on its own line"));
            }
        }
        return found;
    }
}
