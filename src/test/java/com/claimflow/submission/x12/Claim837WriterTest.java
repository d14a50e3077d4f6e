package com.claimflow.submission.x12;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.claimflow.x12.X12Issue;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class Claim837WriterTest {

    private static List<String> segments(String file) {
        return Arrays.stream(file.split("~")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The claim's segments from {@code first} up to its first service line. */
    private static List<String> upToTheLines(String file, String first) {
        List<String> s = segments(file);
        return s.subList(s.indexOf(first), s.indexOf("LX*1"));
    }

    @Test
    void aProfessionalClaimIsWrittenLoopByLoopAsTheGuideOrdersThem() {
        String file = Claim837Writer.write(ClaimDocumentFixtures.envelope(42), ClaimDocumentFixtures.professional("CF17V1"));
        List<String> s = segments(file);
        assertThat(s.get(0)).hasSize(105).startsWith("ISA*00*          *00*          *ZZ*CLAIMFLOW      *ZZ*CLEARINGHOUSE  *261120*0930*^*00501*000000042*1*T*:");
        assertThat(s.subList(1, s.size())).containsExactly(
                "GS*HC*CLAIMFLOW*CLEARINGHOUSE*20261120*0930*42*X*005010X222A1",
                "ST*837*0042*005010X222A1",
                "BHT*0019*00*000000042*20261120*0930*CH",
                "NM1*41*2*CLAIMFLOW BILLING OFFICE*****46*CLAIMFLOW",
                "PER*IC*BILLING OFFICE*TE*2175550100",
                "NM1*40*2*CLEARINGHOUSE*****46*CLEARINGHOUSE",
                "HL*1**20*1",
                "PRV*BI*PXC*261QP2300X",
                "NM1*85*2*RIVERSIDE FAMILY CLINIC*****XX*1234567893",
                "N3*100 RIVER RD",
                "N4*SPRINGFIELD*IL*627011234",
                "REF*EI*123456789",
                "HL*2*1*22*0",
                "SBR*P*18*******CI",
                "NM1*IL*1*EXAMPLE*ROBIN****MI*XYZ123456789",
                "DMG*D8*19800229*F",
                "NM1*PR*2*BLUE CROSS BLUE SHIELD*****PI*BCBS",
                "CLM*CF17V1*118.75***11:B:1*Y*A*Y*Y",
                "REF*G1*AUTH12345",
                "HI*ABK:I10*ABF:E785",
                "NM1*82*1*ADAMS*JORDAN****XX*1987654328",
                "PRV*PE*PXC*207Q00000X",
                "LX*1",
                "SV1*HC:99213:25*115*UN*1***1:2",
                "DTP*472*D8*20261116",
                "LX*2",
                "SV1*HC:36415*3.75*UN*1***1",
                "DTP*472*D8*20261116",
                "SE*28*0042",
                "GE*1*42",
                "IEA*1*000000042");
        assertThat(Claim837Validator.validate(file)).isEmpty();
    }

    @Test
    void aReplacementCarriesThePayersClaimNumberOfTheOriginal() {
        String file = Claim837Writer.write(ClaimDocumentFixtures.envelope(7), ClaimDocumentFixtures.replacement("CF17V2", "PCN-2026-0001"));
        assertThat(segments(file)).contains("CLM*CF17V2*118.75***11:B:7*Y*A*Y*Y", "REF*F8*PCN-2026-0001");
        assertThat(Claim837Validator.validate(file)).isEmpty();
    }

    @Test
    void anInstitutionalClaimUsesFacilityTypeStatementDatesAndRevenueCodes() {
        String file = Claim837Writer.write(ClaimDocumentFixtures.envelope(8), ClaimDocumentFixtures.institutional("CF18V1"));
        assertThat(segments(file)).contains("GS*HC*CLAIMFLOW*CLEARINGHOUSE*20261120*0930*8*X*005010X223A2", "CLM*CF18V1*118.75***13:A:1**A*Y*Y",
                "DTP*434*RD8*20261116-20261116", "CL1*3*2*01", "HI*ABK:I10", "HI*ABF:E785", "NM1*71*1*ADAMS*JORDAN****XX*1987654328",
                "SV2*0510*HC:99213*115*UN*1", "SV2*0300*HC:36415*3.75*UN*1");
        assertThat(segments(file)).noneMatch(x -> x.startsWith("DTP*435")); // an outpatient bill carries no admission
        assertThat(Claim837Validator.validate(file)).isEmpty();
    }

    @Test
    void anInpatientClaimCarriesItsTypeOfBillAdmissionAndReferringProvider() {
        String file = Claim837Writer.write(ClaimDocumentFixtures.envelope(8), ClaimDocumentFixtures.inpatient("CF19V1"));
        assertThat(upToTheLines(file, "CLM*CF19V1*118.75***11:A:1**A*Y*Y")).containsExactly(
                "CLM*CF19V1*118.75***11:A:1**A*Y*Y",
                "DTP*096*TM*1040",
                "DTP*434*RD8*20261114-20261116",
                "DTP*435*DT*202611142215",
                "CL1*1*1*01",
                "HI*ABK:I10",
                "HI*ABJ:R079",
                "HI*ABF:E785",
                "NM1*71*1*ADAMS*JORDAN****XX*1987654328",
                "PRV*AT*PXC*207Q00000X",
                "NM1*DN*1*CARTER*DANA****XX*" + ClaimDocumentFixtures.REFERRER_NPI);
        assertThat(Claim837Validator.validate(file)).isEmpty();
    }

    @Test
    void aReferredProfessionalClaimNamesTheReferringProviderBeforeTheRendering() {
        String file = Claim837Writer.write(ClaimDocumentFixtures.envelope(9), ClaimDocumentFixtures.referred("CF20V1"));
        assertThat(upToTheLines(file, "HI*ABK:I10*ABF:E785")).containsExactly(
                "HI*ABK:I10*ABF:E785",
                "NM1*DN*1*CARTER*DANA****XX*" + ClaimDocumentFixtures.REFERRER_NPI,
                "NM1*82*1*ADAMS*JORDAN****XX*1987654328",
                "PRV*PE*PXC*207Q00000X");
        assertThat(Claim837Validator.validate(file)).isEmpty();
    }

    @Test
    void validationChecksTheReferringProviderTheInstitutionalCodesAndTheBillingZip() {
        String referred = Claim837Writer.write(ClaimDocumentFixtures.envelope(9), ClaimDocumentFixtures.referred("CF20V1"));
        String dn = "NM1*DN*1*CARTER*DANA****XX*" + ClaimDocumentFixtures.REFERRER_NPI + "~\n";
        String rendering = "NM1*82*1*ADAMS*JORDAN****XX*1987654328~\nPRV*PE*PXC*207Q00000X~\n";
        assertThat(Claim837Validator.validate(referred.replace(dn + rendering, rendering + dn)))
                .anySatisfy(i -> assertThat(i.toString()).contains("NM101 (loop 2310A): loop 2310A must come before loop 2310B"));
        assertThat(Claim837Validator.validate(referred.replace("NM1*DN*1*CARTER*DANA", "NM1*DN*2**")))
                .extracting(X12Issue::element).contains("NM102", "NM103");
        assertThat(Claim837Validator.validate(referred.replace("DANA****XX*" + ClaimDocumentFixtures.REFERRER_NPI, "DANA****XX*1122334450")))
                .anySatisfy(i -> assertThat(i.toString()).contains("NM109 (loop 2310A)").contains("not a valid NPI"));
        assertThat(Claim837Validator.validate(referred.replace("N4*SPRINGFIELD*IL*627011234", "N4*SPRINGFIELD*IL*62701")))
                .anySatisfy(i -> assertThat(i.toString()).contains("N403 (loop 2010AA): billing provider ZIP code '62701' must have nine digits"));

        String inpatient = Claim837Writer.write(ClaimDocumentFixtures.envelope(8), ClaimDocumentFixtures.inpatient("CF19V1"));
        assertThat(Claim837Validator.validate(inpatient.replace("DTP*435*DT*202611142215~\n", "")))
                .anySatisfy(i -> assertThat(i.toString()).contains("DTP*435 (loop 2300): an inpatient or home health bill (facility type 11)"));
        assertThat(Claim837Validator.validate(inpatient.replace("DTP*435*DT*202611142215", "DTP*435*DT*202611142615")))
                .extracting(X12Issue::element).contains("DTP03");
        assertThat(Claim837Validator.validate(inpatient.replace("CL1*1*1*01", "CL1*7*3*99")))
                .extracting(X12Issue::element).contains("CL101", "CL102", "CL103");
        assertThat(Claim837Validator.validate(inpatient.replace("CL1*1*1*01~\n", "")))
                .anySatisfy(i -> assertThat(i.toString()).contains("CL1 (loop 2300)").contains("is missing"));
        assertThat(Claim837Validator.validate(inpatient.replace("11:A:1", "19:A:1").replace("SV2*0510", "SV2*510")))
                .extracting(X12Issue::element).contains("SV201").doesNotContain("CLM05-1");
        assertThat(Claim837Validator.validate(inpatient.replace("11:A:1", "91:A:1"))).extracting(X12Issue::element).contains("CLM05-1");
        String afterAttending = "PRV*AT*PXC*207Q00000X~\n";
        String referring = "NM1*DN*1*CARTER*DANA****XX*" + ClaimDocumentFixtures.REFERRER_NPI + "~\n";
        assertThat(Claim837Validator.validate(inpatient.replace("NM1*71*1*ADAMS*JORDAN****XX*1987654328~\n" + afterAttending + referring,
                referring + "NM1*71*1*ADAMS*JORDAN****XX*1987654328~\n" + afterAttending)))
                .anySatisfy(i -> assertThat(i.toString()).contains("loop 2310A must come before loop 2310F"));
    }

    @Test
    void manyClaimsOfOneBillingProviderShareItsLevelAndTheCountsAddUp() {
        var out = new java.io.ByteArrayOutputStream();
        try (Claim837Writer w = Claim837Writer.open(out, ClaimDocumentFixtures.envelope(9), ClaimDocument.Kind.PROFESSIONAL)) {
            for (int i = 1; i <= 3; i++) w.add(ClaimDocumentFixtures.professional("CF" + i + "V1"));
        }
        String file = out.toString();
        assertThat(segments(file)).filteredOn(s -> s.startsWith("HL*")).containsExactly("HL*1**20*1", "HL*2*1*22*0", "HL*3*1*22*0", "HL*4*1*22*0");
        assertThat(Claim837Validator.validate(file)).isEmpty();
    }

    @Test
    void validationNamesTheSegmentAndElementAtFault() {
        String good = Claim837Writer.write(ClaimDocumentFixtures.envelope(42), ClaimDocumentFixtures.professional("CF17V1"));

        assertThat(Claim837Validator.validate(good.replace("CLM*CF17V1*118.75", "CLM*CF17V1*120.00")))
                .anySatisfy(i -> assertThat(i.toString()).isEqualTo("segment 19 CLM02 (loop 2300): claim total 120.00 is not the sum of its service lines 118.75"));
        assertThat(Claim837Validator.validate(good.replace("SE*28*0042", "SE*27*0042")))
                .anySatisfy(i -> assertThat(i.element()).isEqualTo("SE01"));
        assertThat(Claim837Validator.validate(good.replace("XX*1987654328", "XX*1987654320")))
                .anySatisfy(i -> assertThat(i.toString()).contains("NM109 (loop 2310B)").contains("not a valid NPI"));
        assertThat(Claim837Validator.validate(good.replace("HL*2*1*22*0", "HL*2*5*22*0")))
                .anySatisfy(i -> assertThat(i.element()).isEqualTo("HL02"));
        assertThat(Claim837Validator.validate(good.replace("SV1*HC:36415*3.75*UN*1***1", "SV1*HC:36415*3.75*UN*1***3")))
                .anySatisfy(i -> assertThat(i.toString()).contains("SV107-1 (loop 2400): pointer 3 points past the 2 diagnoses"));
        assertThat(Claim837Validator.validate(good.replace("11:B:1", "11:B:7")))
                .anySatisfy(i -> assertThat(i.toString()).contains("REF*F8"));
        assertThat(Claim837Validator.validate(good.replace("REF*EI*123456789~", "")))
                .anySatisfy(i -> assertThat(i.toString()).contains("(loop 2010AA)").contains("REF*EI is missing"));
        assertThat(Claim837Validator.validate(good.replace("DMG*D8*19800229*F", "DMG*D8*19800230*X")))
                .extracting(X12Issue::element).contains("DMG02", "DMG03");
        assertThat(Claim837Validator.validate(good.substring(0, good.indexOf("SE*"))))
                .anySatisfy(i -> assertThat(i.message()).contains("truncated"));
    }

    @Test
    void anInstitutionalClaimWithoutItsUb04DataIsWrittenButRefusedNamingTheElements() {
        ClaimDocument c = ClaimDocumentFixtures.institutional("CF21V1");
        ClaimDocument bare = new ClaimDocument(c.kind(), c.patientControlNumber(), c.totalCharge(), null, c.frequencyCode(), null, null, c.billing(),
                c.subscriber(), c.payer(), c.claimFilingCode(), null, c.attending(), null, c.diagnoses(),
                c.lines().stream().map(l -> new ClaimDocument.Line(l.code(), l.modifiers(), l.units(), l.charge(), l.pointers(), l.dateOfService(), null))
                        .toList(), c.statementFrom(), c.statementTo(), null);
        String file = Claim837Writer.write(ClaimDocumentFixtures.envelope(10), bare);
        assertThat(Claim837Validator.validate(file)).extracting(X12Issue::element).contains("CLM05-1", "CL101", "CL102", "CL103", "SV201");
    }

    @Test
    void anIdentifierHoldingADelimiterRefusesTheClaim() {
        ClaimDocument c = ClaimDocumentFixtures.professional("CF17*V1");
        assertThatThrownBy(() -> Claim837Writer.write(ClaimDocumentFixtures.envelope(1), c))
                .isInstanceOf(ClaimFileRefused.class).hasMessageContaining("CLM01").hasMessageContaining("delimiter '*'");
    }
}
