package com.claimflow.scrub.edits;

import com.claimflow.scrub.ClaimEdit;
import com.claimflow.scrub.ClaimSnapshot.Line;
import com.claimflow.scrub.Finding;
import com.claimflow.scrub.Finding.Owner;
import com.claimflow.scrub.ScrubSubject;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * NCCI-associated modifiers used where the NCCI Policy Manual for Medicare Services, Chapter I, section E, does not
 * allow them: 59 and XE/XS/XP/XU on an E/M service (never: a separately identifiable E/M takes 25), and 25 on a code that
 * is not an E/M. An E/M with 25 and no procedure on the claim is a warning: 25 says "E/M beside a procedure the same day".
 */
@Component
public class NcciModifierUseEdit implements ClaimEdit {
    static final String ID = "NCCI_MODIFIER";

    @Override
    public List<Finding> check(ScrubSubject s) {
        List<Line> lines = s.claim().lines();
        boolean anyProcedure = lines.stream().anyMatch(l -> l.code() != null && !NcciModifiers.isEm(l.code()));
        List<Finding> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (line.code() == null) continue;
            String where = "line " + (i + 1);
            boolean em = NcciModifiers.isEm(line.code());
            for (String m : NcciModifiers.normalized(line.modifiers())) {
                if (em && NcciModifiers.DISTINCT.contains(m)) {
                    found.add(Finding.error(ID, Owner.CODER, where, "Modifier " + m + " on E/M service " + line.code()
                            + ": 59 and XE/XS/XP/XU are never used on an E/M (NCCI Policy Manual ch. I, E); a significant, separately"
                            + " identifiable E/M beside a procedure takes 25"));
                } else if (!em && m.equals("25")) {
                    found.add(Finding.error(ID, Owner.CODER, where, "Modifier 25 on " + line.code() + ", which is not an E/M service: 25 goes on"
                            + " the E/M (99202-99499) reported beside a procedure (NCCI Policy Manual ch. I, E)"));
                } else if (em && m.equals("25") && !anyProcedure) {
                    found.add(Finding.warning(ID, Owner.CODER, where, "Modifier 25 on E/M " + line.code() + " with no procedure on the claim:"
                            + " 25 marks an E/M beside a procedure the same day (NCCI Policy Manual ch. I, E); remove it"));
                }
            }
        }
        return found;
    }
}
