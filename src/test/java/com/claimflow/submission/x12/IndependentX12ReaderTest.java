package com.claimflow.submission.x12;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads the 837s the writer produces with a second, independent X12 reader: Debian's X12::Parser (package
 * libx12-parser-perl) with loop definitions written from the 005010 guides, and checks the loop structure it finds.
 * Skipped where the package is absent; CI installs it (and then, with CI=true, a missing package fails the test).
 */
class IndependentX12ReaderTest {
    @TempDir Path dir;

    static boolean perlParserPresent() {
        try {
            Process p = new ProcessBuilder("perl", "-MX12::Parser", "-e", "1").redirectErrorStream(true).start();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private List<String> loops(String file, String cf) throws Exception {
        return loops(dir, file, cf);
    }

    /** X12::Parser's reading of the file: "position level loop segment-ids" per loop, then the separators. */
    static List<String> loops(Path dir, String file, String cf) throws Exception {
        boolean present = perlParserPresent();
        if (!present && "true".equals(System.getenv("CI"))) throw new AssertionError("CI must install libx12-parser-perl");
        Assumptions.assumeTrue(present, "Debian package libx12-parser-perl is not installed");
        Path x12 = dir.resolve("claim.x12");
        Files.writeString(x12, file, StandardCharsets.US_ASCII);
        Path resources = Paths.get("src/test/resources/x12/perl").toAbsolutePath();
        Process p = new ProcessBuilder("perl", resources.resolve("loops.pl").toString(), x12.toString(), resources.resolve(cf).toString())
                .redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out).isZero();
        return out.lines().toList();
    }

    @Test
    void theProfessionalClaimHasTheLoopsOfTheGuide() throws Exception {
        var out = new java.io.ByteArrayOutputStream();
        try (Claim837Writer w = Claim837Writer.open(out, ClaimDocumentFixtures.envelope(11), ClaimDocument.Kind.PROFESSIONAL)) {
            w.add(ClaimDocumentFixtures.professional("CF1V1"));
            w.add(ClaimDocumentFixtures.replacement("CF2V2", "PCN-9"));
            w.add(ClaimDocumentFixtures.referred("CF4V1"));
        }
        List<String> lines = loops(out.toString(), "837_005010X222A1.cf");
        assertThat(lines.stream().filter(l -> !l.startsWith("SEPARATORS")).map(l -> l.split(" ")[2] + " " + l.split(" ")[3]).toList()).containsExactly(
                "ISA ISA", "GS GS", "ST ST,BHT", "1000A NM1,PER", "1000B NM1",
                "2000A HL,PRV", "2010AA NM1,N3,N4,REF",
                "2000B HL,SBR", "2010BA NM1,DMG", "2010BB NM1", "2300 CLM,REF,HI", "2310B NM1,PRV",
                "2400 LX,SV1,DTP", "2400 LX,SV1,DTP",
                "2000B HL,SBR", "2010BA NM1,DMG", "2010BB NM1", "2300 CLM,REF,HI", "2310B NM1,PRV",
                "2400 LX,SV1,DTP", "2400 LX,SV1,DTP",
                "2000B HL,SBR", "2010BA NM1,DMG", "2010BB NM1", "2300 CLM,REF,HI", "2310A NM1", "2310B NM1,PRV",
                "2400 LX,SV1,DTP", "2400 LX,SV1,DTP",
                "SE SE", "GE GE", "IEA IEA");
        assertThat(lines).contains("SEPARATORS ~ * :");
        // the loop levels X12::Parser derives from the configuration: 2010AA under 2000A, 2400 under 2300
        assertThat(lines).anySatisfy(l -> assertThat(l).matches("\\d+ 2 2010AA .*"));
        assertThat(lines).anySatisfy(l -> assertThat(l).matches("\\d+ 3 2400 .*"));
    }

    @Test
    void theInstitutionalClaimHasTheLoopsOfTheGuide() throws Exception {
        String file = Claim837Writer.write(ClaimDocumentFixtures.envelope(12), ClaimDocumentFixtures.institutional("CF3V1"));
        List<String> lines = loops(file, "837_005010X223A2.cf");
        assertThat(lines.stream().filter(l -> !l.startsWith("SEPARATORS")).map(l -> l.split(" ")[2] + " " + l.split(" ")[3]).toList()).containsExactly(
                "ISA ISA", "GS GS", "ST ST,BHT", "1000A NM1,PER", "1000B NM1",
                "2000A HL,PRV", "2010AA NM1,N3,N4,REF",
                "2000B HL,SBR", "2010BA NM1,DMG", "2010BB NM1", "2300 CLM,DTP,CL1,HI,HI", "2310A NM1,PRV",
                "2400 LX,SV2,DTP", "2400 LX,SV2,DTP",
                "SE SE", "GE GE", "IEA IEA");
    }

    @Test
    void anInpatientClaimHasItsAdmissionInTheClaimLoopAndTheReferringProviderIn2310F() throws Exception {
        String file = Claim837Writer.write(ClaimDocumentFixtures.envelope(13), ClaimDocumentFixtures.inpatient("CF5V1"));
        List<String> lines = loops(file, "837_005010X223A2.cf");
        assertThat(lines.stream().filter(l -> !l.startsWith("SEPARATORS")).map(l -> l.split(" ")[2] + " " + l.split(" ")[3]).toList())
                .containsSubsequence("2300 CLM,DTP,DTP,DTP,CL1,HI,HI,HI", "2310A NM1,PRV", "2310F NM1", "2400 LX,SV2,DTP");
    }

    @Test
    void aBatchFileOfSeveralTransactionSetsReadsAsOneInterchange() throws Exception {
        var out = new java.io.StringWriter();
        try (Claim837Batch batch = Claim837Batch.open(out, ClaimDocumentFixtures.envelope(14), ClaimDocument.Kind.PROFESSIONAL)) {
            batch.add(Claim837Writer.write(ClaimDocumentFixtures.envelope(15), ClaimDocumentFixtures.professional("CF6V1")));
            batch.add(Claim837Writer.write(ClaimDocumentFixtures.envelope(16), ClaimDocumentFixtures.referred("CF7V1")));
        }
        List<String> loops = loops(out.toString(), "837_005010X222A1.cf").stream().filter(l -> !l.startsWith("SEPARATORS"))
                .map(l -> l.split(" ")[2]).toList();
        assertThat(loops).startsWith("ISA", "GS", "ST").endsWith("SE", "GE", "IEA");
        assertThat(loops).filteredOn(l -> l.equals("ST")).hasSize(2);
        assertThat(loops).filteredOn(l -> l.equals("2300")).hasSize(2);
        assertThat(loops).filteredOn(l -> l.equals("2310A")).hasSize(1);
    }
}
