package com.claimflow.submission.x12;

import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.x12.X12Segment;
import com.claimflow.x12.X12SegmentReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden 837 files (src/test/resources/x12/golden): the writer's output for fixed claims and envelopes, byte for byte,
 * read back by the project's reader and validator and by X12::Parser. A change to the writer that changes a file fails
 * here; when the change is meant, {@code mvn test -Dtest=Claim837GoldenTest -Dx12.golden.regenerate=true} rewrites the
 * files, and the diff shows what payers will see differently.
 */
class Claim837GoldenTest {
    private static final Path GOLDEN = Paths.get("src/test/resources/x12/golden");

    @TempDir Path dir;

    record Golden(String file, ClaimDocument claim, long control, List<String> loops) {
        @Override
        public String toString() {
            return file;
        }
    }

    static Stream<Arguments> goldenFiles() {
        return Stream.of(
                // X222A1 2000B/2000C: the spouse is the subscriber (SBR02 empty, HL04 1), the patient in 2000C/2010CA
                new Golden("837p-patient-not-subscriber.x12", ClaimDocumentFixtures.spouseSubscriber("CF201V1"), 201, List.of(
                        "2000B HL,SBR", "2010BA NM1,N3,N4,DMG", "2010BB NM1", "2000C HL,PAT", "2010CA NM1,N3,N4,DMG", "2300 CLM,REF,HI")),
                // X223A2 2300: discharge hour, statement dates, admission; principal, admitting and other diagnoses
                new Golden("837i-inpatient.x12", ClaimDocumentFixtures.inpatient("CF202V1"), 202, List.of(
                        "2000B HL,SBR", "2010BA NM1,DMG", "2010BB NM1", "2300 CLM,DTP,DTP,DTP,CL1,HI,HI,HI", "2310A NM1,PRV", "2310F NM1")),
                // X223A2 2300 HI*APR: an unscheduled (emergency) outpatient visit names the patient's reasons for it
                new Golden("837i-emergency-outpatient.x12", ClaimDocumentFixtures.emergencyOutpatient("CF203V1"), 203, List.of(
                        "2000B HL,SBR", "2300 CLM,DTP,CL1,HI,HI,HI", "2310A NM1,PRV")),
                // X222A1 2300 CLM05-3 8 and REF*F8: a void names the payer's claim number of what it cancels
                new Golden("837p-void.x12", ClaimDocumentFixtures.voided("CF204V2", "ICN2026111700042"), 204, List.of(
                        "2000B HL,SBR", "2300 CLM,REF,HI")),
                // X222A1 2300 CLM05-3 7 and REF*F8: a replacement names the payer's claim number of the claim it replaces
                new Golden("837p-replacement.x12", ClaimDocumentFixtures.replacement("CF205V2", "ICN2026111700043"), 205, List.of(
                        "2000B HL,SBR", "2300 CLM,REF,HI"))
        ).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenFiles")
    void theWriterWritesTheGoldenFileByteForByte(Golden g) throws Exception {
        String written = Claim837Writer.write(ClaimDocumentFixtures.envelope(g.control()), g.claim());
        Path file = GOLDEN.resolve(g.file());
        if (Boolean.getBoolean("x12.golden.regenerate")) Files.writeString(file, written, StandardCharsets.US_ASCII);
        assertThat(written.getBytes(StandardCharsets.US_ASCII)).as(g.file()).isEqualTo(Files.readAllBytes(file));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenFiles")
    void theGoldenFileReadsBackWithoutIssues(Golden g) throws Exception {
        byte[] bytes = Files.readAllBytes(GOLDEN.resolve(g.file()));
        assertThat(Claim837Validator.validate(new ByteArrayInputStream(bytes))).as(g.file()).isEmpty();
        List<String> ids = new ArrayList<>();
        try (X12SegmentReader reader = new X12SegmentReader(new ByteArrayInputStream(bytes))) {
            for (X12Segment s = reader.next(); s != null; s = reader.next()) ids.add(s.id());
            assertThat(reader.issues()).isEmpty();
        }
        assertThat(ids).startsWith("ISA", "GS", "ST", "BHT").endsWith("SE", "GE", "IEA");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenFiles")
    void x12ParserFindsTheGuidesLoops(Golden g) throws Exception {
        String file = Files.readString(GOLDEN.resolve(g.file()), StandardCharsets.US_ASCII);
        String cf = g.claim().kind() == ClaimDocument.Kind.PROFESSIONAL ? "837_005010X222A1.cf" : "837_005010X223A2.cf";
        List<String> loops = IndependentX12ReaderTest.loops(dir, file, cf).stream().filter(l -> !l.startsWith("SEPARATORS"))
                .map(l -> l.split(" ")[2] + " " + l.split(" ")[3]).toList();
        assertThat(loops).as(g.file()).containsSubsequence(g.loops());
        assertThat(loops).as(g.file()).startsWith("ISA ISA", "GS GS", "ST ST,BHT").endsWith("SE SE", "GE GE", "IEA IEA");
    }
}
