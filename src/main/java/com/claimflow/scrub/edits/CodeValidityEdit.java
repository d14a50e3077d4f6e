package com.claimflow.scrub.edits;

import com.claimflow.scrub.ClaimSnapshot.Line;
import com.claimflow.reference.CodeCheck;
import com.claimflow.scrub.ClaimEdit;
import com.claimflow.scrub.Finding;
import com.claimflow.scrub.Finding.Owner;
import com.claimflow.scrub.ScrubSubject;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** Every diagnosis, procedure and modifier must be valid (and billable) on the date of service, not on the day of the scrub. */
@Component
public class CodeValidityEdit implements ClaimEdit {
    static final String ID = "CODE_INVALID_ON_DOS";

    @Override
    public List<Finding> check(ScrubSubject s) {
        List<Finding> found = new ArrayList<>();
        var dos = s.claim().dateOfService();
        List<String> dx = s.claim().diagnoses();
        for (int i = 0; i < dx.size(); i++) {
            CodeCheck c = s.reference().checkDiagnosis(dx.get(i), dos);
            if (!c.isOk()) found.add(Finding.error(ID, Owner.CODER, "diagnosis " + (i + 1), c.problem()));
        }
        List<Line> lines = s.claim().lines();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            CodeCheck c = s.reference().checkProcedure(line.code(), dos);
            if (!c.isOk()) found.add(Finding.error(ID, Owner.CODER, "line " + (i + 1), c.problem()));
            for (String m : line.modifiers()) {
                CodeCheck mc = s.reference().checkModifier(m, dos);
                if (!mc.isOk()) found.add(Finding.error(ID, Owner.CODER, "line " + (i + 1), mc.problem()));
            }
        }
        return found;
    }
}
