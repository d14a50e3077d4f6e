package com.claimflow.reference;

import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.reference.importer.ImportKind;
import com.claimflow.reference.importer.ImportReport;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NcciImportTest extends ReferenceTestContext {

    @BeforeEach
    void empty() {
        emptyReferenceTables();
    }

    @Test
    void practitionerPtpFileIsImportedSkippingItsNoticeAndTitleLines() {
        ImportReport r = importResource(ImportKind.NCCI_PTP_PRACTITIONER, "ncci/ptp_practitioner_2026Q1.txt");

        assertThat(r.status()).isEqualTo(ImportReport.DONE);
        assertThat(r.rowsRead()).isEqualTo(7);
        assertThat(r.inserted()).isEqualTo(7);
        assertThat(r.errors()).isEmpty();
        assertThat(count("SELECT COUNT(*) FROM ncci_ptp WHERE setting = 'PRACTITIONER'")).isEqualTo(7);
        assertThat(count("SELECT COUNT(*) FROM ncci_ptp WHERE column1 = '11042' AND prior_1996 = TRUE AND modifier_indicator = '0' AND deletion_date IS NULL")).isEqualTo(1);
        assertThat(ncci.ptpIndicator(Ncci.PRACTITIONER, "11042", "97597", LocalDate.of(2026, 2, 1))).contains('0');
        assertThat(ncci.ptpIndicator(Ncci.HOSPITAL, "11042", "97597", LocalDate.of(2026, 2, 1))).isEmpty();
    }

    @Test
    void theSameFileTwiceChangesNothingAndTheReportSaysSo() {
        importResource(ImportKind.NCCI_PTP_PRACTITIONER, "ncci/ptp_practitioner_2026Q1.txt");
        ImportReport again = importResource(ImportKind.NCCI_PTP_PRACTITIONER, "ncci/ptp_practitioner_2026Q1.txt");

        assertThat(again.status()).isEqualTo(ImportReport.UNCHANGED);
        assertThat(again.inserted()).isZero();
        assertThat(again.updated()).isZero();
        assertThat(again.unchanged()).isEqualTo(7);
        assertThat(count("SELECT COUNT(*) FROM ncci_ptp")).isEqualTo(7);
    }

    @Test
    void theNextQuarterAddsItsEditsAndDatesTheDeletedOne() {
        importResource(ImportKind.NCCI_PTP_PRACTITIONER, "ncci/ptp_practitioner_2026Q1.txt");
        ImportReport q2 = importResource(ImportKind.NCCI_PTP_PRACTITIONER, "ncci/ptp_practitioner_2026Q2.txt");

        assertThat(q2.inserted()).isEqualTo(1);
        assertThat(q2.updated()).isEqualTo(1);
        assertThat(q2.unchanged()).isEqualTo(6);
        assertThat(ncci.ptpIndicator(Ncci.PRACTITIONER, "20610", "96372", LocalDate.of(2026, 3, 31))).contains('1');
        assertThat(ncci.ptpIndicator(Ncci.PRACTITIONER, "20610", "96372", LocalDate.of(2026, 4, 1))).isEmpty();
        assertThat(ncci.ptpIndicator(Ncci.PRACTITIONER, "64483", "77003", LocalDate.of(2026, 4, 1))).contains('0');
    }

    @Test
    void aFileWithBadLinesIsRefusedWholeNamingFileLineAndFieldAndLeavesTheOldDataInPlace() {
        importResource(ImportKind.NCCI_PTP_PRACTITIONER, "ncci/ptp_practitioner_2026Q1.txt");
        ImportReport bad = importResource(ImportKind.NCCI_PTP_PRACTITIONER, "ncci/ptp_practitioner_bad.txt");

        assertThat(bad.status()).isEqualTo(ImportReport.REFUSED);
        assertThat(bad.errorCount()).isEqualTo(3);
        assertThat(bad.errors()).containsExactly(
                "NCCI practitioner file ptp_practitioner_bad.txt line 6: deletion date 20241301 is not a date (yyyyMMdd)",
                "NCCI practitioner file ptp_practitioner_bad.txt line 8: modifier indicator '2' is not 0, 1 or 9",
                "NCCI practitioner file ptp_practitioner_bad.txt line 9: column 1 code '1200' is not a CPT/HCPCS code (5 letters or digits)");
        assertThat(bad.inserted()).isZero();
        assertThat(count("SELECT COUNT(*) FROM ncci_ptp")).isEqualTo(7);
        assertThat(count("SELECT COUNT(*) FROM ncci_ptp WHERE column1 = '12002'")).isZero();
        assertThat(imports.report(bad.id()).orElseThrow().errors()).hasSize(3);
    }

    @Test
    void aFileThatFailsAfterItsFirstChunkLeavesNothingBehind() {
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < 2500; i++) file.append(String.format("1%04d\t2%04d\t\t20200101\t*\t1\tsynthetic%n", i, i));
        file.append("19999\t29999\t\t20200101\t*\t1\tsynthetic\n");
        file.append("19998\t29998\t\tnot-a-date\t*\t1\tsynthetic\n");
        ImportReport r = importText(ImportKind.NCCI_PTP_PRACTITIONER, "big.txt", file.toString(), null);

        assertThat(r.status()).isEqualTo(ImportReport.REFUSED);
        assertThat(r.errors()).containsExactly("NCCI practitioner file big.txt line 2502: effective date not-a-date is not a date (yyyyMMdd)");
        assertThat(count("SELECT COUNT(*) FROM ncci_ptp")).isZero();
    }

    @Test
    void hospitalEditsAreKeptApartFromPractitionerEdits() {
        importResource(ImportKind.NCCI_PTP_PRACTITIONER, "ncci/ptp_practitioner_2026Q1.txt");
        ImportReport h = importResource(ImportKind.NCCI_PTP_HOSPITAL, "ncci/ptp_hospital_2026Q1.txt");

        assertThat(h.inserted()).isEqualTo(2);
        assertThat(ncci.ptpIndicator(Ncci.HOSPITAL, "11042", "97597", LocalDate.of(2026, 2, 1))).contains('1');
        assertThat(ncci.ptpIndicator(Ncci.PRACTITIONER, "11042", "97597", LocalDate.of(2026, 2, 1))).contains('0');
    }

    @Test
    void mueQuartersAreDatedSoAClaimIsEditedByTheValueOfItsDateOfService() {
        ImportReport q1 = importResource(ImportKind.MUE_PRACTITIONER, "ncci/mue_practitioner_2026Q1.csv");
        assertThat(q1.status()).isEqualTo(ImportReport.DONE);
        assertThat(q1.inserted()).isEqualTo(5);
        assertThat(importResource(ImportKind.MUE_PRACTITIONER, "ncci/mue_practitioner_2026Q1.csv").status()).isEqualTo(ImportReport.UNCHANGED);

        ImportReport q2 = importResource(ImportKind.MUE_PRACTITIONER, "ncci/mue_practitioner_2026Q2.csv");
        assertThat(q2.inserted()).isEqualTo(1);
        assertThat(q2.updated()).isEqualTo(1);
        assertThat(q2.closed()).isEqualTo(1);
        assertThat(ncci.mue(Ncci.PRACTITIONER, "20610", LocalDate.of(2026, 3, 31)).orElseThrow().value()).isEqualTo(2);
        assertThat(ncci.mue(Ncci.PRACTITIONER, "20610", LocalDate.of(2026, 4, 1)).orElseThrow().value()).isEqualTo(3);
        assertThat(ncci.mue(Ncci.PRACTITIONER, "J1100", LocalDate.of(2026, 3, 31))).isPresent();
        assertThat(ncci.mue(Ncci.PRACTITIONER, "J1100", LocalDate.of(2026, 4, 1))).isEmpty();
        assertThat(ncci.mue(Ncci.PRACTITIONER, "36415", LocalDate.of(2026, 4, 1)).orElseThrow().perLine()).isTrue();
    }

    @Test
    void aBadMueFileIsRefusedAndAnOlderQuarterAfterANewerOneToo() {
        importResource(ImportKind.MUE_PRACTITIONER, "ncci/mue_practitioner_2026Q2.csv");
        ImportReport bad = importResource(ImportKind.MUE_PRACTITIONER, "ncci/mue_practitioner_bad_2026Q3.csv");
        assertThat(bad.errors()).containsExactly(
                "MUE practitioner file mue_practitioner_bad_2026Q3.csv line 5: MUE value 'four' is not a whole number",
                "MUE practitioner file mue_practitioner_bad_2026Q3.csv line 6: MUE adjudication indicator '5 Something' does not start with 1, 2 or 3");

        ImportReport older = importResource(ImportKind.MUE_PRACTITIONER, "ncci/mue_practitioner_2026Q1.csv");
        assertThat(older.status()).isEqualTo(ImportReport.REFUSED);
        assertThat(older.errors().get(0)).contains("a later release (valid from 2026-04-01) is already loaded");
        assertThat(count("SELECT COUNT(*) FROM ncci_mue")).isEqualTo(4);
    }
}
