package com.claimflow.submission.x12;

import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.intake.CoverageOnFile;
import com.claimflow.intake.Encounter;
import com.claimflow.intake.Subscriber;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which of the encounter's coverages a claim's 837 describes (2000B SBR, 2010BA, 2000C). */
class ClaimDocumentsTest {
    private static final Subscriber SAM = new Subscriber("Test", "Sam", LocalDate.of(1978, 7, 4), "M", null, null);
    private static final CoverageOnFile PRIMARY = new CoverageOnFile(1, "BCBS", "XYZ123456789", "88001", "01", SAM);
    private static final CoverageOnFile SECONDARY = new CoverageOnFile(2, "AETNA", "W123456789", null, "18", null);

    private static Encounter withCoverages(List<CoverageOnFile> coverages) {
        return new Encounter(1L, "E-1", "Robin", "Test", LocalDate.of(1980, 2, 29), "F", "XYZ123456789", "BCBS", "1234567893", null, null, null,
                LocalDate.of(2026, 11, 16), "11", "PROFESSIONAL", null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, coverages);
    }

    @Test
    void theClaimsCoverageOrderPicksTheCoverageWhenItsPayerIsTheClaims() {
        Encounter e = withCoverages(List.of(SECONDARY, PRIMARY));
        assertThat(ClaimDocuments.coverageOf("BCBS", "XYZ123456789", e, 1)).isEqualTo(PRIMARY);
        assertThat(ClaimDocuments.coverageOf("AETNA", "W123456789", e, 2)).isEqualTo(SECONDARY);
    }

    @Test
    void aClaimWhosePayerWasCorrectedFindsTheCoverageOfThatPayer() {
        Encounter e = withCoverages(List.of(PRIMARY, SECONDARY));
        assertThat(ClaimDocuments.coverageOf("AETNA", "W123456789", e, 1)).isEqualTo(SECONDARY);
        // a payer on no coverage: the order's coverage as on file
        assertThat(ClaimDocuments.coverageOf("UHC", "U1", e, 1)).isEqualTo(PRIMARY);
    }

    @Test
    void anEncounterOpenedBeforeCoveragesHasThePatientAsPrimarySubscriber() {
        CoverageOnFile c = ClaimDocuments.coverageOf("BCBS", "XYZ123456789", withCoverages(null), 1);
        assertThat(c.isSelf()).isTrue();
        assertThat(c.payerId()).isEqualTo("BCBS");
        assertThat(c.memberId()).isEqualTo("XYZ123456789");
    }
}
