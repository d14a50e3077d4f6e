package com.claimflow.scrub.edits;

import com.claimflow.reference.AgeSexRules;
import com.claimflow.reference.CodeSystem;
import com.claimflow.scrub.ClaimEdit;
import com.claimflow.scrub.ClaimSnapshot;
import com.claimflow.scrub.Finding;
import com.claimflow.scrub.Finding.Owner;
import com.claimflow.scrub.ScrubSubject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Sex- and age-specific diagnosis and procedure codes against the patient, from the maintained age/sex table. */
@Component
public class AgeSexEdit implements ClaimEdit {
    static final String ID = "AGE_SEX";

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
            Optional<String> conflict = rules.conflict(CodeSystem.ICD10CM, c.diagnoses().get(i), c.patientSex(), age);
            if (conflict.isPresent()) found.add(Finding.error(ID, Owner.CODER, "diagnosis " + (i + 1), conflict.get()));
        }
        for (int i = 0; i < c.lines().size(); i++) {
            String code = c.lines().get(i).code();
            if (code == null) continue;
            Optional<String> conflict = rules.conflict(CodeSystem.ofProcedure(code), code, c.patientSex(), age);
            if (conflict.isPresent()) found.add(Finding.error(ID, Owner.CODER, "line " + (i + 1), conflict.get()));
        }
        return found;
    }
}
