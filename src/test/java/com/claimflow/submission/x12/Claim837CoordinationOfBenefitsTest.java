package com.claimflow.submission.x12;

import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.submission.x12.ClaimDocument.PayerRef;
import com.claimflow.submission.x12.ClaimDocument.Person;
import com.claimflow.x12.X12Segment;
import com.claimflow.x12.X12SegmentReader;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A secondary claim with line-level coordination of benefits (X12 005010X222A1 and X223A2 loops 2320, 2330A, 2330B and
 * 2430): golden files byte for byte, read back by the project's validator and by X12::Parser, and the guides'
 * balancing rule (claim charge = AMT*D + every CAS; each line's charge = SVD02 + its CAS) checked on what was written.
 * {@code -Dx12.golden.regenerate=true} rewrites the files.
 */
public class Claim837CoordinationOfBenefitsTest {
    private static final Path GOLDEN = Paths.get("src/test/resources/x12/golden");
    private static final LocalDate PAID_ON = LocalDate.of(2026, 11, 25);

    @TempDir Path dir;

    /** BCBS (primary) paid 80.00 of 118.75: line 1 CO-45 15.00 and PR-2 23.00, line 2 CO-45 0.75; Medicaid is billed second. */
    public static ClaimDocument secondary(ClaimDocument primary) {
        OtherPayer bcbs = new OtherPayer("P", "18", "88001", "CI", new Person("Example", "Robin", "XYZ123456789", null, null, null),
                new PayerRef("Blue Cross Blue Shield", "BCBS"), "ICN2026111700050", new BigDecimal("80.00"), new BigDecimal("23.00"), PAID_ON,
                List.of(), List.of(
                new OtherPayer.LineAdjudication(1, "99213", List.of("25"), primary.lines().get(0).revenueCode(), new BigDecimal("77.00"), BigDecimal.ONE,
                        List.of(new OtherPayer.Adjustment("CO", "45", new BigDecimal("15.00"), null),
                                new OtherPayer.Adjustment("PR", "2", new BigDecimal("23.00"), null))),
                new OtherPayer.LineAdjudication(2, "36415", List.of(), primary.lines().get(1).revenueCode(), new BigDecimal("3.00"), BigDecimal.ONE,
                        List.of(new OtherPayer.Adjustment("CO", "45", new BigDecimal("0.75"), null)))));
        return primary.with(new ClaimDocument.Insured(2, "18", null, null, null, null),
                new Person("Example", "Robin", "MCD55501234", LocalDate.of(1980, 2, 29), "F", null), new PayerRef("State Medicaid", "MCAID"))
                .withOtherPayers(List.of(bcbs));
    }

    @Test
    void aSecondaryProfessionalClaimIsTheGoldenFileAndReadsBack() throws Exception {
        check("837p-secondary-cob.x12", secondary(ClaimDocumentFixtures.professional("CF301V2")), 301, "837_005010X222A1.cf");
    }

    @Test
    void aSecondaryInstitutionalClaimIsTheGoldenFileAndReadsBack() throws Exception {
        check("837i-secondary-cob.x12", secondary(ClaimDocumentFixtures.institutional("CF302V2")), 302, "837_005010X223A2.cf");
    }

    private void check(String name, ClaimDocument claim, long control, String cf) throws Exception {
        String written = Claim837Writer.write(ClaimDocumentFixtures.envelope(control), claim);
        Path file = GOLDEN.resolve(name);
        if (Boolean.getBoolean("x12.golden.regenerate")) Files.writeString(file, written, StandardCharsets.US_ASCII);
        assertThat(written).as(name).isEqualTo(Files.readString(file, StandardCharsets.US_ASCII));
        assertThat(Claim837Validator.validate(new ByteArrayInputStream(written.getBytes(StandardCharsets.US_ASCII)))).as(name).isEmpty();

        List<X12Segment> segments = new ArrayList<>();
        try (X12SegmentReader reader = new X12SegmentReader(new ByteArrayInputStream(written.getBytes(StandardCharsets.US_ASCII)))) {
            for (X12Segment s = reader.next(); s != null; s = reader.next()) segments.add(s);
        }
        // 2320: the primary's sequence (P), AMT*D its paid amount, AMT*EAF what the patient still owes; 2330B REF*F8 its claim number
        assertThat(segments).extracting(X12Segment::id).containsSubsequence("CLM", "SBR", "AMT", "AMT", "OI", "NM1", "NM1", "REF", "LX");
        assertThat(element(segments, "AMT", "D")).isEqualTo("80");
        assertThat(element(segments, "AMT", "EAF")).isEqualTo("23");
        // balancing (X222A1 2320 CAS note): charge = AMT*D + all CAS amounts; per line, SV1/SV2 charge = SVD02 + line CAS
        BigDecimal cas = segments.stream().filter(s -> s.id().equals("CAS")).map(s -> new BigDecimal(s.el(3))).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(new BigDecimal("80.00").add(cas)).isEqualByComparingTo(claim.totalCharge());
        List<String> svd = segments.stream().filter(s -> s.id().equals("SVD")).map(s -> s.el(1) + " " + s.el(2)).toList();
        assertThat(svd).containsExactly("BCBS 77", "BCBS 3");

        List<String> loops = IndependentX12ReaderTest.loops(dir, written, cf).stream().filter(l -> !l.startsWith("SEPARATORS"))
                .map(l -> l.split(" ")[2] + " " + l.split(" ")[3]).map(l -> l.startsWith("2300 ") ? "2300" : l.startsWith("2400 ") ? "2400 LX,SV" : l).toList();
        assertThat(loops).as(name).containsSubsequence("2000B HL,SBR", "2300", "2320 SBR,AMT,AMT,OI", "2330A NM1", "2330B NM1,REF",
                "2400 LX,SV", "2430 SVD,CAS,CAS,DTP", "2400 LX,SV", "2430 SVD,CAS,DTP");
    }

    private static String element(List<X12Segment> segments, String id, String qualifier) {
        return segments.stream().filter(s -> s.id().equals(id) && qualifier.equals(s.el(1))).map(s -> s.el(2)).findFirst().orElse(null);
    }
}
