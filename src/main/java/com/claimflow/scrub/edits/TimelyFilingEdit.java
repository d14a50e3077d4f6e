package com.claimflow.scrub.edits;

import com.claimflow.scrub.ClaimEdit;
import com.claimflow.scrub.Finding;
import com.claimflow.scrub.Finding.Owner;
import com.claimflow.scrub.ScrubSubject;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.stereotype.Component;

/** The payer's filing limit counted from the date of service: passed is an error, close is a warning. */
@Component
public class TimelyFilingEdit implements ClaimEdit {
    static final int WARN_WITHIN_DAYS = 14;

    @Override
    public List<Finding> check(ScrubSubject s) {
        if (s.payer() == null) return List.of();
        var deadline = s.claim().dateOfService().plusDays(s.payer().timelyFilingDays());
        long left = ChronoUnit.DAYS.between(s.today(), deadline);
        if (left < 0) {
            return List.of(Finding.error("TIMELY_FILING", Owner.BILLER, "dateOfService",
                    "Timely filing limit of " + s.payer().timelyFilingDays() + " days passed on " + deadline + ": attach proof of timely filing or write off"));
        }
        if (left <= WARN_WITHIN_DAYS) {
            return List.of(Finding.warning("TIMELY_FILING", Owner.BILLER, "dateOfService",
                    "Timely filing limit reached on " + deadline + " (" + left + " days left): submit today"));
        }
        return List.of();
    }
}
