package com.claimflow.scrub;

import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.reference.ReferenceService;
import com.claimflow.reference.ReferenceTestContext;
import com.claimflow.reference.importer.ImportKind;
import com.claimflow.reference.importer.ImportReport;
import com.claimflow.scrub.edits.AgeSexEdit;
import com.claimflow.scrub.edits.ChargesEdit;
import com.claimflow.scrub.edits.Excludes1Edit;
import com.claimflow.scrub.edits.PlaceOfServiceEdit;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Medicare Code Editor's published edits (MCE definitions of medical code edits: edit 4 age conflict, edit 5 sex
 * conflict), ICD-10-CM Excludes1 (Official Guidelines I.A.12.a), CPT preventive-visit age bands, the CMS place of
 * service code set and zero-charge quality codes, with the boundary cases each rule names.
 */
class MedicareCodeEditorTest extends ReferenceTestContext {
    @Autowired AgeSexEdit ageSex;
    @Autowired Excludes1Edit excludes1;
    @Autowired PlaceOfServiceEdit placeOfService;
    @Autowired ChargesEdit charges;
    @Autowired ReferenceService reference;
    @Autowired com.claimflow.reference.Excludes1 excludes1Table;

    private List<String> run(ClaimEdit edit, TestClaim claim) {
        ClaimSnapshot c = claim.build();
        return edit.check(new ScrubSubject(c, null, reference, LocalDate.of(2026, 3, 1))).stream()
                .map(f -> f.editId() + "@" + f.location() + ":" + f.severity()).toList();
    }

    /** A patient of {@code age} whole years on the date of service 2026-02-10. */
    private static TestClaim aged(int age, String sex) {
        return TestClaim.professional().on("2026-02-10").patient(LocalDate.of(2026 - age, 1, 15).toString(), sex);
    }

    private void ageFits(String diagnosis, int age, boolean fits) {
        List<String> found = run(ageSex, aged(age, "F").diagnoses(diagnosis).line("99213", 1));
        assertThat(found).as(diagnosis + " at age " + age).isEqualTo(fits ? List.of() : List.of("AGE_SEX@diagnosis 1:ERROR"));
    }

    @Test
    void newbornDiagnosesFitAgeZeroOnly() {
        ageFits("Z38.00", 0, true);
        ageFits("Z38.00", 1, false);
        ageFits("P07.30", 0, true);
        ageFits("P07.30", 5, false);
        ageFits("Z00.110", 0, true);
        ageFits("Z00.110", 1, false);
    }

    @Test
    void pediatricDiagnosesFitAges0Through17() {
        ageFits("Z00.129", 0, true);
        ageFits("Z00.129", 17, true);
        ageFits("Z00.129", 18, false);
    }

    @Test
    void maternityDiagnosesFitAges9Through64() {
        ageFits("O09.00", 8, false);
        ageFits("O09.00", 9, true);
        ageFits("O09.00", 64, true);
        ageFits("O09.00", 65, false);
        ageFits("Z34.00", 9, true);
        ageFits("Z34.00", 65, false);
    }

    @Test
    void adultDiagnosesFitAges15Through124() {
        ageFits("Z00.00", 14, false);
        ageFits("Z00.00", 15, true);
        ageFits("Z00.00", 124, true);
        ageFits("Z00.00", 125, false);
    }

