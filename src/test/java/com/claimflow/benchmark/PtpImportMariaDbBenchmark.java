package com.claimflow.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.reference.importer.ImportKind;
import com.claimflow.reference.importer.ImportOptions;
import com.claimflow.reference.importer.ImportReport;
import com.claimflow.reference.importer.ReferenceImportService;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Import of a full-size PTP release into MariaDB/MySQL (database {@code claimflow_refbench}, created if missing; the
 * Camunda and ClaimFlow schemas are created in it), with the heap sampled during the import.
 * Run: {@code mvn -o test -Dtest=PtpImportMariaDbBenchmark -Dbench.ptpRows=3000000} (MariaDB on 127.0.0.1:3306, root, no password).
 */
@SpringBootTest(properties = {"claimflow.test.context=benchmark-mariadb",
        "spring.datasource.url=jdbc:mysql://127.0.0.1:3306/claimflow_refbench?createDatabaseIfNotExist=true&sendFractionalSeconds=false"
                + "&nullCatalogMeansCurrent=true&useSSL=false&allowPublicKeyRetrieval=true&rewriteBatchedStatements=true"})
@ActiveProfiles({"test", "mysql"})
class PtpImportMariaDbBenchmark {
    @Autowired ReferenceImportService imports;
    @Autowired JdbcTemplate jdbc;

    @Test
    void importsAMultiMillionRowPtpReleaseInMinutesWithFlatMemory() throws Exception {
        int rows = Integer.getInteger("bench.ptpRows", 3_000_000);
        jdbc.update("DELETE FROM ncci_ptp");
        Path dir = Files.createTempDirectory("ptp-bench");
        Path file = SyntheticReference.ptpFile(dir, SyntheticReference.procedureCodes(12_000), rows);
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        System.gc();
        long before = mem.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(before);
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(mem.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        long t0 = System.nanoTime();
        ImportReport first = imports.importFile(ImportKind.NCCI_PTP_PRACTITIONER, file.getFileName().toString(), file, ImportOptions.none(), "bench");
        long t1 = System.nanoTime();
        ImportReport again = imports.importFile(ImportKind.NCCI_PTP_PRACTITIONER, file.getFileName().toString(), file, ImportOptions.none(), "bench");
        long t2 = System.nanoTime();
        sampler.interrupt();
        assertThat(first.errors()).isEmpty();
        assertThat(again.status()).isEqualTo(ImportReport.UNCHANGED);
        String db = jdbc.queryForObject("SELECT VERSION()", String.class);
        BenchmarkReport.line(String.format(Locale.ROOT, "PTP import into MariaDB %s: %,d rows (%.0f MB file) in %.1f s (%,.0f rows/s); re-import (all unchanged) %.1f s",
                db, first.inserted(), Files.size(file) / 1e6, (t1 - t0) / 1e9, first.inserted() / ((t1 - t0) / 1e9), (t2 - t1) / 1e9));
        BenchmarkReport.line(String.format(Locale.ROOT, "  heap used before %d MB, peak during both imports %d MB (max heap %d MB)",
                before / 1_000_000, peak.get() / 1_000_000, mem.getHeapMemoryUsage().getMax() / 1_000_000));
        Files.deleteIfExists(file);
    }
}
