package com.claimflow.submission.x12;

import com.claimflow.claim.Claim;
import com.claimflow.intake.Encounter;
import com.claimflow.submission.ClaimFileFormat;
import org.springframework.stereotype.Component;

/** X12 005010X223A2 837I, for institutional claims (UB-04). */
@Component
public class X12InstitutionalClaimFormat implements ClaimFileFormat {
    public static final String NAME = "X12_837I";
    private final X12ClaimFiles files;

    public X12InstitutionalClaimFormat(X12ClaimFiles files) {
        this.files = files;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String write(Claim claim, Encounter encounter) {
        return files.write(claim, encounter);
    }
}