    @Test
    void ageConflictNamesTheMceEdit() {
        ClaimSnapshot c = aged(70, "F").diagnoses("O09.00").line("99213", 1).build();
        assertThat(ageSex.check(new ScrubSubject(c, null, reference, LocalDate.now()))).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("aged 70").contains("9 through 64").contains("MCE edit 4"));
    }

    @Test
    void preventiveVisitCodesFitTheirAgeBands() {
        int[][] bands = {{0, 0}, {1, 4}, {5, 11}, {12, 17}, {18, 39}, {40, 64}, {65, 130}};
        for (int band = 0; band < bands.length; band++) {
            for (String code : List.of("9938" + (band + 1), "9939" + (band + 1))) {
                int low = bands[band][0];
                int high = bands[band][1];
                assertThat(run(ageSex, aged(low, "F").line(code, 1))).as(code + " at " + low).isEmpty();
                assertThat(run(ageSex, aged(high, "F").line(code, 1))).as(code + " at " + high).isEmpty();
                if (low > 0) assertThat(run(ageSex, aged(low - 1, "F").line(code, 1))).as(code + " at " + (low - 1)).containsExactly("AGE_SEX@line 1:ERROR");
                if (high < 130) assertThat(run(ageSex, aged(high + 1, "F").line(code, 1))).as(code + " at " + (high + 1)).containsExactly("AGE_SEX@line 1:ERROR");
            }
        }
    }

    @Test
    void sexConflictsAreFlaggedOnTheCodeThatConflicts() {
        assertThat(run(ageSex, aged(70, "M").diagnoses("C61").line("55700", 1))).isEmpty();
        assertThat(run(ageSex, aged(70, "F").diagnoses("I10", "C61").line("99213", 1))).containsExactly("AGE_SEX@diagnosis 2:ERROR");
        assertThat(run(ageSex, aged(70, "F").diagnoses("I10").line("99213", 1).line("55700", 1))).containsExactly("AGE_SEX@line 2:ERROR");
        assertThat(run(ageSex, aged(40, "M").diagnoses("N83.201").line("58661", 1))).containsExactly("AGE_SEX@diagnosis 1:ERROR", "AGE_SEX@line 1:ERROR");
    }

    @Test
    void theKxModifierAttestsAGenderSpecificServiceAndBypassesTheSexConflict() {
        // the line with KX is not flagged, nor the diagnosis it points at
        assertThat(run(ageSex, aged(40, "M").diagnoses("N83.201").line("58661", 1, "KX"))).isEmpty();
        assertThat(run(ageSex, aged(70, "F").diagnoses("I10").line("55700", 1, "KX").line("99213", 1))).isEmpty();
        // KX on another line bypasses nothing, and KX does not bypass an age conflict
        assertThat(run(ageSex, aged(70, "F").diagnoses("I10").line("55700", 1).line("99213", 1, "KX"))).containsExactly("AGE_SEX@line 1:ERROR");
        assertThat(run(ageSex, aged(70, "F").diagnoses("O09.00").line("99213", 1, "KX"))).containsExactly("AGE_SEX@diagnosis 1:ERROR");
    }

    @Test
    void anUnknownSexIsReportedAsUncheckableNotAsAConflict() {
        ClaimSnapshot c = aged(70, "U").diagnoses("C61").line("55700", 1).build();
        List<Finding> found = ageSex.check(new ScrubSubject(c, null, reference, LocalDate.now()));
        assertThat(found).extracting(Finding::editId, Finding::location, Finding::severity).containsExactly(
                org.assertj.core.groups.Tuple.tuple("SEX_UNKNOWN", "diagnosis 1", Finding.Severity.WARNING),
                org.assertj.core.groups.Tuple.tuple("SEX_UNKNOWN", "line 1", Finding.Severity.WARNING));
        assertThat(found.get(0).message()).startsWith("Sex unknown — cannot check");
        assertThat(run(ageSex, aged(70, "U").diagnoses("I10").line("99213", 1))).isEmpty();
    }

    @Test
    void excludes1PairsOnOneClaimAreFlaggedInEitherOrder() {
        assertThat(run(excludes1, TestClaim.professional().diagnoses("E11.9", "E10.9"))).containsExactly("EXCLUDES1@diagnosis 2:ERROR");
        assertThat(run(excludes1, TestClaim.professional().diagnoses("I27.0", "E78.5", "I10"))).containsExactly("EXCLUDES1@diagnosis 3:ERROR");
        assertThat(run(excludes1, TestClaim.professional().diagnoses("F31.9", "F32.9"))).containsExactly("EXCLUDES1@diagnosis 2:ERROR");
        assertThat(run(excludes1, TestClaim.professional().diagnoses("E11.9", "I10", "F32.9"))).isEmpty();
        ClaimSnapshot c = TestClaim.professional().diagnoses("E11.9", "E10.9").build();
        assertThat(excludes1.check(new ScrubSubject(c, null, reference, LocalDate.now()))).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("E10.9 (diagnosis 2) and E11.9 (diagnosis 1)").contains("Excludes1").contains("I.A.12.a"));
    }

    @Test
    void excludes1NotesAreImportedFromAFileAndABadFileChangesNothing() {
        jdbc.update("DELETE FROM icd10cm_excludes1");
        excludes1Table.reload();
        assertThat(run(excludes1, TestClaim.professional().diagnoses("E11.9", "E10.9"))).isEmpty();
        ImportReport bad = importResource(ImportKind.EXCLUDES1, "codes/icd10cm_excludes1_bad.csv");
        assertThat(bad.status()).isEqualTo(ImportReport.REFUSED);
        assertThat(bad.errors()).anySatisfy(e -> assertThat(e).contains("line 3").contains("'E1' is not an ICD-10-CM code"))
                .anySatisfy(e -> assertThat(e).contains("line 4").contains("I10 cannot exclude itself"));
        assertThat(count("SELECT COUNT(*) FROM icd10cm_excludes1")).isZero();
        ImportReport good = importResource(ImportKind.EXCLUDES1, "codes/icd10cm_excludes1_2026.csv");
        assertThat(good.errors()).isEmpty();
        assertThat(good.inserted()).isEqualTo(5);
        assertThat(count("SELECT COUNT(*) FROM icd10cm_excludes1 WHERE code = 'F32' AND excluded_code = 'F31'")).isEqualTo(1);
        assertThat(run(excludes1, TestClaim.professional().diagnoses("E11.9", "E10.9"))).containsExactly("EXCLUDES1@diagnosis 2:ERROR");
        assertThat(importResource(ImportKind.EXCLUDES1, "codes/icd10cm_excludes1_2026.csv").status()).isEqualTo(ImportReport.UNCHANGED);
    }

    @Test
    void placesOfServiceMustBeAssignedInTheCmsCodeSet() {
        for (String assigned : List.of("01", "02", "10", "11", "12", "19", "20", "21", "22", "23", "24", "31", "41", "49", "50", "58", "65", "66", "81", "99")) {
            assertThat(run(placeOfService, TestClaim.professional().placeOfService(assigned))).as(assigned).isEmpty();
        }
        for (String unassigned : List.of("00", "28", "29", "30", "35", "40", "43", "48", "59", "63", "64", "67", "70", "73", "80", "82", "98")) {
            assertThat(run(placeOfService, TestClaim.professional().placeOfService(unassigned))).as(unassigned)
                    .containsExactly("PLACE_OF_SERVICE@placeOfService:ERROR");
        }
        assertThat(run(placeOfService, TestClaim.professional().placeOfService("1"))).containsExactly("PLACE_OF_SERVICE@placeOfService:ERROR");
        assertThat(run(placeOfService, TestClaim.professional().placeOfService("AB"))).containsExactly("PLACE_OF_SERVICE@placeOfService:ERROR");
        // 27 outreach site/street is assigned from 1 October 2023
        assertThat(run(placeOfService, TestClaim.professional().on("2023-09-30").placeOfService("27"))).hasSize(1);
        assertThat(run(placeOfService, TestClaim.professional().on("2023-10-01").placeOfService("27"))).isEmpty();
        // the code set is the 837P's; an 837I names its setting by the type of bill
        assertThat(run(placeOfService, TestClaim.professional().institutional("13").placeOfService("30"))).isEmpty();
    }

    @Test
    void categoryTwoQualityCodesAtZeroOrOneCentAreValidLines() {
        assertThat(run(charges, TestClaim.professional().charged("99213", "120.00").charged("3074F", "0.00"))).isEmpty();
        assertThat(run(charges, TestClaim.professional().charged("99213", "120.00").charged("3074F", "0.01"))).isEmpty();
        assertThat(run(charges, TestClaim.professional().charged("1036F", "0"))).isEmpty();
        // other codes at $0.00 still have no charge
        assertThat(run(charges, TestClaim.professional().charged("99213", "0.00"))).containsExactly("CHARGE_MISSING@line 1:ERROR");
        assertThat(run(charges, TestClaim.professional().charged("3074F", "-0.01"))).contains("CHARGE_MISSING@line 1:ERROR");
    }
}
