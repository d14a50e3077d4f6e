package com.claimflow.scrub.edits;

import com.claimflow.reference.AgeSexRules;
import com.claimflow.reference.AgeSexRules.Conflict;
import com.claimflow.reference.CodeSystem;
import com.claimflow.scrub.ClaimEdit;
import com.claimflow.scrub.ClaimSnapshot;
import com.claimflow.scrub.ClaimSnapshot.Line;
import com.claimflow.scrub.Finding;
import com.claimflow.scrub.Finding.Owner;
import com.claimflow.scrub.ScrubSubject;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Sex- and age-specific diagnosis and procedure codes against the patient, from the maintained age/sex table: the
 * Medicare Code Editor's edit 4 (age conflict: newborn age 0, pediatric 0-17, maternity 9-64, adult 15-124) and edit 5
 * (sex conflict), and the CPT preventive-visit age bands. A sex conflict is not raised on a line carrying KX, nor on a
 * diagnosis a KX line points at: CMS lets KX attest that a gender-specific service fits the patient (e.g. a transgender
 * patient; institutional claims say so with condition code 45). A patient whose sex is recorded as U (unknown) cannot
 * be checked: that is a warning ({@code SEX_UNKNOWN}), not a conflict.
 */
@Component
public class AgeSexEdit implements ClaimEdit {
    static final String ID = "AGE_SEX";
    static final String SEX_UNKNOWN = "SEX_UNKNOWN";
    static final String KX = "KX";

    private final AgeSexRules rules;

    public AgeSexEdit(AgeSexRules rules) {
        this.rules = rules;
    }

    @Override
    public List<Finding> check(ScrubSubject s) {
        ClaimSnapshot c = s.claim();
        int age = c.patientAgeOnDateOfService();
        if (c.patientSex() == null && age < 0) return List.of();
        List<Finding> found = new ArrayList<>();
        for (int i = 0; i < c.diagnoses().size(); i++) {
            int pointer = i + 1;
            boolean attested = c.lines().stream().anyMatch(l -> hasKx(l) && l.pointers().contains(pointer));
            report(rules.conflicts(CodeSystem.ICD10CM, c.diagnoses().get(i), c.patientSex(), age), attested, "diagnosis " + pointer, found);
        }
        for (int i = 0; i < c.lines().size(); i++) {
            Line line = c.lines().get(i);
            if (line.code() == null) continue;
            report(rules.conflicts(CodeSystem.ofProcedure(line.code()), line.code(), c.patientSex(), age), hasKx(line), "line " + (i + 1), found);
        }
        return found;
    }

    private static void report(List<Conflict> conflicts, boolean attested, String where, List<Finding> found) {
        for (Conflict conflict : conflicts) {
            switch (conflict.kind()) {
                case AGE -> found.add(Finding.error(ID, Owner.CODER, where, conflict.message() + " (MCE edit 4, age conflict)"));
                case SEX -> {
                    if (!attested) found.add(Finding.error(ID, Owner.CODER, where, conflict.message()
                            + " (MCE edit 5, sex conflict): correct the code or the patient's sex, or add KX where the service fits the patient"));
                }
                case SEX_UNKNOWN -> found.add(Finding.warning(SEX_UNKNOWN, Owner.BILLER, where, conflict.message()));
            }
        }
    }

    private static boolean hasKx(Line line) {
        return NcciModifiers.normalized(line.modifiers()).contains(KX);
    }
}
