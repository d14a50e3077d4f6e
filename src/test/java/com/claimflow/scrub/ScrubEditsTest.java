package com.claimflow.scrub;

import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.reference.ReferenceService;
import com.claimflow.reference.ReferenceTestContext;
import com.claimflow.scrub.edits.AgeSexEdit;
import com.claimflow.scrub.edits.ModifierEdit;
import com.claimflow.scrub.edits.PayerRulesEdit;
import com.claimflow.scrub.edits.TaxonomyEdit;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ScrubEditsTest extends ReferenceTestContext {
    @Autowired AgeSexEdit ageSex;
    @Autowired ModifierEdit modifiers;
    @Autowired TaxonomyEdit taxonomy;
    @Autowired PayerRulesEdit payerRules;
    @Autowired com.claimflow.scrub.edits.NpiEdit npi;
    @Autowired ReferenceService reference;
    @Autowired com.claimflow.scrub.edits.RequiredFieldsEdit required;

    @BeforeEach
    void load() {
        emptyReferenceTables();
        ScrubBatchTest.loadAll(this);
    }

    private List<Finding> run(com.claimflow.scrub.ClaimEdit edit, TestClaim claim) {
        ClaimSnapshot c = claim.build();
        return edit.check(new ScrubSubject(c, reference.payer(c.payerId()).orElse(null), reference, LocalDate.now()));
    }

    private List<String> places(List<Finding> found) {
        return found.stream().map(f -> f.editId() + "@" + f.location()).toList();
    }

    @Test
    void everyProviderNpiOnTheClaimMustPassTheCheckDigitIncludingTheReferringOne() {
        assertThat(places(run(npi, TestClaim.professional().referring("1234567893")))).isEmpty();
        assertThat(places(run(npi, TestClaim.professional().referring("1234567890")))).containsExactly("NPI_INVALID@referringProvider.npi");
        assertThat(places(run(npi, TestClaim.professional().rendering("1234567891").referring("1234567892"))))
                .containsExactly("NPI_INVALID@renderingProvider.npi", "NPI_INVALID@referringProvider.npi");
    }

    @Test
    void maternityCodesFitWomenOfChildbearingAgeOnly() {
        assertThat(run(ageSex, TestClaim.professional().patient("1990-01-01", "F").diagnoses("O09.00").line("99213", 1))).isEmpty();
        assertThat(places(run(ageSex, TestClaim.professional().patient("1990-01-01", "M").diagnoses("O09.00").line("99213", 1)))).containsExactly("AGE_SEX@diagnosis 1");
        assertThat(run(ageSex, TestClaim.professional().patient("1950-01-01", "F").on("2026-02-10").diagnoses("O09.00").line("99213", 1)))
                .singleElement().satisfies(f -> assertThat(f.message()).contains("aged 76"));
        assertThat(places(run(ageSex, TestClaim.professional().patient("1990-01-01", "M").diagnoses("I10").line("59400", 1)))).containsExactly("AGE_SEX@line 1");
    }

    @Test
    void newbornCodesFitAgeZeroOnlyAndProstateCodesMenOnly() {
        assertThat(run(ageSex, TestClaim.professional().patient("2026-02-01", "F").on("2026-02-03").diagnoses("Z38.00").line("99213", 1))).isEmpty();
        assertThat(run(ageSex, TestClaim.professional().patient("2020-02-01", "F").on("2026-02-03").diagnoses("Z38.00").line("99213", 1))).hasSize(1);
        assertThat(run(ageSex, TestClaim.professional().patient("1950-02-01", "M").diagnoses("N40.0", "C61").line("55700", 1))).isEmpty();
        assertThat(places(run(ageSex, TestClaim.professional().patient("1950-02-01", "F").diagnoses("I10", "C61").line("99213", 1)))).containsExactly("AGE_SEX@diagnosis 2");
        assertThat(run(ageSex, TestClaim.professional().patient("1950-02-01", "U").diagnoses("C61").line("99213", 1))).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Finding.Severity.WARNING));
    }

    @Test
    void modifiersAtMostFourNoRepeatsAndNotBothSides() {
        assertThat(run(modifiers, TestClaim.professional().line("20610", 1, "RT", "59"))).isEmpty();
        assertThat(run(modifiers, TestClaim.professional().line("20610", 1, "RT", "59", "XS", "GY", "25"))).hasSize(1);
        assertThat(run(modifiers, TestClaim.professional().line("20610", 1, "59", "59"))).singleElement()
                .satisfies(f -> assertThat(f.message()).isEqualTo("Modifier 59 is given twice"));
        assertThat(run(modifiers, TestClaim.professional().line("20610", 1, "LT", "RT"))).hasSize(1);
        assertThat(run(modifiers, TestClaim.professional().line("20610", 1, "5"))).hasSize(1);
    }

    @Test
    void taxonomyIsRequiredOnlyWhereThePayerSaysSo() {
        assertThat(places(run(taxonomy, TestClaim.professional().payer("ACME", "A12345678").rendering(ScrubBatchTest.SAM_NPI).line("99213", 1))))
                .containsExactly("TAXONOMY_REQUIRED@renderingProvider.taxonomy");
        assertThat(run(taxonomy, TestClaim.professional().payer("ACME", "A12345678").line("99213", 1))).isEmpty();
        assertThat(run(taxonomy, TestClaim.professional().payer("BCBS", "XYZ123456789").rendering(ScrubBatchTest.SAM_NPI).line("99213", 1))).isEmpty();
    }

    @Test
    void payerRulesComeFromTheDmnTable() {
        assertThat(run(payerRules, TestClaim.professional().payer("UHC", "123456789").line("99213", 1).line("72148", 1)))
                .singleElement().satisfies(f -> {
                    assertThat(f.editId()).isEqualTo("PAYER_PRIOR_AUTH");
                    assertThat(f.location()).isEqualTo("line 2");
                    assertThat(f.severity()).isEqualTo(Finding.Severity.ERROR);
                    assertThat(f.owner()).isEqualTo(Finding.Owner.BILLER);
                });
        assertThat(run(payerRules, TestClaim.professional().payer("UHC", "123456789").priorAuthorization("PA1").line("72148", 1))).isEmpty();
        assertThat(run(payerRules, TestClaim.professional().payer("BCBS", "XYZ123456789").line("72148", 1))).isEmpty();
        assertThat(run(payerRules, TestClaim.professional().payer("AETNA", "W123456789").line("J1100", 1))).hasSize(1);
        assertThat(run(payerRules, TestClaim.professional().payer("BCBS", "XYZ123456789").line("97110", 1)))
                .singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Finding.Severity.WARNING));
    }

    @Test
    void anInstitutionalClaimNeedsATypeOfBillAndARevenueCodeOnEveryLine() {
        var charge = new java.math.BigDecimal("100.00");
        TestClaim complete = TestClaim.professional().institutional("13")
                .line(new ClaimSnapshot.Line("99213", List.of(), 1, charge, List.of(1), "0510"))
                .line(new ClaimSnapshot.Line("36415", List.of(), 1, charge, List.of(1), "0300"));
        assertThat(run(required, complete)).isEmpty();
        assertThat(places(run(required, TestClaim.professional().institutional()
                .line(new ClaimSnapshot.Line("99213", List.of(), 1, charge, List.of(1), "0510"))
                .line(new ClaimSnapshot.Line("36415", List.of(), 1, charge, List.of(1), null)))))
                .containsExactly("REQUIRED_FIELD@typeOfBill", "REQUIRED_FIELD@lines[2].revenueCode");
        assertThat(run(required, TestClaim.professional().institutional("13").line(new ClaimSnapshot.Line("99213", List.of(), 1, charge, List.of(1), "510"))))
                .singleElement().satisfies(f -> {
                    assertThat(f.owner()).isEqualTo(Finding.Owner.BILLER);
                    assertThat(f.message()).contains("Line 1 (99213) has revenue code '510', not a NUBC code");
                });
        // professional claims have neither
        assertThat(run(required, TestClaim.professional().line("99213", 1))).isEmpty();
    }
}
