package com.claimflow.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.reference.Ncci;
import com.claimflow.reference.importer.ImportKind;
import com.claimflow.reference.importer.ImportOptions;
import com.claimflow.reference.importer.ImportReport;
import com.claimflow.reference.importer.ReferenceImportService;
import com.claimflow.scrub.ClaimSnapshot;
import com.claimflow.scrub.Finding;
import com.claimflow.scrub.ScrubService;
import com.claimflow.scrub.ScrubSubject;
import com.claimflow.scrub.edits.MueEdit;
import com.claimflow.scrub.edits.NcciPtpEdit;
import com.claimflow.scrub.edits.PayerRulesEdit;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.ToIntFunction;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Scrub throughput with a full-size NCCI PTP table (3,000,000 synthetic rows in the CMS layout, loaded by the importer)
 * and an MUE table, for claims of 1 to 6 lines, on the calling thread; beside a naive baseline asking the database one
 * query per code pair and per code. Run on one core:
 * {@code taskset -c 0 mvn -o test -Dtest=ScrubBenchmark -Dbench.ptpRows=3000000}
 */
@SpringBootTest(properties = {"claimflow.test.context=benchmark-scrub", "claimflow.scrub.payer-rules.history=false"})
@ActiveProfiles("test")
class ScrubBenchmark {
    @Autowired ReferenceImportService imports;
    @Autowired ScrubService scrub;
    @Autowired NcciPtpEdit ptp;
    @Autowired MueEdit mue;
    @Autowired Ncci ncci;
    @Autowired JdbcTemplate jdbc;
    @Autowired DecisionService decisions;
    @Autowired ProcessEngine engine;
    @Autowired com.claimflow.demo.DemoReferenceData demo;
    @Autowired List<com.claimflow.scrub.ClaimEdit> edits;
    @Autowired com.claimflow.reference.ReferenceService scrubReference;

    @Test
    void scrubsThousandsOfClaimsASecondWithAFullPtpTable() throws Exception {
        int rows = Integer.getInteger("bench.ptpRows", 3_000_000);
        List<String> codes = SyntheticReference.procedureCodes(12_000);
        Path dir = Files.createTempDirectory("scrub-bench");
        Path ptpFile = SyntheticReference.ptpFile(dir, codes, rows);
        long t0 = System.nanoTime();
        ImportReport r = imports.importFile(ImportKind.NCCI_PTP_PRACTITIONER, "ptp_practitioner_synthetic.txt", ptpFile, ImportOptions.none(), "bench");
        long t1 = System.nanoTime();
        assertThat(r.errors()).isEmpty();
        BenchmarkReport.line(String.format(Locale.ROOT, "import PTP (H2 in-memory): %,d rows (%.0f MB) in %.1f s", r.inserted(), Files.size(ptpFile) / 1e6, (t1 - t0) / 1e9));
        ImportReport m = imports.importFile(ImportKind.MUE_PRACTITIONER, "mue_practitioner_2026Q1.csv", SyntheticReference.mueFile(dir, codes),
                ImportOptions.none(), "bench");
        assertThat(m.errors()).isEmpty();
        Files.deleteIfExists(ptpFile);

        long l0 = System.nanoTime();
        int loaded = ncci.ptpRows(Ncci.PRACTITIONER);
        long l1 = System.nanoTime();
        System.gc();
        Runtime rt = Runtime.getRuntime();
        BenchmarkReport.line(String.format(Locale.ROOT, "PTP table into memory: %,d rows in %.1f s (heap in use after GC: %d MB)", loaded, (l1 - l0) / 1e9,
                (rt.totalMemory() - rt.freeMemory()) / 1_000_000));

        demo.load(); // payers, providers and the demo code sets, so the payer-dependent edits run
        List<ClaimSnapshot> claims = claims(codes, 20_000);
        LocalDate today = LocalDate.now();
        ToIntFunction<ClaimSnapshot> ncciOnly = c -> {
            ScrubSubject s = new ScrubSubject(c, null, null, today);
            return ptp.check(s).size() + mue.check(s).size();
        };
        ToIntFunction<ClaimSnapshot> naive = c -> naiveNcci(c);
        ToIntFunction<ClaimSnapshot> full = c -> scrub.check(c).size();
        PayerRulesEdit withHistory = new PayerRulesEdit(decisions, engine, true);
        ToIntFunction<ClaimSnapshot> dmnHistory = c -> withHistory.check(new ScrubSubject(c, null, null, today)).size();

        run("NCCI PTP + MUE edits, in-memory tables", claims, ncciOnly, 3);
        run("NCCI PTP + MUE edits, naive baseline (one query per code pair and per code)", claims.subList(0, 2_000), naive, 1);
        double fullRate = run("full ScrubService.check, every edit (payer DMN via the DMN engine, no history)", claims, full, 2);
        run("payer-rules DMN alone through DecisionService (with decision history)", claims.subList(0, 2_000), dmnHistory, 1);
        var reference = scrubReference;
        for (com.claimflow.scrub.ClaimEdit edit : edits) {
            ToIntFunction<ClaimSnapshot> one = c -> edit.check(new ScrubSubject(c, reference.payer(c.payerId()).orElse(null), reference, today)).size();
            run("  one edit: " + edit.getClass().getSimpleName(), claims.subList(0, 10_000), one, 1);
        }
        assertThat(fullRate).isGreaterThan(0);
    }

