package com.claimflow.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.reference.ReferenceService;
import com.claimflow.reference.importer.ImportKind;
import com.claimflow.reference.importer.ImportOptions;
import com.claimflow.reference.importer.ImportReport;
import com.claimflow.reference.importer.ReferenceImportService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Code search at full size: 74,000 ICD-10-CM codes and about 8,000 HCPCS codes (synthetic, in the CMS layouts, loaded by
 * the importers), queries by code, code prefix and description words, against the naive LIKE query.
 * Run: {@code mvn -o test -Dtest=CodeSearchBenchmark}
 */
@SpringBootTest(properties = "claimflow.test.context=benchmark-search")
@ActiveProfiles("test")
class CodeSearchBenchmark {
    static final List<String> QUERIES = List.of("E11", "E119", "S72", "A00", "J1", "G0", "M54", "diabetes", "fracture left", "chronic kidney",
            "pain in", "infection of the", "pressure ulcer foot", "hypertension", "fr", "acute", "newborn congenital", "Z", "K", "severe depressive ep");

    @Autowired ReferenceImportService imports;
    @Autowired ReferenceService reference;
    @Autowired JdbcTemplate jdbc;

    @Test
    void searchStaysWellUnderFiftyMillisecondsAtFullSize() throws Exception {
        jdbc.update("DELETE FROM code_set_entry");
        Path dir = Files.createTempDirectory("search-bench");
        Path icd = SyntheticReference.icdOrderFile(dir, 74_000);
        Path hcpcs = SyntheticReference.hcpcsFile(dir, 8_000);
        long t0 = System.nanoTime();
        ImportReport ri = imports.importFile(ImportKind.ICD10CM, "icd10cm_order_2026.txt", icd, ImportOptions.none(), "bench");
        long t1 = System.nanoTime();
        ImportReport rh = imports.importFile(ImportKind.HCPCS, "HCPC2026_JAN_ANWEB.txt", hcpcs, ImportOptions.none(), "bench");
        long t2 = System.nanoTime();
        assertThat(ri.errors()).isEmpty();
        assertThat(rh.errors()).isEmpty();
        BenchmarkReport.line(String.format(Locale.ROOT, "import ICD-10-CM order file (H2): %d codes in %.1f s", ri.inserted(), (t1 - t0) / 1e9));
        BenchmarkReport.line(String.format(Locale.ROOT, "import HCPCS alpha-numeric file (H2): %d codes in %.1f s", rh.inserted(), (t2 - t1) / 1e9));

        long b0 = System.nanoTime();
        reference.search("warm", 20);
        BenchmarkReport.line(String.format(Locale.ROOT, "code index build: %.0f ms", (System.nanoTime() - b0) / 1e6));
        for (int i = 0; i < 200; i++) for (String q : QUERIES) reference.search(q, 20);

        int rounds = 50;
        long[] indexed = new long[QUERIES.size() * rounds];
        int k = 0;
        for (int i = 0; i < rounds; i++) {
            for (String q : QUERIES) {
                long s = System.nanoTime();
                List<?> r = reference.search(q, 20);
                indexed[k++] = System.nanoTime() - s;
                assertThat(r).isNotNull();
            }
        }
        long[] naive = new long[QUERIES.size() * 3];
        k = 0;
        for (int i = 0; i < 3; i++) {
            for (String q : QUERIES) {
                long s = System.nanoTime();
                jdbc.queryForList("SELECT code, description FROM code_set_entry WHERE code_system IN ('ICD10CM','CPT','HCPCS') AND (code LIKE ? OR LOWER(description) LIKE ?)"
                        + " ORDER BY billable DESC, code LIMIT 40", q.replace(".", "").toUpperCase(Locale.ROOT) + "%", "%" + q.toLowerCase(Locale.ROOT) + "%");
                naive[k++] = System.nanoTime() - s;
            }
        }
        BenchmarkReport.line(String.format(Locale.ROOT, "code search, in-memory index, %d codes, %d queries: p50 %.3f ms, p99 %.3f ms, max %.3f ms",
                reference.search("E11", 1).size() >= 0 ? ri.inserted() + rh.inserted() : 0, indexed.length, pct(indexed, 50), pct(indexed, 99), pct(indexed, 100)));
        BenchmarkReport.line(String.format(Locale.ROOT, "code search, naive LIKE query (baseline), %d queries: p50 %.3f ms, p99 %.3f ms, max %.3f ms",
                naive.length, pct(naive, 50), pct(naive, 99), pct(naive, 100)));
        for (String q : List.of("E11", "diabetes", "fracture left")) {
            BenchmarkReport.line("  '" + q + "' -> " + reference.search(q, 5).stream().map(c -> c.code() + (c.billable() ? "" : "(h)")).toList());
        }
        assertThat(pct(indexed, 99)).isLessThan(50.0);
    }

    static double pct(long[] nanos, int p) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        int i = Math.min(s.length - 1, (int) Math.ceil(p / 100.0 * s.length) - 1);
        return s[Math.max(0, i)] / 1e6;
    }
}
