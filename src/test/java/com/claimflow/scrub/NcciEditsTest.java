package com.claimflow.scrub;

import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.reference.ReferenceTestContext;
import com.claimflow.reference.importer.ImportKind;
import com.claimflow.scrub.edits.MueEdit;
import com.claimflow.scrub.edits.NcciPtpEdit;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class NcciEditsTest extends ReferenceTestContext {
    @Autowired NcciPtpEdit ptp;
    @Autowired MueEdit mue;

    @BeforeEach
    void loadNcci() {
        emptyReferenceTables();
        importResource(ImportKind.NCCI_PTP_PRACTITIONER, "ncci/ptp_practitioner_2026Q1.txt");
        importResource(ImportKind.NCCI_PTP_HOSPITAL, "ncci/ptp_hospital_2026Q1.txt");
        importResource(ImportKind.MUE_PRACTITIONER, "ncci/mue_practitioner_2026Q1.csv");
    }

    private List<Finding> ptp(TestClaim claim) {
        return ptp.check(new ScrubSubject(claim.build(), null, null, LocalDate.of(2026, 3, 1)));
    }

    private List<Finding> mue(TestClaim claim) {
        return mue.check(new ScrubSubject(claim.build(), null, null, LocalDate.of(2026, 3, 1)));
    }

    @Test
    void indicatorZeroFiresEvenWithAnNcciModifier() {
        List<Finding> found = ptp(TestClaim.professional().line("11042", 1).line("97597", 1, "59"));
        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.editId()).isEqualTo("NCCI_PTP");
            assertThat(f.severity()).isEqualTo(Finding.Severity.ERROR);
            assertThat(f.owner()).isEqualTo(Finding.Owner.CODER);
            assertThat(f.location()).isEqualTo("line 2");
            assertThat(f.message()).contains("97597 (line 2) is bundled into 11042 (line 1)").contains("indicator 0");
        });
    }

    @Test
    void indicatorOneFiresWithoutAModifier() {
        assertThat(ptp(TestClaim.professional().line("20610", 1).line("96372", 1))).extracting(Finding::location).containsExactly("line 2");
    }

    @Test
    void indicatorOneIsBypassedByADistinctServiceOrSurgeryModifierOnEitherLineOfTwoProcedures() {
        // NCCI Policy Manual ch. I, E: 59, X{EPSU}, 58, 78, 79, 91 — CMS bypasses when the modifier is on either code
        for (String modifier : List.of("59", "XE", "XP", "XS", "XU", "58", "78", "79", "91")) {
            assertThat(ptp(TestClaim.professional().line("20610", 1).line("96372", 1, modifier))).as(modifier + " on column 2").isEmpty();
            assertThat(ptp(TestClaim.professional().line("20610", 1, modifier).line("96372", 1))).as(modifier + " on column 1").isEmpty();
        }
    }

    @Test
    void anEmModifierOrASiteOnOneLineOnlyDoesNotBypassAnEditBetweenTwoProcedures() {
        for (String modifier : List.of("25", "24", "57", "27", "E1", "F9", "FA", "LT", "RT", "LC", "LD", "RC", "LM", "RI", "TA", "T9")) {
            assertThat(ptp(TestClaim.professional().line("20610", 1).line("96372", 1, modifier))).as(modifier).hasSize(1);
        }
        assertThat(ptp(TestClaim.professional().line("20610", 1, "RT").line("96372", 1))).hasSize(1);
    }

    @Test
    void indicatorOneIsNotBypassedByAModifierOutsideTheNcciList() {
        assertThat(ptp(TestClaim.professional().line("20610", 1).line("96372", 1, "26"))).hasSize(1);
        assertThat(ptp(TestClaim.professional().line("20610", 1).line("96372", 1, "GA", "KX"))).hasSize(1);
    }

    @Test
    void indicatorNineNeverFires() {
        assertThat(ptp(TestClaim.professional().line("36415", 1).line("36416", 1))).isEmpty();
    }

    @Test
    void theOrderOfTheLinesDoesNotMatter() {
        assertThat(ptp(TestClaim.professional().line("97597", 1).line("11042", 1))).extracting(Finding::location).containsExactly("line 1");
    }

    @Test
    void unrelatedCodesAndTheReversedPairDoNotFire() {
        assertThat(ptp(TestClaim.professional().line("99213", 1).line("36415", 1))).isEmpty();
        assertThat(ptp(TestClaim.professional().line("96372", 1).line("J1100", 1))).isEmpty();
    }

    @Test
    void aDeletedEditAppliesBeforeItsDeletionDateOnly() {
        assertThat(ptp(TestClaim.professional().on("2023-12-31").line("12001", 1).line("99211", 1))).hasSize(1);
        assertThat(ptp(TestClaim.professional().on("2024-01-01").line("12001", 1).line("99211", 1))).isEmpty();
    }

    @Test
    void anEditAppliesFromItsEffectiveDateOnly() {
        assertThat(ptp(TestClaim.professional().on("2025-12-31").line("43239", 1).line("43235", 1))).isEmpty();
        assertThat(ptp(TestClaim.professional().on("2026-01-01").line("43239", 1).line("43235", 1))).hasSize(1);
        assertThat(ptp(TestClaim.professional().on("2009-12-31").line("12001", 1).line("99211", 1))).isEmpty();
    }

    @Test
    void institutionalClaimsAreEditedWithTheHospitalTable() {
        assertThat(ptp(TestClaim.professional().institutional().line("11042", 1).line("97597", 1, "59"))).isEmpty();
        assertThat(ptp(TestClaim.professional().institutional().line("11042", 1).line("97597", 1))).hasSize(1);
        assertThat(ptp(TestClaim.professional().institutional().line("20610", 1).line("96372", 1))).isEmpty();
    }

    @Test
    void hospitalEditsApplyToOutpatientBillTypesAndNotToInpatientOnes() {
        // NCCI hospital PTP edits (I/OCE): outpatient 12x, 13x, 14x, 85x, ...; never inpatient 11x
        for (String outpatient : List.of("12", "13", "14", "22", "23", "72", "74", "75", "76", "85")) {
            assertThat(ptp(TestClaim.professional().institutional(outpatient).line("11042", 1).line("97597", 1))).as(outpatient + "x").hasSize(1);
        }
        for (String inpatient : List.of("11", "18", "21", "41")) {
            assertThat(ptp(TestClaim.professional().institutional(inpatient).line("11042", 1).line("97597", 1))).as(inpatient + "x").isEmpty();
        }
        assertThat(ptp(TestClaim.professional().line("11042", 1).line("97597", 1))).as("professional claim, practitioner edits").hasSize(1);
    }

    @Test
    void facilityMuesApplyToOutpatientBillTypesOnly() {
        importResource(ImportKind.MUE_FACILITY, "ncci/mue_practitioner_2026Q1.csv");
        assertThat(mue(TestClaim.professional().institutional("13").line("36415", 2))).hasSize(1);
        assertThat(mue(TestClaim.professional().institutional("11").admitted("2026-02-09T08:00").line("36415", 2))).isEmpty();
    }

    @Test
    void mueDateOfServiceEditAddsTheUnitsOfEveryLineOfTheCode() {
        assertThat(mue(TestClaim.professional().line("20610", 2))).isEmpty();
        assertThat(mue(TestClaim.professional().line("20610", 1).line("20610", 1, "RT"))).isEmpty();
        assertThat(mue(TestClaim.professional().line("20610", 3))).singleElement()
                .satisfies(f -> assertThat(f.message()).startsWith("3 units of 20610 on the date of service exceed the medically unlikely edit of 2"));
        assertThat(mue(TestClaim.professional().line("20610", 2).line("20610", 1, "LT"))).extracting(Finding::editId, Finding::location)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("MUE", "line 1"));
    }

    @Test
    void mueFindingsNameTheAdjudicationIndicator() {
        assertThat(mue(TestClaim.professional().line("36415", 2))).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("MUE adjudication indicator 1, line edit"));
        assertThat(mue(TestClaim.professional().line("20610", 3))).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("MUE adjudication indicator 2, date of service edit: policy"));
        assertThat(mue(TestClaim.professional().line("96372", 5))).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("MUE adjudication indicator 3, date of service edit: clinical"));
    }

    @Test
    void mueLineEditChecksEachLine() {
        assertThat(mue(TestClaim.professional().line("36415", 2))).hasSize(1);
        assertThat(mue(TestClaim.professional().line("36415", 1).line("36415", 1, "91"))).isEmpty();
    }

    @Test
    void mueUsesTheValueOfTheDateOfService() {
        importResource(ImportKind.MUE_PRACTITIONER, "ncci/mue_practitioner_2026Q2.csv");
        assertThat(mue(TestClaim.professional().on("2026-03-31").line("20610", 3))).hasSize(1);
        assertThat(mue(TestClaim.professional().on("2026-04-01").line("20610", 3))).isEmpty();
        assertThat(mue(TestClaim.professional().on("2025-12-31").line("20610", 9))).isEmpty();
    }
}
