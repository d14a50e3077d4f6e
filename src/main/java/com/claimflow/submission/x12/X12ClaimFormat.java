package com.claimflow.submission.x12;

import com.claimflow.claim.Claim;
import com.claimflow.intake.Encounter;
import com.claimflow.submission.ClaimFileFormat;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The X12 837 as a claim file format, one bean per guide: 005010X222A1 837P for professional claims (CMS-1500) and
 * 005010X223A2 837I for institutional claims (UB-04). Both write through {@link X12ClaimFiles}, which picks the guide
 * from the claim; the name is what the outbox records and what batches are grouped by.
 */
public final class X12ClaimFormat implements ClaimFileFormat {
    public static final String PROFESSIONAL = "X12_837P";
    public static final String INSTITUTIONAL = "X12_837I";

    private final String name;
    private final X12ClaimFiles files;

    X12ClaimFormat(String name, X12ClaimFiles files) {
        this.name = name;
        this.files = files;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String write(Claim claim, Encounter encounter) {
        return files.write(claim, encounter);
    }

    @Configuration
    static class Formats {
        @Bean
        X12ClaimFormat x12ProfessionalClaimFormat(X12ClaimFiles files) {
            return new X12ClaimFormat(PROFESSIONAL, files);
        }

        @Bean
        X12ClaimFormat x12InstitutionalClaimFormat(X12ClaimFiles files) {
            return new X12ClaimFormat(INSTITUTIONAL, files);
        }
    }
}
