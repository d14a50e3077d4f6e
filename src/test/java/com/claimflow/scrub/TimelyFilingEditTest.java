package com.claimflow.scrub;

import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.reference.Payer;
import com.claimflow.scrub.edits.TimelyFilingEdit;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelyFilingEditTest {
    private static final Payer BCBS = new Payer("BCBS", "Blue Cross Blue Shield", "PROFESSIONAL", 180, null);
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    private static final LocalDate SERVICE = LocalDate.of(2026, 3, 2); // the limit passed on 2026-08-29

    private static List<Finding> check(TestClaim claim) {
        return new TimelyFilingEdit().check(new ScrubSubject(claim.on(SERVICE).line("99213", 1).build(), BCBS, null, TODAY));
    }

    @Test
    void aClaimPastTheLimitIsAnErrorThatAsksForProofOrAWriteOff() {
        assertThat(check(TestClaim.professional())).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Finding.Severity.ERROR);
            assertThat(f.message()).contains("2026-08-29").contains("record proof of timely filing").contains("write-off");
        });
    }

    @Test
    void proofThatTheClaimWasFirstSentInTimeLetsItPass() {
        assertThat(check(TestClaim.professional().firstSentOn(LocalDate.of(2026, 4, 1)))).isEmpty();
    }

    @Test
    void proofDatedAfterTheLimitIsNoProof() {
        assertThat(check(TestClaim.professional().firstSentOn(LocalDate.of(2026, 9, 15)))).singleElement().satisfies(f -> {
            assertThat(f.location()).isEqualTo("originalSubmissionDate");
            assertThat(f.message()).contains("2026-09-15").contains("after the timely filing limit");
        });
    }
}
