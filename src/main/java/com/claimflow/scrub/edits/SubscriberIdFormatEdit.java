package com.claimflow.scrub.edits;

import com.claimflow.scrub.ClaimEdit;
import com.claimflow.scrub.Finding;
import com.claimflow.scrub.Finding.Owner;
import com.claimflow.scrub.ScrubSubject;
import java.util.List;
import org.springframework.stereotype.Component;

/** The member id must be in the payer's format (the payer rejects it at the front door otherwise). */
@Component
public class SubscriberIdFormatEdit implements ClaimEdit {
    @Override
    public List<Finding> check(ScrubSubject s) {
        String memberId = s.claim().memberId();
        if (s.payer() == null || s.payer().subscriberIdPattern() == null || memberId == null || memberId.isBlank()) return List.of();
        if (memberId.matches(s.payer().subscriberIdPattern())) return List.of();
        return List.of(Finding.error("SUBSCRIBER_ID_FORMAT", Owner.BILLER, "subscriber.memberId",
                "Member id '" + memberId + "' is not in " + s.payer().name() + "'s format"));
    }
}
