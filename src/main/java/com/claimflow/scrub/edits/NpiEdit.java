package com.claimflow.scrub.edits;

import com.claimflow.reference.Npi;
import com.claimflow.scrub.ClaimEdit;
import com.claimflow.scrub.Finding;
import com.claimflow.scrub.Finding.Owner;
import com.claimflow.scrub.ScrubSubject;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** Billing and rendering NPIs: ten digits with a valid Luhn check digit. */
@Component
public class NpiEdit implements ClaimEdit {
    static final String ID = "NPI_INVALID";

    @Override
    public List<Finding> check(ScrubSubject s) {
        List<Finding> found = new ArrayList<>();
        verify(s.claim().billingNpi(), "billingProvider.npi", "Billing", found);
        if (s.claim().renderingNpi() != null) verify(s.claim().renderingNpi(), "renderingProvider.npi", "Rendering", found);
        if (s.claim().referringNpi() != null) verify(s.claim().referringNpi(), "referringProvider.npi", "Referring", found);
        return found;
    }

    private static void verify(String npi, String location, String role, List<Finding> found) {
        if (!Npi.isValid(npi)) {
            found.add(Finding.error(ID, Owner.BILLER, location, role + " provider NPI '" + npi + "' fails the check digit: correct the provider's NPI"));
        }
    }
}
