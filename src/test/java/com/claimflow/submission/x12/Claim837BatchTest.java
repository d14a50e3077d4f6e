package com.claimflow.submission.x12;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.claimflow.x12.X12Issue;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class Claim837BatchTest {

    private static List<String> segments(String file) {
        return Arrays.stream(file.split("~")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String claimFile(long control, String pcn) {
        return Claim837Writer.write(ClaimDocumentFixtures.envelope(control), ClaimDocumentFixtures.professional(pcn));
    }

    @Test
    void eachClaimKeepsItsOwnTransactionSetInsideOneInterchange() {
        StringWriter out = new StringWriter();
        List<Claim837Batch.Part> parts = new ArrayList<>();
        try (Claim837Batch batch = Claim837Batch.open(out, ClaimDocumentFixtures.envelope(500), ClaimDocument.Kind.PROFESSIONAL)) {
            parts.add(batch.add(claimFile(101, "CF1V1")));
            parts.add(batch.add(claimFile(102, "CF2V1")));
            parts.add(batch.add(claimFile(103, "CF3V2")));
        }
        String file = out.toString();
        List<String> s = segments(file);
        assertThat(s.get(0)).hasSize(105).contains("*000000500*");
        assertThat(s).filteredOn(x -> x.startsWith("ISA*") || x.startsWith("GS*") || x.startsWith("GE*") || x.startsWith("IEA*")).containsExactly(
                s.get(0), "GS*HC*CLAIMFLOW*CLEARINGHOUSE*20261120*0930*500*X*005010X222A1", "GE*3*500", "IEA*1*000000500");
        assertThat(s).filteredOn(x -> x.startsWith("ST*")).containsExactly("ST*837*0101*005010X222A1", "ST*837*0102*005010X222A1",
                "ST*837*0103*005010X222A1");
        assertThat(s).filteredOn(x -> x.startsWith("CLM*")).extracting(x -> x.split("\\*")[1]).containsExactly("CF1V1", "CF2V1", "CF3V2");
        assertThat(parts).extracting(Claim837Batch.Part::transactionControlNumber).containsExactly("0101", "0102", "0103");
        // ISA and GS are segments 1 and 2; each claim's set is 28 segments (ST..SE)
        assertThat(parts).extracting(Claim837Batch.Part::firstSegment).containsExactly(3, 31, 59);
        assertThat(parts.get(2).lastSegment()).isEqualTo(86);
        assertThat(s.get(85)).startsWith("SE*28*0103");
        assertThat(Claim837Validator.validate(file)).isEmpty();
    }

    @Test
    void theReadBackNamesTheSegmentsOfTheClaimAtFault() {
        StringWriter out = new StringWriter();
        List<Claim837Batch.Part> parts = new ArrayList<>();
        try (Claim837Batch batch = Claim837Batch.open(out, ClaimDocumentFixtures.envelope(501), ClaimDocument.Kind.PROFESSIONAL)) {
            parts.add(batch.add(claimFile(201, "CF1V1")));
            parts.add(batch.add(claimFile(202, "CF2V1").replace("CLM*CF2V1*118.75", "CLM*CF2V1*120")));
            parts.add(batch.add(claimFile(203, "CF3V1")));
        }
        List<X12Issue> issues = Claim837Validator.validate(out.toString());
        assertThat(issues).hasSize(1).allSatisfy(i -> {
            assertThat(i.element()).isEqualTo("CLM02");
            assertThat(parts.get(1).holds(i.segmentNumber())).isTrue();
            assertThat(parts.get(0).holds(i.segmentNumber()) || parts.get(2).holds(i.segmentNumber())).isFalse();
        });
    }

    @Test
    void aFileOfAnotherGuideIsNotCopiedIn() {
        String institutional = Claim837Writer.write(ClaimDocumentFixtures.envelope(7), ClaimDocumentFixtures.institutional("CF9V1"));
        Claim837Batch batch = Claim837Batch.open(new StringWriter(), ClaimDocumentFixtures.envelope(502), ClaimDocument.Kind.PROFESSIONAL);
        assertThatThrownBy(() -> batch.add(institutional)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("005010X222A1");
        assertThatThrownBy(() -> batch.add("ISA*00*~")).isInstanceOf(IllegalArgumentException.class);
    }
}
