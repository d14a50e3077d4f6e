package com.claimflow.scrub;

import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.reference.ReferenceTestContext;
import com.claimflow.reference.importer.ImportKind;
import com.claimflow.scrub.edits.NcciModifierUseEdit;
import com.claimflow.scrub.edits.NcciPtpEdit;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The cases NCCI Policy Manual for Medicare Services, Chapter I, section E ("Modifiers and Modifier Indicators") names:
 * indicator 0/1/9, 25 on an E/M beside a procedure, 59 and X{EPSU} never on an E/M, anatomic modifiers naming
 * different sites, and the global surgery and other NCCI-associated modifiers. The PTP file is named as CMS names it.
 */
class NcciModifierRulesTest extends ReferenceTestContext {
    @Autowired NcciPtpEdit ptp;
    @Autowired NcciModifierUseEdit use;

    @BeforeEach
    void loadNcci() {
        emptyReferenceTables();
        assertThat(importResource(ImportKind.NCCI_PTP_PRACTITIONER, "ncci/ccipra-v320r0-f1.TXT").errors()).isEmpty();
    }

    private List<Finding> ptp(TestClaim claim) {
        return ptp.check(new ScrubSubject(claim.build(), null, null, LocalDate.of(2026, 3, 1)));
    }

    private List<String> use(TestClaim claim) {
        return use.check(new ScrubSubject(claim.build(), null, null, LocalDate.of(2026, 3, 1))).stream()
                .map(f -> f.editId() + "@" + f.location() + ":" + f.severity()).toList();
    }

    @Test
    void indicatorZeroIsNeverBypassedWhateverTheModifier() {
        for (String modifier : List.of("59", "XS", "25", "RT", "58", "91")) {
            assertThat(ptp(TestClaim.professional().line("93000", 1, modifier).line("93005", 1, modifier))).as(modifier).hasSize(1);
        }
    }

    @Test
    void modifier25OnTheEmBesideAProcedureBypasses() {
        assertThat(ptp(TestClaim.professional().line("20610", 1).line("99213", 1))).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("99213 (line 2) is bundled into 20610 (line 1)").contains("indicator 1"));
        assertThat(ptp(TestClaim.professional().line("20610", 1).line("99213", 1, "25"))).isEmpty();
        assertThat(ptp(TestClaim.professional().line("99213", 1, "25").line("20610", 1))).isEmpty();
        assertThat(use(TestClaim.professional().line("20610", 1).line("99213", 1, "25"))).isEmpty();
    }

    @Test
    void modifier25OnTheProcedureDoesNotBypassAndIsFlagged() {
        assertThat(ptp(TestClaim.professional().line("20610", 1, "25").line("99213", 1))).hasSize(1);
        assertThat(use(TestClaim.professional().line("20610", 1, "25").line("99213", 1))).containsExactly("NCCI_MODIFIER@line 1:ERROR");
    }

    @Test
    void modifier25BesideAnotherEmOnlyDoesNotBypass() {
        assertThat(ptp(TestClaim.professional().line("99215", 1).line("99212", 1, "25"))).hasSize(1);
        assertThat(use(TestClaim.professional().line("99215", 1).line("99212", 1, "25"))).containsExactly("NCCI_MODIFIER@line 2:WARNING");
    }

    @Test
    void modifier59AndXModifiersAreNeverValidOnAnEmAndDoNotBypassIt() {
        for (String modifier : List.of("59", "XE", "XS", "XP", "XU")) {
            assertThat(ptp(TestClaim.professional().line("20610", 1).line("99213", 1, modifier))).as(modifier).hasSize(1);
            assertThat(use(TestClaim.professional().line("20610", 1).line("99213", 1, modifier))).as(modifier)
                    .containsExactly("NCCI_MODIFIER@line 2:ERROR");
            // on the procedure it is a valid modifier, but a distinct-service modifier does not unbundle an E/M
            assertThat(ptp(TestClaim.professional().line("20610", 1, modifier).line("99213", 1))).as(modifier).hasSize(1);
            assertThat(use(TestClaim.professional().line("20610", 1, modifier).line("99213", 1))).as(modifier).isEmpty();
        }
    }

    @Test
    void otherEmModifiersBypassOnlyFromTheEmLine() {
        assertThat(ptp(TestClaim.professional().line("20610", 1).line("99213", 1, "57"))).isEmpty();
        assertThat(ptp(TestClaim.professional().line("20610", 1).line("99213", 1, "24"))).isEmpty();
        assertThat(ptp(TestClaim.professional().line("20610", 1, "57").line("99213", 1))).hasSize(1);
        assertThat(ptp(TestClaim.professional().line("99215", 1).line("99212", 1, "27"))).isEmpty();
    }

    @Test
    void anatomicModifiersBypassOnlyWhenTheTwoLinesNameDifferentSites() {
        assertThat(ptp(TestClaim.professional().line("20610", 1, "RT").line("20605", 1, "LT"))).isEmpty();
        assertThat(ptp(TestClaim.professional().line("20610", 1, "F1").line("20605", 1, "F2"))).isEmpty();
        assertThat(ptp(TestClaim.professional().line("20610", 1, "TA").line("20605", 1, "T9"))).isEmpty();
        assertThat(ptp(TestClaim.professional().line("20610", 1, "E1").line("20605", 1, "E4"))).isEmpty();
        assertThat(ptp(TestClaim.professional().line("20610", 1, "LC").line("20605", 1, "LD"))).isEmpty();
        assertThat(ptp(TestClaim.professional().line("20610", 1, "RT").line("20605", 1, "RT"))).as("same site").hasSize(1);
        assertThat(ptp(TestClaim.professional().line("20610", 1, "FA").line("20605", 1, "FA"))).as("same site").hasSize(1);
        assertThat(ptp(TestClaim.professional().line("20610", 1).line("20605", 1, "LT"))).as("site on one line only").hasSize(1);
        assertThat(ptp(TestClaim.professional().line("20610", 1, "LT").line("20605", 1))).as("site on one line only").hasSize(1);
    }

    @Test
    void globalSurgeryAndRepeatTestModifiersBypassFromEitherLine() {
        for (String modifier : List.of("58", "78", "79")) {
            assertThat(ptp(TestClaim.professional().line("11042", 1).line("11045", 1, modifier))).as(modifier).isEmpty();
            assertThat(ptp(TestClaim.professional().line("11042", 1, modifier).line("11045", 1))).as(modifier).isEmpty();
        }
        assertThat(ptp(TestClaim.professional().line("80048", 1).line("82565", 1, "91"))).isEmpty();
        assertThat(ptp(TestClaim.professional().line("80048", 1).line("82565", 1))).hasSize(1);
    }

    @Test
    void aModifierOutsideTheNcciListNeverBypasses() {
        for (String modifier : List.of("26", "TC", "GA", "KX", "76", "50")) {
            assertThat(ptp(TestClaim.professional().line("11042", 1).line("11045", 1, modifier))).as(modifier).hasSize(1);
        }
    }
}
