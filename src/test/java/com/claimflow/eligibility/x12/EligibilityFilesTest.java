package com.claimflow.eligibility.x12;

import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.eligibility.EligibilityInquiry;
import com.claimflow.eligibility.x12.Eligibility271.Coverage;
import com.claimflow.support.PerlX12Parser;
import com.claimflow.x12.Interchange;
import com.claimflow.x12.X12Segment;
import com.claimflow.x12.X12SegmentReader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The 270 the product writes and the 271s it reads (005010X279A1), checked by our reader and by X12::Parser. */
class EligibilityFilesTest {
    @TempDir Path dir;

    static final Interchange ENVELOPE = new Interchange("ZZ", "CLAIMFLOW", "ZZ", "CLEARINGHOUSE", "T", 4711, LocalDateTime.of(2026, 12, 5, 9, 30));

    static EligibilityInquiry robin(EligibilityInquiry.Dependent dependent) {
        return new EligibilityInquiry("Example", "Robin", LocalDate.of(1980, 2, 14), "F", "XYZ123456789", "BCBS", "Blue Cross Blue Shield",
                "1234567893", "Riverside Family Clinic", LocalDate.of(2026, 12, 1), dependent);
    }

    static Eligibility271 fixture(String name) throws Exception {
        try (InputStream in = Files.newInputStream(Path.of("src/test/resources/x12", name))) {
            return Eligibility271Reader.read(in);
        }
    }

    static List<X12Segment> segments(String x12, List<com.claimflow.x12.X12Issue> issues) {
        List<X12Segment> out = new ArrayList<>();
        try (X12SegmentReader r = new X12SegmentReader(new ByteArrayInputStream(x12.getBytes(StandardCharsets.US_ASCII)))) {
            for (X12Segment s = r.next(); s != null; s = r.next()) out.add(s);
            issues.addAll(r.issues());
        }
        return out;
    }

    @Test
    void theInquiryAsksAboutTheSubscriberOnTheDateOfServiceWithOurTraceNumber() throws Exception {
        String x12 = Eligibility270Writer.write(ENVELOPE, "EL000004711", "9CLAIMFLOW", robin(null));
        List<com.claimflow.x12.X12Issue> issues = new ArrayList<>();
        List<String> texts = segments(x12, issues).stream().map(X12Segment::text).toList();
        assertThat(issues).as("StAEDI's envelope and count checks").isEmpty();
        assertThat(texts).contains("GS*HS*CLAIMFLOW*CLEARINGHOUSE*20261205*0930*4711*X*005010X279A1~", "ST*270*0001*005010X279A1~",
                "NM1*PR*2*BLUE CROSS BLUE SHIELD*****PI*BCBS~", "NM1*1P*2*RIVERSIDE FAMILY CLINIC*****XX*1234567893~", "HL*3*2*22*0~",
                "TRN*1*EL000004711*9CLAIMFLOW~", "NM1*IL*1*EXAMPLE*ROBIN****MI*XYZ123456789~", "DMG*D8*19800214*F~", "DTP*291*D8*20261201~",
                "EQ*30~", "SE*13*0001~");
        assertThat(PerlX12Parser.loops(x12, "270_005010X279A1.cf", dir)).containsExactly("ISA ISA", "GS GS", "ST ST,BHT", "2000A HL",
                "2100A NM1", "2000B HL", "2100B NM1", "2000C HL,TRN", "2100C NM1,DMG,DTP", "2110C EQ", "SE SE", "GE GE", "IEA IEA");
    }

    @Test
    void aDependentPatientIsAskedAboutIn2000DUnderTheSubscriber() throws Exception {
        String x12 = Eligibility270Writer.write(ENVELOPE, "EL000004712", "9CLAIMFLOW",
                robin(new EligibilityInquiry.Dependent("Example", "Sam", LocalDate.of(2015, 6, 1), "M", "19")));
        List<com.claimflow.x12.X12Issue> issues = new ArrayList<>();
        List<String> texts = segments(x12, issues).stream().map(X12Segment::text).toList();
        assertThat(issues).isEmpty();
        assertThat(texts).contains("HL*3*2*22*1~", "HL*4*3*23*0~", "TRN*1*EL000004712*9CLAIMFLOW~", "NM1*03*1*EXAMPLE*SAM~", "INS*N*19~");
        assertThat(texts.indexOf("TRN*1*EL000004712*9CLAIMFLOW~")).isGreaterThan(texts.indexOf("HL*4*3*23*0~"));
        assertThat(PerlX12Parser.loops(x12, "270_005010X279A1.cf", dir)).containsSubsequence("2000C HL", "2100C NM1,DMG", "2000D HL,TRN",
                "2100D NM1,DMG,INS,DTP", "2110D EQ");
    }

