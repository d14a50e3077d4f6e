package com.claimflow.scrub;

import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.reference.ReferenceTestContext;
import com.claimflow.reference.importer.ImportKind;
import com.claimflow.reference.importer.ImportReport;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Realistic claims through every edit, against reference data loaded by the importers from files in the CMS layouts. */
class ScrubBatchTest extends ReferenceTestContext {
    static final String SAM_NPI = "1765432194"; // on file without a taxonomy
    @Autowired ScrubService scrub;

    @BeforeEach
    void loadReference() {
        emptyReferenceTables();
        loadAll(this);
    }

    static void loadAll(ReferenceTestContext t) {
        for (var f : new Object[][] {
                {ImportKind.ICD10CM, "codes/icd10cm_order_2026.txt"}, {ImportKind.CPT, "codes/cpt_batch_2026.csv"},
                {ImportKind.HCPCS, "codes/HCPC2026_JAN_ANWEB.txt"}, {ImportKind.MODIFIER, "codes/modifiers.csv"},
                {ImportKind.POS, "codes/pos.csv"}, {ImportKind.PAYER, "codes/payers_batch.csv"}, {ImportKind.PROVIDER, "codes/providers_batch.csv"},
                {ImportKind.NCCI_PTP_PRACTITIONER, "ncci/ptp_practitioner_2026Q1.txt"}, {ImportKind.MUE_PRACTITIONER, "ncci/mue_practitioner_2026Q1.csv"}}) {
            ImportReport r = t.importForTest((ImportKind) f[0], (String) f[1]);
            assertThat(r.errors()).as((String) f[1]).isEmpty();
        }
    }

    private static TestClaim recent() {
        return TestClaim.professional().on(LocalDate.now().minusDays(10));
    }

    private Set<String> edits(TestClaim claim) {
        Set<String> out = new TreeSet<>();
        scrub.check(claim.build()).forEach(f -> out.add(f.editId() + "@" + f.location() + (f.severity() == Finding.Severity.WARNING ? " (warning)" : "")));
        return out;
    }

    @Test
    void aBatchOfRealisticClaimsRaisesExactlyTheExpectedEdits() {
        Map<String, TestClaim> batch = new LinkedHashMap<>();
        Map<String, Set<String>> expected = new LinkedHashMap<>();
        batch.put("clean office visit", recent().diagnoses("I10").line("99213", 1));
        expected.put("clean office visit", Set.of());
        batch.put("injection bundled into joint injection", recent().diagnoses("I10").line("20610", 1).line("96372", 1));
        expected.put("injection bundled into joint injection", Set.of("NCCI_PTP@line 2"));
        batch.put("distinct injection with 59", recent().diagnoses("I10").line("20610", 1).line("96372", 1, "59"));
        expected.put("distinct injection with 59", Set.of());
        batch.put("three joint injections", recent().diagnoses("I10").line("20610", 3));
        expected.put("three joint injections", Set.of("MUE@line 1"));
        batch.put("maternity code on a man", recent().patient("1980-03-01", "M").diagnoses("O09.00").line("99213", 1));
        expected.put("maternity code on a man", Set.of("AGE_SEX@diagnosis 1"));
        batch.put("MRI for UHC without authorization", recent().payer("UHC", "123456789").diagnoses("M54.50").line("72148", 1));
        expected.put("MRI for UHC without authorization", Set.of("PAYER_PRIOR_AUTH@line 1"));
        batch.put("MRI for UHC with authorization", recent().payer("UHC", "123456789").priorAuthorization("PA-7781").diagnoses("M54.50").line("72148", 1));
        expected.put("MRI for UHC with authorization", Set.of());
        batch.put("header diagnosis code", recent().diagnoses("M54.5").line("99213", 1));
        expected.put("header diagnosis code", Set.of("CODE_INVALID_ON_DOS@diagnosis 1"));
        batch.put("payer needs taxonomy", recent().payer("ACME", "A12345678").rendering(SAM_NPI).diagnoses("I10").line("99213", 1));
        expected.put("payer needs taxonomy", Set.of("TAXONOMY_REQUIRED@renderingProvider.taxonomy"));
        batch.put("filed too late", TestClaim.professional().on(LocalDate.now().minusDays(200)).diagnoses("I10").line("99213", 1));
        expected.put("filed too late", Set.of("TIMELY_FILING@dateOfService"));
        batch.put("filing limit close", TestClaim.professional().on(LocalDate.now().minusDays(170)).diagnoses("I10").line("99213", 1));
        expected.put("filing limit close", Set.of("TIMELY_FILING@dateOfService (warning)"));
        batch.put("wound care with two problems", recent().diagnoses("E11.9", "I10").line("11042", 1).line("97597", 1, "59").line("36415", 2));
        expected.put("wound care with two problems", Set.of("NCCI_PTP@line 2", "MUE@line 3"));
        batch.put("prostate biopsy on a woman", recent().diagnoses("N40.0").line("55700", 1));
        expected.put("prostate biopsy on a woman", Set.of("AGE_SEX@diagnosis 1", "AGE_SEX@line 1"));
        batch.put("newborn code on an adult", recent().diagnoses("Z38.00").line("99213", 1));
        expected.put("newborn code on an adult", Set.of("AGE_SEX@diagnosis 1"));
        batch.put("Medicare telehealth", recent().payer("MCARE", "1EG4TE5MK72").diagnoses("I10").line("99213", 1, "95"));
        expected.put("Medicare telehealth", Set.of("CODE_INVALID_ON_DOS@line 1"));
        batch.put("unknown modifier and both sides", recent().diagnoses("I10").line("99213", 1, "LT", "RT"));
        expected.put("unknown modifier and both sides", Set.of("MODIFIER@line 1"));
        batch.put("bad NPI and member id", recent().billing("1234567890").payer("BCBS", "12345").diagnoses("I10").line("99213", 1));
        expected.put("bad NPI and member id", Set.of("NPI_INVALID@billingProvider.npi", "REQUIRED_FIELD@billingProvider", "SUBSCRIBER_ID_FORMAT@subscriber.memberId"));

        Map<String, Set<String>> actual = new LinkedHashMap<>();
        batch.forEach((name, claim) -> actual.put(name, edits(claim)));
        assertThat(actual).isEqualTo(expected);
    }
}
