package com.claimflow.scrub.edits;

import com.claimflow.reference.PlaceOfService;
import com.claimflow.scrub.ClaimEdit;
import com.claimflow.scrub.Finding;
import com.claimflow.scrub.Finding.Owner;
import com.claimflow.scrub.ScrubSubject;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The place of service must be a code the CMS Place of Service code set assigns on the date of service; unassigned
 * codes are invalid ({@link PlaceOfService}). A missing place of service is {@link RequiredFieldsEdit}'s finding. The
 * code set is for professional claims (837P CLM05-1); an institutional claim states its setting by the type of bill.
 */
@Component
public class PlaceOfServiceEdit implements ClaimEdit {
    static final String ID = "PLACE_OF_SERVICE";

    @Override
    public List<Finding> check(ScrubSubject s) {
        String pos = s.claim().placeOfService();
        if (pos == null || pos.isBlank() || s.claim().isInstitutional()) return List.of();
        String problem = PlaceOfService.problem(pos.trim(), s.claim().dateOfService());
        return problem == null ? List.of() : List.of(Finding.error(ID, Owner.BILLER, "placeOfService", problem));
    }
}