    @Test
    void anActiveAnswerGivesThePlanAndThePatientsShare() throws Exception {
        Eligibility271 r = fixture("271-active.x12");
        assertThat(r.issues()).isEmpty();
        assertThat(r.answers()).singleElement().satisfies(a -> {
            assertThat(a.traceNumber()).isEqualTo("EL000000101");
            assertThat(a.coverage()).isEqualTo(Coverage.ACTIVE);
            assertThat(a.plan()).isEqualTo("GOLD PPO 500");
            assertThat(a.groupNumber()).isEqualTo("GRP4455");
            assertThat(a.memberId()).isEqualTo("XYZ123456789");
            // the health benefit plan coverage's (EB03 30) copay, not the office visit's (98) listed first
            assertThat(a.copay()).isEqualByComparingTo("30");
            assertThat(a.deductible()).isEqualByComparingTo("500");
            assertThat(a.coinsurance()).isEqualByComparingTo("0.2");
            assertThat(a.benefits()).contains("B co-payment, service type 98, individual, per visit, $25, in network");
            assertThat(a.summary()).isEqualTo("active, plan GOLD PPO 500");
        });
    }

    @Test
    void anInactiveAnswerSaysSo() throws Exception {
        Eligibility271 r = fixture("271-inactive.x12");
        assertThat(r.issues()).isEmpty();
        assertThat(r.answers()).singleElement().satisfies(a -> {
            assertThat(a.coverage()).isEqualTo(Coverage.INACTIVE);
            assertThat(a.segment()).isEqualTo(9);
        });
    }

    @Test
    void aRejectionNamesTheAaaReasonItsFollowUpAndWhereItIs() throws Exception {
        Eligibility271 r = fixture("271-aaa.x12");
        assertThat(r.issues()).isEmpty();
        assertThat(r.answers()).singleElement().satisfies(a -> {
            assertThat(a.coverage()).isEqualTo(Coverage.REJECTED);
            assertThat(a.rejections()).singleElement().satisfies(x -> {
                assertThat(x.reasonCode()).isEqualTo("72");
                assertThat(x.followUp()).isEqualTo("C");
                assertThat(x.loop()).isEqualTo("2100C");
                assertThat(x.segment()).isEqualTo(12);
            });
            assertThat(a.summary()).isEqualTo("rejected: 72 invalid/missing subscriber/insured id (C please correct and resubmit) [segment 12, loop 2100C]");
        });
    }

    @Test
    void aRejectionAboveTheSubscriberCountsForEveryoneBelowIt() {
        String x12 = "ISA*00*          *00*          *ZZ*BCBSPAYER      *ZZ*CLAIMFLOW      *261205*0930*^*00501*000008105*0*P*:~"
                + "GS*HB*BCBSPAYER*CLAIMFLOW*20261205*0930*8105*X*005010X279A1~ST*271*0001*005010X279A1~BHT*0022*11*X*20261205*0930~"
                + "HL*1**20*1~NM1*PR*2*BCBS*****PI*BCBS~AAA*N**42*R~HL*2*1*21*1~NM1*1P*2*CLINIC*****XX*1234567893~"
                + "HL*3*2*22*0~TRN*2*EL000000105*9CLAIMFLOW~NM1*IL*1*EXAMPLE*ROBIN****MI*XYZ1~SE*11*0001~GE*1*8105~IEA*1*000008105~";
        Eligibility271 r = Eligibility271Reader.read(new ByteArrayInputStream(x12.getBytes(StandardCharsets.US_ASCII)));
        assertThat(r.issues()).isEmpty();
        assertThat(r.answers()).singleElement().satisfies(a -> {
            assertThat(a.coverage()).isEqualTo(Coverage.REJECTED);
            assertThat(a.rejections()).extracting(Eligibility271.Rejection::reasonCode, Eligibility271.Rejection::loop).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("42", "2100A"));
        });
    }

    @Test
    void aBrokenAnswerIsNotTakenAndTheProblemsNameTheirSegments() throws Exception {
        Eligibility271 r = fixture("271-broken.x12");
        assertThat(r.answers()).isEmpty();
        assertThat(r.issues()).extracting(com.claimflow.x12.X12Issue::toString).anySatisfy(i -> assertThat(i).contains("EB07").contains("'2X5' is not a number"))
                .anySatisfy(i -> assertThat(i).contains("not closed by SE"));
    }

    @Test
    void theFixturesReadTheSameWithX12Parser() throws Exception {
        for (String name : List.of("271-active.x12", "271-inactive.x12", "271-aaa.x12")) {
            String x12 = Files.readString(Path.of("src/test/resources/x12", name));
            assertThat(PerlX12Parser.loops(x12, "271_005010X279A1.cf", dir)).as(name).containsSubsequence("ST ST,BHT", "2000A HL", "2100A NM1",
                    "2000B HL", "2100B NM1", "2000C HL,TRN", "SE SE", "GE GE", "IEA IEA");
        }
        assertThat(PerlX12Parser.loops(Files.readString(Path.of("src/test/resources/x12/271-active.x12")), "271_005010X279A1.cf", dir))
                .filteredOn(l -> l.startsWith("2110C")).hasSize(6);
        assertThat(PerlX12Parser.loops(Files.readString(Path.of("src/test/resources/x12/271-aaa.x12")), "271_005010X279A1.cf", dir))
                .contains("2100C NM1,AAA,DMG,DTP");
    }
}
