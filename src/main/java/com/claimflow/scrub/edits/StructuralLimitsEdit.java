package com.claimflow.scrub.edits;

import com.claimflow.intake.InputRules;
import com.claimflow.scrub.ClaimEdit;
import com.claimflow.scrub.ClaimSnapshot;
import com.claimflow.scrub.Finding;
import com.claimflow.scrub.Finding.Owner;
import com.claimflow.scrub.ScrubSubject;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Limits the 837 itself puts on a claim, which a payer's front end rejects: at most 50 service lines on an 837P
 * (005010X222A1 loop 2400 repeat 50) and 999 on an 837I (005010X223A2 loop 2400 repeat 999) — the claim is refused,
 * not split: the coder splits the services over more claims; the patient's birth date (2010BA DMG02) not after the
 * date of service; and the admission date on inpatient and home health bills (837I 2300 DTP*435, "required on
 * inpatient claims").
 */
@Component
public class StructuralLimitsEdit implements ClaimEdit {
    static final String ID = "CLAIM_STRUCTURE";

    @Override
    public List<Finding> check(ScrubSubject s) {
        ClaimSnapshot c = s.claim();
        List<Finding> found = new ArrayList<>();
        int max = InputRules.maxLines(c.claimType());
        if (c.lines().size() > max) {
            found.add(Finding.error(ID, Owner.CODER, "lines", c.lines().size() + " service lines: an " + (c.isInstitutional() ? "837I" : "837P")
                    + " claim carries at most " + max + " (loop 2400, " + (c.isInstitutional() ? "005010X223A2" : "005010X222A1")
                    + "): split the services over more claims"));
        }
        if (c.patientBirthDate() != null && c.dateOfService() != null && c.patientBirthDate().isAfter(c.dateOfService())) {
            found.add(Finding.error(ID, Owner.BILLER, "patient.birthDate", "Birth date " + c.patientBirthDate() + " is after the date of service "
                    + c.dateOfService() + ": correct the birth date or the date of service"));
        }
        if (c.needsAdmission() && c.admittedAt() == null) {
            found.add(Finding.error(ID, Owner.BILLER, "institutional.admittedAt", "No admission date on an inpatient or home health bill (type of bill "
                    + c.facilityTypeCode() + "x): the 837I requires it (2300 DTP*435); record the admission date and hour"));
        }
        return found;
    }
}
