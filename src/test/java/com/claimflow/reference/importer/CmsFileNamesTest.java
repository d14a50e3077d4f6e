package com.claimflow.reference.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Release dates from the names CMS gives its NCCI files. */
class CmsFileNamesTest {

    @Test
    void mueFilesAreDatedByTheirEffSuffix() {
        assertThat(CmsFileNames.releaseDate("MCR_MUE_PractitionerServices_Eff_01-01-2026.csv")).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(CmsFileNames.releaseDate("MCR_MUE_OutpatientHospitalServices_Eff_04-01-2026.csv")).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(CmsFileNames.releaseDate("MCR_MUE_DMESupplierServices_Eff_10-01-2025.csv")).isEqualTo(LocalDate.of(2025, 10, 1));
        assertThat(CmsFileNames.releaseDate("MCR_MUE_PractitionerServices_Eff_13-01-2026.csv")).as("no month 13").isNull();
    }

    @Test
    void ptpFilesAreDatedByTheirNcciVersion() {
        assertThat(CmsFileNames.releaseDate("ccipra-v320r0-f1.TXT")).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(CmsFileNames.releaseDate("ccioph-v313r0-f4.TXT")).isEqualTo(LocalDate.of(2025, 10, 1));
        assertThat(CmsFileNames.releaseDate("ccipra-v322r1-f2.txt")).isEqualTo(LocalDate.of(2026, 7, 1));
    }

    @Test
    void quartersAreReadToo() {
        assertThat(CmsFileNames.releaseDate("mue_practitioner_2026Q2.csv")).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(CmsFileNames.releaseDate("AOC_V2025Q4_01-MCR.txt")).isEqualTo(LocalDate.of(2025, 10, 1));
        assertThat(CmsFileNames.releaseDate("MUE_2026-Q3.csv")).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(CmsFileNames.releaseDate("mue.csv")).isNull();
    }
}
