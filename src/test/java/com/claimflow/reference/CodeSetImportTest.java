package com.claimflow.reference;

import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.reference.importer.ImportKind;
import com.claimflow.reference.importer.ImportReport;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class CodeSetImportTest extends ReferenceTestContext {
    @Autowired ReferenceService reference;

    @BeforeEach
    void empty() {
        emptyReferenceTables();
    }

    private CodeCheck dx(String code, String dos) {
        return reference.checkDiagnosis(code, LocalDate.parse(dos));
    }

    @Test
    void icdOrderFileLoadsAFiscalYearFromTheFirstOfOctoberWithHeadersNotBillable() {
        ImportReport r = importResource(ImportKind.ICD10CM, "codes/icd10cm_order_2025.txt");

        assertThat(r.status()).isEqualTo(ImportReport.DONE);
        assertThat(r.inserted()).isEqualTo(9);
        assertThat(dx("I10", "2024-10-01").isOk()).isTrue();
        assertThat(dx("I10", "2024-09-30").problem()).contains("not valid on the date of service 2024-09-30");
        assertThat(dx("A00", "2025-01-01").problem()).contains("header code, not billable");
        assertThat(dx("E11.9", "2025-01-01").isOk()).isTrue();
        assertThat(count("SELECT COUNT(*) FROM code_set_entry WHERE code = 'E119' AND description = 'Type 2 diabetes mellitus without complications'")).isEqualTo(1);
    }

    @Test
    void theNextFiscalYearEndsCodesItDropsVersionsChangedOnesAndAddsNewOnes() {
        importResource(ImportKind.ICD10CM, "codes/icd10cm_order_2025.txt");
        ImportReport fy26 = importResource(ImportKind.ICD10CM, "codes/icd10cm_order_2026.txt");

        assertThat(fy26.inserted()).isEqualTo(2);   // E119 new wording, M5450 new
        assertThat(fy26.updated()).isEqualTo(1);    // E119 old wording ends 2025-09-30
        assertThat(fy26.closed()).isEqualTo(1);     // U099 dropped
        assertThat(fy26.unchanged()).isEqualTo(7);
        assertThat(dx("U09.9", "2025-09-30").isOk()).isTrue();
        assertThat(dx("U09.9", "2025-10-01").problem()).contains("not valid on the date of service 2025-10-01");
        assertThat(dx("M54.50", "2025-09-30").isOk()).isFalse();
        assertThat(dx("M54.50", "2025-10-01").isOk()).isTrue();
        assertThat(jdbc.queryForObject("SELECT valid_to FROM code_set_entry WHERE code = 'E119' AND valid_from = DATE '2024-10-01'", LocalDate.class))
                .isEqualTo(LocalDate.of(2025, 9, 30));

        ImportReport again = importResource(ImportKind.ICD10CM, "codes/icd10cm_order_2026.txt");
        assertThat(again.status()).isEqualTo(ImportReport.UNCHANGED);
        assertThat(again.unchanged()).isEqualTo(9);
    }

    @Test
    void aMalformedOrderFileIsRefusedAndTheLoadedYearStays() {
        importResource(ImportKind.ICD10CM, "codes/icd10cm_order_2025.txt");
        ImportReport bad = importResource(ImportKind.ICD10CM, "codes/icd10cm_order_bad_2026.txt");

        assertThat(bad.status()).isEqualTo(ImportReport.REFUSED);
        assertThat(bad.errors()).containsExactly(
                "ICD-10-CM order file icd10cm_order_bad_2026.txt line 3: header flag '2' (position 15) is not 0 or 1",
                "ICD-10-CM order file icd10cm_order_bad_2026.txt line 5: order number '0000X' (positions 1-5) is not a number",
                "ICD-10-CM order file icd10cm_order_bad_2026.txt line 7: code '1ABC' (positions 7-13) is not an ICD-10-CM code");
        assertThat(count("SELECT COUNT(*) FROM code_set_entry")).isEqualTo(9);
        assertThat(count("SELECT COUNT(*) FROM code_set_entry WHERE valid_to IS NOT NULL")).isZero();
    }

    @Test
    void anOrderFileWithoutAYearNeedsAnEffectiveDate() {
        ImportReport r = importText(ImportKind.ICD10CM, "order.txt", "00001 I10     1 Essential hypertension" + " ".repeat(39) + "Essential (primary) hypertension\n", null);
        assertThat(r.errors()).singleElement().asString().contains("no effective date");
        ImportReport ok = importText(ImportKind.ICD10CM, "order.txt", "00001 I10     1 Essential hypertension" + " ".repeat(39) + "Essential (primary) hypertension\n",
                LocalDate.of(2025, 10, 1));
        assertThat(ok.inserted()).isEqualTo(1);
    }

    @Test
    void hcpcsAlphaNumericFileLoadsProceduresAndModifiersWithAddedAndTerminationDates() {
        ImportReport r = importResource(ImportKind.HCPCS, "codes/HCPC2026_JAN_ANWEB.txt");

        assertThat(r.status()).isEqualTo(ImportReport.DONE);
        assertThat(r.rowsRead()).isEqualTo(7);
        assertThat(r.inserted()).isEqualTo(6);
        assertThat(reference.checkProcedure("J1100", LocalDate.of(2026, 1, 5)).isOk()).isTrue();
        assertThat(reference.checkProcedure("G0101", LocalDate.of(2025, 12, 31)).isOk()).isTrue();
        assertThat(reference.checkProcedure("G0101", LocalDate.of(2026, 1, 1)).isOk()).isFalse();
        assertThat(reference.checkModifier("RT", LocalDate.of(2026, 1, 5)).isOk()).isTrue();
        assertThat(jdbc.queryForObject("SELECT description FROM code_set_entry WHERE code = 'G0439'", String.class))
                .isEqualTo("Annual wellness visit, includes a personalized prevention plan of service (pps), subsequent visit");
        assertThat(importResource(ImportKind.HCPCS, "codes/HCPC2026_JAN_ANWEB.txt").status()).isEqualTo(ImportReport.UNCHANGED);
    }

    @Test
    void aMalformedHcpcsFileIsRefused() {
        ImportReport bad = importResource(ImportKind.HCPCS, "codes/HCPC2026_bad.txt");
        assertThat(bad.errors()).containsExactly(
                "HCPCS alpha-numeric file HCPC2026_bad.txt line 4: code added date (positions 269-276) 20001301 is not a date (yyyyMMdd)",
                "HCPCS alpha-numeric file HCPC2026_bad.txt line 6: continuation of G0102 (record id 4) follows G0101");
        assertThat(count("SELECT COUNT(*) FROM code_set_entry")).isZero();
    }

    @Test
    void cptFileIsTheCustomersOwnCodesValidFromTheFirstOfJanuary() {
        ImportReport r = importResource(ImportKind.CPT, "codes/cpt_2026.csv");
        assertThat(r.inserted()).isEqualTo(4);
        assertThat(reference.checkProcedure("99213", LocalDate.of(2026, 1, 1)).isOk()).isTrue();
        assertThat(reference.checkProcedure("99213", LocalDate.of(2025, 12, 31)).isOk()).isFalse();
        assertThat(reference.checkProcedure("0001U", LocalDate.of(2026, 3, 1)).isOk()).isTrue();

        ImportReport bad = importResource(ImportKind.CPT, "codes/cpt_bad_2026.csv");
        assertThat(bad.errors()).containsExactly(
                "CPT file cpt_bad_2026.csv line 3: code '9921' is not a CPT code (4 digits and a digit, F, T or U)",
                "CPT file cpt_bad_2026.csv line 4: descriptor is empty");
        assertThat(count("SELECT COUNT(*) FROM code_set_entry WHERE code_system = 'CPT'")).isEqualTo(4);
    }

    @Test
    void modifierPlaceOfServiceCarcAndRarcListsLoadWithTheirDates() {
        assertThat(importResource(ImportKind.MODIFIER, "codes/modifiers.csv").inserted()).isEqualTo(4);
        assertThat(importResource(ImportKind.POS, "codes/pos.csv").inserted()).isEqualTo(3);
        assertThat(importResource(ImportKind.CARC, "codes/carc.csv").inserted()).isEqualTo(3);
        assertThat(importResource(ImportKind.RARC, "codes/rarc.csv").inserted()).isEqualTo(2);
        assertThat(reference.checkModifier("GY", LocalDate.of(2025, 12, 31)).isOk()).isTrue();
        assertThat(reference.checkModifier("GY", LocalDate.of(2026, 1, 1)).isOk()).isFalse();
        assertThat(count("SELECT COUNT(*) FROM code_set_entry WHERE code_system = 'CARC' AND code = '16' AND description LIKE 'Claim lacks information, or%'")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM code_set_entry WHERE code_system = 'RARC' AND valid_from = DATE '2004-01-01'")).isEqualTo(1);
        assertThat(importResource(ImportKind.POS, "codes/pos.csv").status()).isEqualTo(ImportReport.UNCHANGED);

        ImportReport bad = importResource(ImportKind.MODIFIER, "codes/modifiers_bad.csv");
        assertThat(bad.errors()).containsExactly(
                "modifier file modifiers_bad.csv line 3: start date 2000-02-30 is not a date (yyyy-MM-dd)",
                "modifier file modifiers_bad.csv line 4: code 'TOOLONG' is not 1 to 5 letters or digits",
                "modifier file modifiers_bad.csv line 5: stop date 2014-01-01 is before the start date 2015-01-01");
    }

    @Test
    void payersProvidersAndFeeSchedulesLoadAndUpdateInPlace() {
        ImportReport payers = importResource(ImportKind.PAYER, "codes/payers.csv");
        assertThat(payers.errors()).isEmpty();
        assertThat(reference.payer("ACME").orElseThrow().timelyFilingDays()).isEqualTo(90);
        assertThat(count("SELECT COUNT(*) FROM payer WHERE id = 'ACME' AND taxonomy_required = TRUE AND appeal_days_level1 = 60")).isEqualTo(1);
        assertThat(importResource(ImportKind.PAYER, "codes/payers.csv").status()).isEqualTo(ImportReport.UNCHANGED);
        ImportReport changed = importText(ImportKind.PAYER, "payers.csv", "ACME,Acme Health,PROFESSIONAL,120,60,30,A[0-9]{8},Y\n", null);
        assertThat(changed.updated()).isEqualTo(1);
        assertThat(reference.payer("ACME").orElseThrow().timelyFilingDays()).isEqualTo(120);

        assertThat(reference.provider("1234567893")).isEmpty(); // read (and kept) before the import: the import makes it forget
        assertThat(importResource(ImportKind.PROVIDER, "codes/providers.csv").errors()).isEmpty();
        assertThat(reference.provider("1234567893").orElseThrow().tin()).isEqualTo("123456789");
        assertThat(importResource(ImportKind.PROVIDER, "codes/providers_bad.csv").errors()).containsExactly(
                "provider file providers_bad.csv line 2: NPI '1234567890' is not ten digits with a valid check digit",
                "provider file providers_bad.csv line 3: taxonomy 'XYZ' is not a 10-character taxonomy code (e.g. 207Q00000X)");

        // a provider not on file is asked again each time: one the other node loads (here: written past this node's
        // service and importers, which would make it forget) is found by the next look-up, not a minute later
        assertThat(reference.provider("1578965430")).isEmpty();
        jdbc.update("insert into provider (npi, name) values ('1578965430', 'Loaded Elsewhere MD')");
        assertThat(reference.provider("1578965430")).map(p -> p.name()).contains("Loaded Elsewhere MD");

        assertThat(importResource(ImportKind.FEE_SCHEDULE, "codes/fees.csv").inserted()).isEqualTo(4);
        assertThat(reference.allowedAmount("BCBS", "99213", null, LocalDate.of(2026, 5, 1))).contains(new java.math.BigDecimal("92.50"));
        assertThat(importResource(ImportKind.FEE_SCHEDULE, "codes/fees.csv").status()).isEqualTo(ImportReport.UNCHANGED);
        // the fee read above is kept for the next claims (issue #17); a new schedule makes it forget at once
        assertThat(importText(ImportKind.FEE_SCHEDULE, "fees.csv", "BCBS,99213,,97.25,2026-01-01,\n", null).updated()).isEqualTo(1);
        assertThat(reference.allowedAmount("BCBS", "99213", null, LocalDate.of(2026, 5, 1))).contains(new java.math.BigDecimal("97.25"));
        assertThat(reference.allowedAmount("BCBS", "99213", "25", LocalDate.of(2026, 5, 1))).as("the modifier's own line")
                .contains(new java.math.BigDecimal("92.50"));
        assertThat(reference.allowedAmount("BCBS", "36415", null, LocalDate.of(2027, 1, 1))).as("past the line's end").isEmpty();
        assertThat(importResource(ImportKind.FEE_SCHEDULE, "codes/fees_bad.csv").errors()).containsExactly(
                "fee schedule file fees_bad.csv line 2: allowed amount 'ninety' is not an amount",
                "fee schedule file fees_bad.csv line 3: valid to 2025-01-01 is before valid from 2026-01-01");
    }
}
