package com.claimflow.reference;

import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.reference.importer.ImportKind;
import com.claimflow.reference.importer.ImportReport;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Files imported under the names CMS gives them, and a payer whose member ids are Medicare MBIs. */
class CmsNamedImportTest extends ReferenceTestContext {

    @BeforeEach
    void empty() {
        emptyReferenceTables();
    }

    @Test
    void aMueFileNamedAsCmsNamesItAppliesFromItsEffDate() {
        importResource(ImportKind.MUE_PRACTITIONER, "ncci/mue_practitioner_2026Q1.csv");
        ImportReport r = importResource(ImportKind.MUE_PRACTITIONER, "ncci/MCR_MUE_PractitionerServices_Eff_04-01-2026.csv");
        assertThat(r.errors()).isEmpty();
        assertThat(count("SELECT COUNT(*) FROM ncci_mue WHERE code = '99213' AND valid_to = ?", java.sql.Date.valueOf("2026-03-31"))).isEqualTo(1);
        assertThat(ncci.mue(Ncci.PRACTITIONER, "99213", LocalDate.of(2026, 3, 31))).isPresent();
        assertThat(ncci.mue(Ncci.PRACTITIONER, "99213", LocalDate.of(2026, 4, 1))).isEmpty();
        assertThat(ncci.mue(Ncci.PRACTITIONER, "36415", LocalDate.of(2026, 4, 1))).isPresent();
    }

    @Test
    void aMueFileWithoutADateInItsNameIsRefusedNamingTheCmsName() {
        ImportReport r = importText(ImportKind.MUE_PRACTITIONER, "mue.csv", "\"20610\",\"2\",\"2 Date of Service Edit: Policy\",\"x\"\n", null);
        assertThat(r.status()).isEqualTo(ImportReport.REFUSED);
        assertThat(r.errors()).singleElement().satisfies(e -> assertThat(e).contains("MCR_MUE_PractitionerServices_Eff_01-01-2026.csv"));
    }

    @Test
    void aPtpFileNamedAsCmsNamesItImports() {
        ImportReport r = importResource(ImportKind.NCCI_PTP_PRACTITIONER, "ncci/ccipra-v320r0-f1.TXT");
        assertThat(r.errors()).isEmpty();
        assertThat(r.inserted()).isEqualTo(6);
    }

    @Test
    void aPayerCanUseTheFullMedicareMbiExpressionAsItsSubscriberIdPattern() {
        assertThat(Mbi.PATTERN.length()).isGreaterThan(80);
        ImportReport r = importText(ImportKind.PAYER, "payers_medicare.csv",
                "id,name,claim_type,timely_filing_days,appeal_days_level1,appeal_days_level2,subscriber_id_pattern,taxonomy_required\n"
                        + "MCR,Medicare Part B,PROFESSIONAL,365,120,180," + Mbi.PATTERN + ",N\n", null);
        assertThat(r.errors()).isEmpty();
        Payer medicare = referenceService.payer("MCR").orElseThrow();
        assertThat(medicare.subscriberIdPattern()).isEqualTo(Mbi.PATTERN);
        assertThat("1EG4TE5MK73".matches(medicare.subscriberIdPattern())).isTrue();
        assertThat("1EG4-TE5-MK73".matches(medicare.subscriberIdPattern())).isFalse();
        assertThat("1SG4TE5MK73".matches(medicare.subscriberIdPattern())).isFalse();
    }

    @Test
    void aPatternLongerThanTheColumnIsRefusedNamingTheField() {
        String tooLong = "[0-9]".repeat(201);
        ImportReport r = importText(ImportKind.PAYER, "payers_long.csv", "LONG,Long Pattern Plan,PROFESSIONAL,365,,," + tooLong + ",N\n", null);
        assertThat(r.status()).isEqualTo(ImportReport.REFUSED);
        assertThat(r.errors()).singleElement().satisfies(e -> assertThat(e).contains("subscriber id pattern"));
    }
}
