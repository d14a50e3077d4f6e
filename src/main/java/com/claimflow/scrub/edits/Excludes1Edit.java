package com.claimflow.scrub.edits;

import com.claimflow.reference.Excludes1;
import com.claimflow.scrub.ClaimEdit;
import com.claimflow.scrub.Finding;
import com.claimflow.scrub.Finding.Owner;
import com.claimflow.scrub.ScrubSubject;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Two diagnoses on one claim that an ICD-10-CM Excludes1 note keeps apart: the conditions cannot occur together, so the
 * codes are not reported together (ICD-10-CM Official Guidelines for Coding and Reporting, section I.A.12.a). The
 * guideline's one exception, two conditions unrelated to each other, is the coder's to document; the finding names both
 * diagnoses and is raised on the later one.
 */
@Component
public class Excludes1Edit implements ClaimEdit {
    static final String ID = "EXCLUDES1";

    private final Excludes1 excludes1;

    public Excludes1Edit(Excludes1 excludes1) {
        this.excludes1 = excludes1;
    }

    @Override
    public List<Finding> check(ScrubSubject s) {
        List<String> dx = s.claim().diagnoses();
        List<Finding> found = new ArrayList<>();
        for (int j = 1; j < dx.size(); j++) {
            for (int i = 0; i < j; i++) {
                int first = i;
                int second = j;
                excludes1.conflict(dx.get(i), dx.get(j)).ifPresent(p -> found.add(Finding.error(ID, Owner.CODER, "diagnosis " + (second + 1),
                        dx.get(second) + " (diagnosis " + (second + 1) + ") and " + dx.get(first) + " (diagnosis " + (first + 1)
                                + ") are never reported together: ICD-10-CM Excludes1, " + (p.note() == null ? p.code() + " excludes " + p.excludedCode() : p.note())
                                + " (Official Guidelines I.A.12.a); keep the one the record supports, or document that the conditions are unrelated")));
            }
        }
        return found;
    }
}
