package com.claimflow.scrub;

import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.scrub.edits.StructuralLimitsEdit;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The 837's own limits: 2400 repeats (X222A1: 50, X223A2: 999), birth date not after the DOS, DTP*435 on inpatient bills. */
class StructuralLimitsEditTest {
    private final StructuralLimitsEdit edit = new StructuralLimitsEdit();

    private List<Finding> run(TestClaim claim) {
        return edit.check(new ScrubSubject(claim.build(), null, null, LocalDate.of(2026, 3, 1)));
    }

    private static TestClaim withLines(TestClaim claim, int lines, String revenueCode) {
        for (int i = 0; i < lines; i++) {
            claim.line(new ClaimSnapshot.Line("99213", List.of(), 1, new BigDecimal("10.00"), List.of(1), revenueCode));
        }
        return claim;
    }

    @Test
    void aProfessionalClaimCarriesAtMost50LinesAndIsRefusedNamingTheCountAndTheLimit() {
        assertThat(run(withLines(TestClaim.professional(), 50, null))).isEmpty();
        assertThat(run(withLines(TestClaim.professional(), 51, null))).singleElement().satisfies(f -> {
            assertThat(f.editId()).isEqualTo("CLAIM_STRUCTURE");
            assertThat(f.location()).isEqualTo("lines");
            assertThat(f.severity()).isEqualTo(Finding.Severity.ERROR);
            assertThat(f.message()).startsWith("51 service lines: an 837P claim carries at most 50").contains("005010X222A1");
        });
    }

    @Test
    void anInstitutionalClaimCarriesAtMost999Lines() {
        assertThat(run(withLines(TestClaim.professional().institutional("13"), 999, "0510"))).isEmpty();
        assertThat(run(withLines(TestClaim.professional().institutional("13"), 1000, "0510"))).singleElement()
                .satisfies(f -> assertThat(f.message()).startsWith("1000 service lines: an 837I claim carries at most 999").contains("005010X223A2"));
    }

    @Test
    void theBirthDateMayNotBeAfterTheDateOfService() {
        assertThat(run(TestClaim.professional().on("2026-02-10").patient("2026-02-10", "F").line("99460", 1))).isEmpty();
        assertThat(run(TestClaim.professional().on("2026-02-10").patient("2026-02-11", "F").line("99460", 1))).singleElement()
                .satisfies(f -> {
                    assertThat(f.location()).isEqualTo("patient.birthDate");
                    assertThat(f.message()).contains("2026-02-11 is after the date of service 2026-02-10");
                });
    }

    @Test
    void inpatientBillsNeedTheAdmissionDate() {
        assertThat(run(TestClaim.professional().institutional("11").line("99223", 1))).singleElement().satisfies(f -> {
            assertThat(f.location()).isEqualTo("institutional.admittedAt");
            assertThat(f.message()).contains("type of bill 11x").contains("DTP*435");
        });
        assertThat(run(TestClaim.professional().institutional("12").line("99223", 1))).hasSize(1);
        assertThat(run(TestClaim.professional().institutional("11").admitted("2026-02-09T08:30").line("99223", 1))).isEmpty();
        // outpatient bills and professional claims carry none
        assertThat(run(TestClaim.professional().institutional("13").line("99213", 1))).isEmpty();
        assertThat(run(TestClaim.professional().line("99213", 1))).isEmpty();
    }
}
