package com.claimflow.claimstatus.x12;

import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.claimstatus.ClaimStatusInquiry;
import com.claimflow.remittance.x12.ClaimStatus277.Status;
import com.claimflow.remittance.x12.ClaimStatusResponse277;
import com.claimflow.remittance.x12.InboundReaders;
import com.claimflow.support.PerlX12Parser;
import com.claimflow.x12.Interchange;
import com.claimflow.x12.X12Issue;
import com.claimflow.x12.X12Segment;
import com.claimflow.x12.X12SegmentReader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The 276 the product writes and the 277 claim status responses it reads (005010X212), checked by our reader and by X12::Parser. */
class ClaimStatusFilesTest {
    @TempDir Path dir;

    static ClaimStatusResponse277 fixture(String name) throws Exception {
        try (InputStream in = Files.newInputStream(Path.of("src/test/resources/x12", name))) {
            return InboundReaders.read277ClaimStatus(in);
        }
    }

    @Test
    void theRequestNamesTheClaimByOurControlNumberThePayersNumberChargeAndDate() throws Exception {
        ClaimStatusInquiry q = new ClaimStatusInquiry("BCBS", "Blue Cross Blue Shield", "1234567893", "Riverside Family Clinic", "ClaimFlow Billing Office",
                "CLAIMFLOW", "Example", "Robin", LocalDate.of(1980, 2, 14), "F", "XYZ123456789", "CF42V1", "2026339000123", new BigDecimal("236.50"),
                LocalDate.of(2026, 11, 1));
        String x12 = ClaimStatus276Writer.write(new Interchange("ZZ", "CLAIMFLOW", "ZZ", "CLEARINGHOUSE", "T", 4800, LocalDateTime.of(2026, 12, 5, 9, 30)),
                "CS000004800", q);
        List<String> texts = new ArrayList<>();
        List<X12Issue> issues;
        try (X12SegmentReader r = new X12SegmentReader(new ByteArrayInputStream(x12.getBytes(StandardCharsets.US_ASCII)))) {
            for (X12Segment s = r.next(); s != null; s = r.next()) texts.add(s.text());
            issues = r.issues();
        }
        assertThat(issues).as("StAEDI's envelope and count checks").isEmpty();
        assertThat(texts).contains("GS*HR*CLAIMFLOW*CLEARINGHOUSE*20261205*0930*4800*X*005010X212~", "ST*276*0001*005010X212~",
                "NM1*41*2*CLAIMFLOW BILLING OFFICE*****46*CLAIMFLOW~", "HL*3*2*19*1~", "HL*4*3*22*0~", "DMG*D8*19800214*F~",
                "TRN*1*CS000004800~", "REF*1K*2026339000123~", "REF*EJ*CF42V1~", "AMT*T3*236.5~", "DTP*472*RD8*20261101-20261101~", "SE*17*0001~");
        assertThat(PerlX12Parser.loops(x12, "277_005010X212.cf", dir)).containsExactly("ISA ISA", "GS GS", "ST ST,BHT", "2000A HL", "2100A NM1",
                "2000B HL", "2100B NM1", "2000C HL", "2100C NM1", "2000D HL,DMG", "2100D NM1", "2200D TRN,REF,REF,AMT,DTP", "SE SE", "GE GE", "IEA IEA");
    }

    @Test
    void aPendingAnswerNamesTheTraceTheCategoryAndThePayersClaimNumber() throws Exception {
        ClaimStatusResponse277 r = fixture("277-pending.x12");
        assertThat(r.issues()).isEmpty();
        assertThat(r.claims()).singleElement().satisfies(a -> {
            assertThat(a.traceNumber()).isEqualTo("CS000000201");
            assertThat(a.loop()).isEqualTo("2200D");
            assertThat(a.category()).isEqualTo("P1");
            assertThat(a.patientControlNumber()).isEqualTo("CF42V1");
            assertThat(a.payerClaimNumber()).isEqualTo("2026339000123");
            assertThat(a.charge()).isEqualByComparingTo("236.5");
            assertThat(a.reason()).isEqualTo("P1:20:PR pending: in process: accepted for processing (payer)");
        });
    }

    @Test
    void aFinalizedAnswerCarriesPaymentDateAndCheckButNotTheLineStatus() throws Exception {
        ClaimStatusResponse277 r = fixture("277-finalized.x12");
        assertThat(r.issues()).isEmpty();
        assertThat(r.claims()).singleElement().satisfies(a -> {
            assertThat(a.statuses()).extracting(Status::category).containsExactly("F1");
            assertThat(a.paid()).isEqualByComparingTo("188.8");
            assertThat(a.finalizedOn()).isEqualTo(LocalDate.of(2026, 11, 28));
            assertThat(a.checkNumber()).isEqualTo("EFT0099887");
        });
    }

    @Test
    void aClaimThePayerCannotFindIsCategoryA4() throws Exception {
        ClaimStatusResponse277 r = fixture("277-not-found.x12");
        assertThat(r.issues()).isEmpty();
        assertThat(r.claims()).singleElement().satisfies(a -> {
            assertThat(a.category()).isEqualTo("A4");
            assertThat(a.statuses().get(0).code()).isEqualTo("35");
        });
    }

    @Test
    void aBrokenAnswerIsReportedByElementAndSegment() throws Exception {
        ClaimStatusResponse277 r = fixture("277-broken.x12");
        assertThat(r.issues()).extracting(X12Issue::toString)
                .anySatisfy(i -> assertThat(i).isEqualTo("segment 13 TRN02 (loop 2200D): the claim status names no trace number: it cannot be matched to an inquiry"))
                .anySatisfy(i -> assertThat(i).startsWith("segment 13 STC01 (loop 2200D): claim status  has no status"))
                .anySatisfy(i -> assertThat(i).contains("SE01").contains("does not match"));
    }

    @Test
    void aFileThatIsNotX12IsOneIssueNotAnException() {
        ClaimStatusResponse277 r = InboundReaders.read277ClaimStatus(new ByteArrayInputStream("hello".getBytes(StandardCharsets.US_ASCII)));
        assertThat(r.claims()).isEmpty();
        assertThat(r.issues()).isNotEmpty();
    }

    @Test
    void theFixturesReadTheSameWithX12Parser() throws Exception {
        for (String name : List.of("277-pending.x12", "277-finalized.x12", "277-not-found.x12")) {
            String x12 = Files.readString(Path.of("src/test/resources/x12", name));
            assertThat(PerlX12Parser.loops(x12, "277_005010X212.cf", dir)).as(name).containsSubsequence("ST ST,BHT", "2000D HL", "2100D NM1",
                    "SE SE", "IEA IEA").anySatisfy(l -> assertThat(l).startsWith("2200D TRN,STC"));
        }
        assertThat(PerlX12Parser.loops(Files.readString(Path.of("src/test/resources/x12/277-finalized.x12")), "277_005010X212.cf", dir))
                .contains("2220D SVC,STC,REF,DTP");
    }
}
