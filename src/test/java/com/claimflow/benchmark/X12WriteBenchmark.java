package com.claimflow.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.submission.x12.Claim837Batch;
import com.claimflow.submission.x12.Claim837Validator;
import com.claimflow.submission.x12.Claim837Writer;
import com.claimflow.submission.x12.ClaimDocument;
import com.claimflow.submission.x12.ClaimDocumentFixtures;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * 837P writing speed and memory: claims per second streamed into one file, with the same run's baseline (the same
 * claims written as JSON lines with Jackson, the interim format the 837 replaced), and the read-back validation speed;
 * then the production path claim by claim (one-claim interchange written and read back, copied into batch files of
 * 5,000, each read back), without the database.
 * Run: {@code mvn -o test -Dtest=X12WriteBenchmark -Dsurefire.failIfNoSpecifiedTests=false} (excluded from the normal run).
 */
class X12WriteBenchmark {
    static final int CLAIMS = Integer.getInteger("benchmark.claims", 200_000);
    static final int BATCH = 5_000;

    private static long usedAfterGc() {
        Runtime r = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) System.gc();
        return r.totalMemory() - r.freeMemory();
    }

    private static double write837(Path file, int claims, long[] heapAt) throws Exception {
        long start = System.nanoTime();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
             Claim837Writer w = Claim837Writer.open(out, ClaimDocumentFixtures.envelope(1), ClaimDocument.Kind.PROFESSIONAL)) {
            for (int i = 1; i <= claims; i++) {
                w.add(ClaimDocumentFixtures.professional("CF" + i + "V1"));
                if (heapAt != null && (i == claims / 10 || i == claims)) heapAt[i == claims ? 1 : 0] = usedAfterGc();
            }
        }
        return claims / ((System.nanoTime() - start) / 1e9);
    }

    /** {@code claims} claims streamed into one file, each made by {@code claim} from its patient control number. */
    private static double write837Each(Path file, int claims, java.util.function.IntFunction<ClaimDocument> claim) throws Exception {
        long start = System.nanoTime();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
             Claim837Writer w = Claim837Writer.open(out, ClaimDocumentFixtures.envelope(1), ClaimDocument.Kind.PROFESSIONAL)) {
            for (int i = 1; i <= claims; i++) w.add(claim.apply(i));
        }
        return claims / ((System.nanoTime() - start) / 1e9);
    }

    /**
     * Issue #15: secondary claims with the primary's adjudication (2320, 2330A/B, two 2430 loops) against primary claims
     * in the same run, both written and validated; the goal (at least 5,000 claims/s) holds with the COB loops.
     */
    @Test
    void writesSecondaryClaimsWithCoordinationOfBenefitsAtLeastFiveThousandASecond() throws Exception {
        Path dir = Files.createTempDirectory("x12cob");
        Path primary = dir.resolve("primary.x12");
        Path secondary = dir.resolve("secondary.x12");
        java.util.function.IntFunction<ClaimDocument> primaries = i -> ClaimDocumentFixtures.professional("CF" + i + "V1");
        java.util.function.IntFunction<ClaimDocument> secondaries = i -> com.claimflow.submission.x12.Claim837CoordinationOfBenefitsTest
                .secondary(ClaimDocumentFixtures.professional("CF" + i + "V2"));
        write837Each(secondary, 20_000, secondaries); // warm-up
        write837Each(primary, 20_000, primaries);
        double primaryRate = write837Each(primary, CLAIMS, primaries);
        double secondaryRate = write837Each(secondary, CLAIMS, secondaries);
        long start = System.nanoTime();
        int issues;
        try (InputStream in = Files.newInputStream(secondary)) {
            issues = Claim837Validator.validate(in).size();
        }
        double validateRate = CLAIMS / ((System.nanoTime() - start) / 1e9);
        System.out.printf("%n837P with COB loops, %d claims: primary %,.0f claims/s (%.1f MB), secondary %,.0f claims/s (%.1f MB), ratio %.2f; "
                        + "secondary read back %,.0f claims/s%n", CLAIMS, primaryRate, Files.size(primary) / 1e6, secondaryRate,
                Files.size(secondary) / 1e6, primaryRate / secondaryRate, validateRate);
        assertThat(issues).isZero();
        assertThat(secondaryRate).isGreaterThan(5_000);
    }

    @Test
    void writesAtLeastFiveThousandClaimsASecondInConstantMemory() throws Exception {
        Path dir = Files.createTempDirectory("x12bench");
        Path x12 = dir.resolve("claims.x12");
        write837(x12, 20_000, null); // warm-up
        long[] heap = new long[2];
        double x12Rate = write837(x12, CLAIMS, heap);
        long size = Files.size(x12);

        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
        Path jsonFile = dir.resolve("claims.jsonl");
        long start = System.nanoTime();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(jsonFile), 1 << 16)) {
            for (int i = 1; i <= CLAIMS; i++) {
                out.write(json.writeValueAsBytes(ClaimDocumentFixtures.professional("CF" + i + "V1")));
                out.write('\n');
            }
        }
        double jsonRate = CLAIMS / ((System.nanoTime() - start) / 1e9);

        start = System.nanoTime();
        int issues;
        try (InputStream in = Files.newInputStream(x12)) {
            issues = Claim837Validator.validate(in).size();
        }
        double validateRate = CLAIMS / ((System.nanoTime() - start) / 1e9);

        // the path a claim takes in production: its own one-claim interchange written and read back when it is queued,
        // then its transaction set copied into the payer's batch file (Claim837Batch, 5,000 claims a file as
        // claimflow.outbox.batch-size by default), which is read back before it leaves
        Path batchFile = dir.resolve("batch.x12");
        long[] batchHeap = new long[2];
        int batchIssues = 0;
        start = System.nanoTime();
        for (int first = 1; first <= CLAIMS; first += BATCH) {
            try (Writer out = Files.newBufferedWriter(batchFile, StandardCharsets.US_ASCII);
                 Claim837Batch batch = Claim837Batch.open(out, ClaimDocumentFixtures.envelope(first), ClaimDocument.Kind.PROFESSIONAL)) {
                for (int i = first; i < first + BATCH && i <= CLAIMS; i++) {
                    String one = Claim837Writer.write(ClaimDocumentFixtures.envelope(10 + i), i % 3 == 0
                            ? ClaimDocumentFixtures.referred("CF" + i + "V1") : ClaimDocumentFixtures.professional("CF" + i + "V1"));
                    assertThat(Claim837Validator.validate(one)).isEmpty();
                    batch.add(one);
                    if (i == CLAIMS / 10 || i == CLAIMS) batchHeap[i == CLAIMS ? 1 : 0] = usedAfterGc();
                }
            }
            try (InputStream in = Files.newInputStream(batchFile)) {
                batchIssues += Claim837Validator.validate(in).size();
            }
        }
        double batchRate = CLAIMS / ((System.nanoTime() - start) / 1e9);

        // the same path as the product runs it: the per-claim step happens in each claim's own submission job, which
        // the job executor runs on several threads (core pool 4); here on as many threads as the machine has cores,
        // while the dispatcher (one thread) copies each batch and reads it back
        int threads = Runtime.getRuntime().availableProcessors();
        ForkJoinPool jobs = new ForkJoinPool(threads);
        int parallelIssues = 0;
        start = System.nanoTime();
        try {
            for (int first = 1; first <= CLAIMS; first += BATCH) {
                int from = first;
                List<String> queued = jobs.submit(() -> IntStream.range(from, Math.min(from + BATCH, CLAIMS + 1)).parallel().mapToObj(i -> {
                    String one = Claim837Writer.write(ClaimDocumentFixtures.envelope(10 + i), i % 3 == 0
                            ? ClaimDocumentFixtures.referred("CF" + i + "V1") : ClaimDocumentFixtures.professional("CF" + i + "V1"));
                    if (!Claim837Validator.validate(one).isEmpty()) throw new IllegalStateException("claim " + i + " refused");
                    return one;
                }).toList()).get();
                try (Writer out = Files.newBufferedWriter(batchFile, StandardCharsets.US_ASCII);
                     Claim837Batch batch = Claim837Batch.open(out, ClaimDocumentFixtures.envelope(first), ClaimDocument.Kind.PROFESSIONAL)) {
                    for (String one : queued) batch.add(one);
                }
                try (InputStream in = Files.newInputStream(batchFile)) {
                    parallelIssues += Claim837Validator.validate(in).size();
                }
            }
        } finally {
            jobs.shutdown();
        }
        double parallelRate = CLAIMS / ((System.nanoTime() - start) / 1e9);

        System.out.printf("BENCHMARK 837P write: %,d claims, %.1f MB, %,.0f claims/s; baseline JSON lines (Jackson) %,.0f claims/s; "
                        + "read-back validation %,.0f claims/s (%d issues); heap after GC at %,d claims %.1f MB, at %,d claims %.1f MB%n",
                CLAIMS, size / 1e6, x12Rate, jsonRate, validateRate, issues, CLAIMS / 10, heap[0] / 1e6, CLAIMS, heap[1] / 1e6);
        System.out.printf("BENCHMARK 837P claim by claim (write + read back each, copy into batch files of %,d claims, %.1f MB each, "
                        + "read each batch back): %,.0f claims/s (%d issues); heap after GC at %,d claims %.1f MB, at %,d claims %.1f MB%n",
                BATCH, Files.size(batchFile) / 1e6, batchRate, batchIssues, CLAIMS / 10, batchHeap[0] / 1e6, CLAIMS, batchHeap[1] / 1e6);
        System.out.printf("BENCHMARK 837P the same with the per-claim step on %d job threads, batches on one: %,.0f claims/s (%d issues)%n",
                threads, parallelRate, parallelIssues);
        assertThat(batchIssues).isZero();
        assertThat(parallelIssues).isZero();
        assertThat(batchHeap[1]).isLessThan(batchHeap[0] + 32_000_000L);
        assertThat(issues).isZero();
        assertThat(x12Rate).isGreaterThan(5_000);
        assertThat(heap[1]).isLessThan(heap[0] + 32_000_000L); // flat: no growth with the number of claims written
    }
}
