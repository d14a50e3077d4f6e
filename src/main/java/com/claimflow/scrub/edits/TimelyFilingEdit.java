package com.claimflow.scrub.edits;

import com.claimflow.scrub.ClaimEdit;
import com.claimflow.scrub.Finding;
import com.claimflow.scrub.Finding.Owner;
import com.claimflow.scrub.ScrubSubject;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The payer's filing limit counted from the date of service: passed is an error, close is a warning. A claim past the
 * limit passes when a biller recorded proof that it was first sent within it (the original submission's date and
 * reference, sent with the claim as CLM20 and NTE*ADD): payers accept such proof, and Medicare's rule, 42 CFR 424.44
 * (one calendar year from the date of service), itself extends the limit for its exceptions in 424.44(b) — an
 * administrative error of the contractor, retroactive Medicare entitlement (also where a state Medicaid agency paid
 * first), and retroactive disenrollment from a Medicare Advantage plan. A proof dated after the limit is no proof.
 */
@Component
public class TimelyFilingEdit implements ClaimEdit {
    public static final String ID = "TIMELY_FILING";
    static final int WARN_WITHIN_DAYS = 14;

    @Override
    public List<Finding> check(ScrubSubject s) {
        if (s.payer() == null) return List.of();
        var deadline = s.claim().dateOfService().plusDays(s.payer().timelyFilingDays());
        long left = ChronoUnit.DAYS.between(s.today(), deadline);
        LocalDate proof = s.claim().timelyFilingProofDate();
        if (left < 0 && proof != null) {
            return proof.isAfter(deadline) ? List.of(Finding.error(ID, Owner.BILLER, "originalSubmissionDate", "The proof's original submission on "
                    + proof + " is itself after the timely filing limit of " + deadline + ": correct the proof or ask for a write-off")) : List.of();
        }
        if (left < 0) {
            return List.of(Finding.error(ID, Owner.BILLER, "dateOfService",
                    "Timely filing limit of " + s.payer().timelyFilingDays() + " days passed on " + deadline
                    + ": record proof of timely filing (the first submission's date and reference) or ask for a write-off"));
        }
        if (left <= WARN_WITHIN_DAYS) {
            return List.of(Finding.warning(ID, Owner.BILLER, "dateOfService",
                    "Timely filing limit reached on " + deadline + " (" + left + " days left): submit today"));
        }
        return List.of();
    }
}