    private double run(String name, List<ClaimSnapshot> claims, ToIntFunction<ClaimSnapshot> check, int rounds) {
        long findings = 0;
        for (ClaimSnapshot c : claims.subList(0, Math.min(claims.size(), 2_000))) findings += check.applyAsInt(c); // warm-up
        double best = 0;
        for (int round = 0; round < rounds; round++) {
            findings = 0;
            long s = System.nanoTime();
            for (ClaimSnapshot c : claims) findings += check.applyAsInt(c);
            double secs = (System.nanoTime() - s) / 1e9;
            best = Math.max(best, claims.size() / secs);
        }
        BenchmarkReport.line(String.format(Locale.ROOT, "%s: %,.0f claims/s (%,d claims of 1-6 lines, %,d findings)", name, best, claims.size(), findings));
        return best;
    }

    private int naiveNcci(ClaimSnapshot c) {
        int found = 0;
        List<ClaimSnapshot.Line> lines = c.lines();
        for (int i = 0; i < lines.size(); i++) {
            for (int j = 0; j < lines.size(); j++) {
                if (i == j) continue;
                List<String> ind = jdbc.queryForList("SELECT modifier_indicator FROM ncci_ptp WHERE setting = 'PRACTITIONER' AND column1 = ? AND column2 = ?"
                        + " AND effective_date <= ? AND (deletion_date IS NULL OR deletion_date > ?)", String.class,
                        lines.get(i).code(), lines.get(j).code(), c.dateOfService(), c.dateOfService());
                if (!ind.isEmpty() && !ind.get(0).equals("9")) found++;
            }
            List<Integer> limit = jdbc.queryForList("SELECT mue_value FROM ncci_mue WHERE setting = 'PRACTITIONER' AND code = ? AND valid_from <= ?"
                    + " AND (valid_to IS NULL OR valid_to >= ?)", Integer.class, lines.get(i).code(), c.dateOfService(), c.dateOfService());
            if (!limit.isEmpty() && lines.get(i).units() > limit.get(0)) found++;
        }
        return found;
    }

    /** Claims of 1 to 6 lines; half of the multi-line claims pair a code with codes it has PTP edits against. */
    static List<ClaimSnapshot> claims(List<String> codes, int n) {
        SplittableRandom r = new SplittableRandom(3);
        List<ClaimSnapshot> out = new ArrayList<>(n);
        String[] payers = {"BCBS", "AETNA", "UHC", "MCARE"};
        for (int i = 0; i < n; i++) {
            int lines = 1 + r.nextInt(6);
            int first = r.nextInt(codes.size());
            List<ClaimSnapshot.Line> ls = new ArrayList<>();
            for (int l = 0; l < lines; l++) {
                String code = l > 0 && r.nextBoolean() ? codes.get((first + (1 + r.nextInt(20)) * 13) % codes.size()) : codes.get(l == 0 ? first : r.nextInt(codes.size()));
                List<String> mods = r.nextInt(5) == 0 ? List.of("59") : List.of();
                ls.add(new ClaimSnapshot.Line(code, mods, 1 + r.nextInt(3), new BigDecimal("100.00"), List.of(1)));
            }
            out.add(new ClaimSnapshot(null, null, "PROFESSIONAL", payers[r.nextInt(payers.length)], "XYZ123456789", "1234567893", "1245319599", null, "11",
                    LocalDate.of(2026, 2, 1 + r.nextInt(28)), LocalDate.of(1940 + r.nextInt(80), 1 + r.nextInt(12), 1), r.nextBoolean() ? "F" : "M", null,
                    List.of("I10", "E785"), ls, new BigDecimal("100.00").multiply(BigDecimal.valueOf(lines))));
        }
        return out;
    }
}
