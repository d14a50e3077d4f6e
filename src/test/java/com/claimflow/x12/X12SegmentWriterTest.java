package com.claimflow.x12;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The syntax both stages rely on: headers, segments written as the guides want them and read back one by one. */
class X12SegmentWriterTest {
    private static final Interchange HEADER = new Interchange("ZZ", "SENDER", "ZZ", "RECEIVER", "T", 42, LocalDateTime.of(2026, 11, 14, 8, 30));

    private static String interchange(Object[]... body) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        X12SegmentWriter w = X12SegmentWriter.open(out, HEADER);
        w.segment("GS", (Object[]) HEADER.gs("HC", "005010X222A1"));
        w.segment("ST", "837", "0042", "005010X222A1");
        for (Object[] s : body) w.segment((String) s[0], Arrays.copyOfRange(s, 1, s.length));
        w.segment("SE", String.valueOf(body.length + 2), "0042");
        w.segment("GE", "1", HEADER.groupControlNumber());
        w.segment("IEA", "1", HEADER.isaControlNumber());
        w.end();
        return out.toString(StandardCharsets.US_ASCII);
    }

    @Test
    void theHeaderIsFixedWidthAndTheControlNumberHasNineDigits() throws Exception {
        String file = interchange();
        assertThat(file.lines().findFirst().orElseThrow())
                .isEqualTo("ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *261114*0830*^*00501*000000042*1*T*:~");
        assertThat(file).contains("GS*HC*SENDER*RECEIVER*20261114*0830*42*X*005010X222A1~", "IEA*1*000000042~");
    }

    @Test
    void emptyElementsAndComponentsAtTheEndAreLeftOut() throws Exception {
        String file = interchange(new Object[] {"NM1", "85", "2", "CLINIC", null, null, "", null},
                new Object[] {"SV1", new String[] {"HC", "99213", "25", null}, "100", "UN", "1", null, null, new String[] {"1", "", ""}},
                new Object[] {"CLM", "CF1V1", "100", null, null, new String[] {"11", "B", "1"}});
        assertThat(file).contains("NM1*85*2*CLINIC~", "SV1*HC:99213:25*100*UN*1***1~", "CLM*CF1V1*100***11:B:1~");
    }

    @Test
    void whatIsWrittenReadsBackSegmentBySegmentWithoutIssues() throws Exception {
        String file = interchange(new Object[] {"BHT", "0019", "00", "42", "20261114", "0830", "CH"},
                new Object[] {"SV1", new String[] {"HC", "99213", "25"}, "100", "UN", "1"});
        List<X12Segment> read = new ArrayList<>();
        try (X12SegmentReader reader = new X12SegmentReader(new ByteArrayInputStream(file.getBytes(StandardCharsets.US_ASCII)))) {
            for (X12Segment s = reader.next(); s != null; s = reader.next()) read.add(s);
            assertThat(reader.issues()).isEmpty();
        }
        assertThat(read).extracting(X12Segment::id).containsExactly("ISA", "GS", "ST", "BHT", "SV1", "SE", "GE", "IEA");
        X12Segment sv1 = read.get(4);
        assertThat(sv1.number()).isEqualTo(5);
        assertThat(sv1.comp(1, 2)).isEqualTo("99213");
        assertThat(sv1.components(1)).containsExactly("HC", "99213", "25");
        assertThat(sv1.text()).isEqualTo("SV1*HC:99213:25*100*UN*1~");
    }

    @Test
    void aCountThatDoesNotMatchIsAnIssueNamingTheSegment() throws Exception {
        String file = interchange(new Object[] {"BHT", "0019", "00", "42", "20261114", "0830", "CH"}).replace("SE*3*0042", "SE*9*0042");
        try (X12SegmentReader reader = new X12SegmentReader(new ByteArrayInputStream(file.getBytes(StandardCharsets.US_ASCII)))) {
            while (reader.next() != null) {
                // read to the end
            }
            assertThat(reader.issues()).extracting(X12Issue::segmentId).contains("SE");
            assertThat(reader.failed()).isFalse();
        }
    }

    @Test
    void freeTextIsUpperCaseWithoutDelimitersAndCutToTheMaximum() {
        assertThat(X12SegmentWriter.text("Smith*Jones~ & co: ^ltd", 60)).isEqualTo("SMITH JONES & CO LTD");
        assertThat(X12SegmentWriter.text("abcdefgh", 5)).isEqualTo("ABCDE");
        assertThat(X12SegmentWriter.text(null, 5)).isNull();
    }
}
