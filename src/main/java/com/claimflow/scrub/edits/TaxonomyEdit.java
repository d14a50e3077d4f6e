package com.claimflow.scrub.edits;

import com.claimflow.reference.PayerRules;
import com.claimflow.reference.Provider;
import com.claimflow.scrub.ClaimEdit;
import com.claimflow.scrub.Finding;
import com.claimflow.scrub.Finding.Owner;
import com.claimflow.scrub.ScrubSubject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Where the payer requires it (payer file: taxonomy required), the billing and rendering providers need a taxonomy code on file. */
@Component
public class TaxonomyEdit implements ClaimEdit {
    static final String ID = "TAXONOMY_REQUIRED";

    private final PayerRules payers;

    public TaxonomyEdit(PayerRules payers) {
        this.payers = payers;
    }

    @Override
    public List<Finding> check(ScrubSubject s) {
        if (s.payer() == null || !payers.requiresTaxonomy(s.payer().id())) return List.of();
        List<Finding> found = new ArrayList<>();
        verify(s, s.claim().billingNpi(), "billingProvider.taxonomy", "Billing", found);
        if (s.claim().renderingNpi() != null) verify(s, s.claim().renderingNpi(), "renderingProvider.taxonomy", "Rendering", found);
        return found;
    }

    private static void verify(ScrubSubject s, String npi, String location, String role, List<Finding> found) {
        Optional<Provider> p = s.reference().provider(npi);
        if (p.isPresent() && (p.get().taxonomy() == null || p.get().taxonomy().isBlank())) {
            found.add(Finding.error(ID, Owner.BILLER, location, s.payer().name() + " requires the provider taxonomy: " + role
                    + " provider " + npi + " has none on file"));
        }
    }
}
