package com.claimflow.remittance;

import com.claimflow.claim.Claim;
import com.claimflow.claim.ClaimService;
import com.claimflow.submission.ClaimHandedOff;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Insurance A/R from submission on: when a claim is handed to the clearinghouse its charge goes on the encounter's
 * account, insurance side, in the hand-off's transaction, so the encounter's insurance balance is never zero while a
 * claim is out. Posting the payer's answer later finds the charge there ({@link AccountService#chargeClaim} brings
 * the charges to the claim's total and adds nothing when they are already).
 */
@Component
class ChargeOnSubmission {
    private final ClaimService claims;
    private final AccountService account;

    ChargeOnSubmission(ClaimService claims, AccountService account) {
        this.claims = claims;
        this.account = account;
    }

    @EventListener
    void on(ClaimHandedOff handedOff) {
        Claim claim = claims.get(handedOff.claimId());
        if ("8".equals(claim.frequencyCode())) return; // a void bills nothing
        account.chargeClaim(claim.encounterId(), claim.id(), claim.totalCharge());
    }
}
