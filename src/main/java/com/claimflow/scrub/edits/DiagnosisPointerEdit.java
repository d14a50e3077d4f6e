package com.claimflow.scrub.edits;

import com.claimflow.scrub.ClaimSnapshot.Line;
import com.claimflow.scrub.ClaimEdit;
import com.claimflow.scrub.Finding;
import com.claimflow.scrub.Finding.Owner;
import com.claimflow.scrub.ScrubSubject;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** Professional claims: at most 12 diagnoses, 1 to 4 pointers per line, each pointing at a diagnosis that exists. */
@Component
public class DiagnosisPointerEdit implements ClaimEdit {
    static final String ID = "DIAGNOSIS_POINTER";

    @Override
    public List<Finding> check(ScrubSubject s) {
        List<Finding> found = new ArrayList<>();
        int dx = s.claim().diagnoses().size();
        if (dx > 12) found.add(Finding.error(ID, Owner.CODER, "diagnoses", dx + " diagnoses: a professional claim carries at most 12"));
        List<Line> lines = s.claim().lines();
        for (int i = 0; i < lines.size(); i++) {
            List<Integer> pointers = lines.get(i).pointers();
            String where = "line " + (i + 1);
            if (pointers.isEmpty()) found.add(Finding.error(ID, Owner.CODER, where, "Service line has no diagnosis pointer"));
            if (pointers.size() > 4) found.add(Finding.error(ID, Owner.CODER, where, pointers.size() + " diagnosis pointers: at most 4 per line"));
            for (int p : pointers) {
                if (p < 1 || p > dx) found.add(Finding.error(ID, Owner.CODER, where, "Diagnosis pointer " + p + " points at no diagnosis (the claim has " + dx + ")"));
            }
        }
        return found;
    }
}
