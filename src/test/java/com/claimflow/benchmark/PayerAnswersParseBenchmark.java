package com.claimflow.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.eligibility.x12.Eligibility271;
import com.claimflow.eligibility.x12.Eligibility271Reader;
import com.claimflow.remittance.x12.ClaimStatusResponse277;
import com.claimflow.remittance.x12.InboundReaders;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Parsing eligibility (271) and claim status (277 X212) answers: transactions per second, each transaction one
 * answered inquiry in its own ST-SE, as a clearinghouse batches them. Files of {@code benchmark.transactions} (default
 * 50,000) transaction sets are written to disk, read once to warm up, then timed.
 * Run: {@code mvn -o test -Dtest=PayerAnswersParseBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 */
class PayerAnswersParseBenchmark {
    static final int TRANSACTIONS = Integer.getInteger("benchmark.transactions", 50_000);

    private static Path write(String type, String functional, String version, String[] body) throws Exception {
        Path file = Files.createTempFile("bench-" + type, ".x12");
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            w.write("ISA*00*          *00*          *ZZ*BENCHPAYER     *ZZ*CLAIMFLOW      *261205*0930*^*00501*000000777*0*P*:~\n");
            w.write("GS*" + functional + "*BENCHPAYER*CLAIMFLOW*20261205*0930*777*X*" + version + "~\n");
            for (int t = 1; t <= TRANSACTIONS; t++) {
                String st = String.format("%04d", t % 10_000);
                w.write("ST*" + type + "*" + st + "*" + version + "~\n");
                for (String s : body) w.write(s.replace("#", Integer.toString(t)) + "~\n");
                w.write("SE*" + (body.length + 2) + "*" + st + "~\n");
            }
            w.write("GE*" + TRANSACTIONS + "*777~\nIEA*1*000000777~\n");
        }
        return file;
    }

    private static <T> double rate(Path file, Function<InputStream, T> read, Function<T, Integer> answers) throws Exception {
        for (int round = 0; round < 2; round++) {
            try (InputStream in = Files.newInputStream(file)) {
                read.apply(in); // warm-up
            }
        }
        long start = System.nanoTime();
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = answers.apply(read.apply(in));
        }
        assertThat(n).isEqualTo(TRANSACTIONS);
        return n / ((System.nanoTime() - start) / 1e9);
    }

    /** Baseline: the same file through the project's plain segment reader (X12 syntax only, no meaning), counting ST. */
    private static int transactionSets(InputStream in) {
        int n = 0;
        try (com.claimflow.x12.X12SegmentReader r = new com.claimflow.x12.X12SegmentReader(in)) {
            for (com.claimflow.x12.X12Segment s = r.next(); s != null; s = r.next()) if (s.id().equals("ST")) n++;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return n;
    }

    @Test
    void parsesAtLeastFiveThousandAnswersASecond() throws Exception {
        Path f271 = write("271", "HB", "005010X279A1", new String[] {"BHT*0022*11*#*20261205*0930", "HL*1**20*1", "NM1*PR*2*BCBS*****PI*BCBS",
                "HL*2*1*21*1", "NM1*1P*2*CLINIC*****XX*1234567893", "HL*3*2*22*0", "TRN*2*EL#*9CLAIMFLOW", "NM1*IL*1*EXAMPLE*ROBIN****MI*XYZ#",
                "REF*6P*GRP4455", "DMG*D8*19800214*F", "DTP*291*D8*20261201", "EB*1**30**GOLD PPO 500", "EB*B*IND*30***27*30*****Y",
                "EB*C*IND*30***23*500*****Y", "EB*A*IND*30*****.2****Y"});
        Path f277 = write("277", "HN", "005010X212", new String[] {"BHT*0010*08*#*20261205*0930*DG", "HL*1**20*1", "NM1*PR*2*BCBS*****PI*BCBS",
                "HL*2*1*21*1", "NM1*41*2*CLAIMFLOW*****46*CLAIMFLOW", "HL*3*2*19*1", "NM1*1P*2*CLINIC*****XX*1234567893", "HL*4*3*22*0",
                "NM1*IL*1*EXAMPLE*ROBIN****MI*XYZ#", "TRN*2*CS#", "STC*F1:65:PR*20261205**236.5*188.8*20261128*ACH*20261129*EFT#",
                "REF*1K*PCN#", "REF*EJ*CF#V1", "DTP*472*RD8*20261101-20261101"});
        double r271 = rate(f271, Eligibility271Reader::read, (Eligibility271 r) -> {
            assertThat(r.issues()).isEmpty();
            return r.answers().size();
        });
        double r277 = rate(f277, InboundReaders::read277ClaimStatus, (ClaimStatusResponse277 r) -> {
            assertThat(r.issues()).isEmpty();
            return r.claims().size();
        });
        double base271 = rate(f271, PayerAnswersParseBenchmark::transactionSets, n -> n);
        double base277 = rate(f277, PayerAnswersParseBenchmark::transactionSets, n -> n);
        BenchmarkReport.line(String.format("payer answers parse: %,d transactions a file; 271 %,.0f transactions/s (%.1f MB), baseline segment reader "
                        + "%,.0f/s, ratio %.2f; 277 X212 %,.0f transactions/s (%.1f MB), baseline %,.0f/s, ratio %.2f",
                TRANSACTIONS, r271, Files.size(f271) / 1e6, base271, base271 / r271, r277, Files.size(f277) / 1e6, base277, base277 / r277));
        assertThat(r271).as("271 transactions/s").isGreaterThanOrEqualTo(5_000);
        assertThat(r277).as("277 transactions/s").isGreaterThanOrEqualTo(5_000);
        Files.delete(f271);
        Files.delete(f277);
    }
}
