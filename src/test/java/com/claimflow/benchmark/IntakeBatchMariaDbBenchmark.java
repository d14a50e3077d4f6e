package com.claimflow.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.coding.CodingProcess;
import com.claimflow.demo.DemoReferenceData;
import com.claimflow.inbound.batch.BatchStatus;
import com.claimflow.inbound.batch.IntakeBatches;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Batch intake on MariaDB (issue #16: at least 500 encounters a second opened to their first task), in a fresh database
 * {@code claimflow_bench_intake}, with the job executor on as the product runs. Side by side in the same run, on the same
 * engine, database and threads: the bare engine starting a start-to-user-task process the same number of times, in the
 * same chunks, which is the yardstick (the shared bare Camunda measured 504 instances/s on this kind of machine).
 * Reported: rows/s until every row is answered (encounter stored, process started, message kept, audited) and until
 * every encounter has its first task (the coder's), and the ratio to the bare starts.
 * Run: {@code mvn -o test -Dtest=IntakeBatchMariaDbBenchmark -Dbench.intake.rows=10000} (CI runs a short one: 1,000 rows).
 */
@SpringBootTest(properties = { "claimflow.test.context=benchmark-intake", "camunda.bpm.job-execution.enabled=true" })
@ActiveProfiles({ "test", "mysql" })
class IntakeBatchMariaDbBenchmark {
    private static final String BARE = "bench-bare-start";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws Exception {
        FreshBenchDatabase.use("claimflow_bench_intake", registry);
        registry.add("spring.datasource.url", () -> FreshBenchDatabase.SERVER + "claimflow_bench_intake" + FreshBenchDatabase.OPTIONS
                + "&queryInterceptors=" + StatementCounter.class.getName());
    }

    @Autowired IntakeBatches batches;
    @Autowired DemoReferenceData reference;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired JdbcTemplate jdbc;
    @Autowired PlatformTransactionManager transactions;

    @Test
    void opensABatchToTheFirstTaskBesideTheBareEngine() throws Exception {
        int rows = Integer.getInteger("bench.intake.rows", 5_000);
        // as many rows again first: with 500, C2 still took a quarter of the two cores through the measured batch
        int warmup = Integer.getInteger("bench.intake.warmup", rows);
        StatementCounter.byText = true; // a parallel lifecycle run in the same JVM turns it off
        reference.load();
        repository.createDeployment().addModelInstance(BARE + ".bpmn", Bpmn.createExecutableProcess(BARE).camundaHistoryTimeToLive(30).startEvent()
                .userTask("work").endEvent().done()).deploy();

        // warm-up of both paths (JIT, connection pool, caches), not measured
        bare(warmup);
        runBatch("warmup", 0, warmup);

        Map<String, Long> q0 = StatementCounter.snapshot();
        long[] s0 = counters();
        long b0 = System.nanoTime();
        bare(rows);
        double bareSeconds = (System.nanoTime() - b0) / 1e9;
        long[] s1 = counters();
        Map<String, Long> q1 = StatementCounter.snapshot();

        long tasksBefore = codingTasks();
        long t0 = System.nanoTime();
        BatchStatus done = runBatch("bench", 1_000_000, rows);
        double openSeconds = (System.nanoTime() - t0) / 1e9;
        while (codingTasks() - tasksBefore < rows) Thread.sleep(250);
        double taskSeconds = (System.nanoTime() - t0) / 1e9;
        long[] s2 = counters();
        Map<String, Long> q2 = StatementCounter.snapshot();
        assertThat(done.opened()).isEqualTo(rows);

        double bareRate = rows / bareSeconds;
        double openRate = rows / openSeconds;
        double taskRate = rows / taskSeconds;
        String db = jdbc.queryForObject("SELECT VERSION()", String.class);
        BenchmarkReport.line(String.format(Locale.ROOT, "Batch intake on MariaDB %s, %,d CSV rows after %,d of warm-up, %d workers x %d rows a transaction, "
                + "job executor on:", db, rows, warmup, 2, 25));
        BenchmarkReport.line(String.format(Locale.ROOT, "  bare engine, start to user task, same chunks and threads: %,.0f instances/s", bareRate));
        BenchmarkReport.line(String.format(Locale.ROOT, "  batch rows answered (encounter, process, message, audit): %,.0f rows/s (%.2fx the bare starts' time)",
                openRate, bareRate / openRate));
        BenchmarkReport.line(String.format(Locale.ROOT, "  every encounter at its first task (the coder's): %,.0f encounters/s (%.2fx)", taskRate,
                bareRate / taskRate));
        BenchmarkReport.line(String.format(Locale.ROOT, "  MariaDB global status (every client of the server; compare only on a quiet server): per instance, "
                        + "bare %.1f statements, %.2f commits; per encounter to its first task %.1f statements, %.2f commits",
                per(s1, s0, 0, rows), per(s1, s0, 1, rows), per(s2, s1, 0, rows), per(s2, s1, 1, rows)));
        BenchmarkReport.line(String.format(Locale.ROOT, "  CPU ms per instance, bare: JVM %.2f (JIT off), mariadbd %.2f; per encounter to its first task: "
                        + "JVM %.2f (%.2fx), mariadbd %.2f (%.2fx)", millisPer(s1, s0, 2, rows), millisPer(s1, s0, 3, rows), millisPer(s2, s1, 2, rows),
                millisPer(s2, s1, 2, rows) / millisPer(s1, s0, 2, rows), millisPer(s2, s1, 3, rows), millisPer(s2, s1, 3, rows) / millisPer(s1, s0, 3, rows)));
        double bareStatements = (StatementCounter.total(q1) - StatementCounter.total(q0)) / (double) rows;
        double statements = (StatementCounter.total(q2) - StatementCounter.total(q1)) / (double) rows;
        BenchmarkReport.line(String.format(Locale.ROOT, "  statements this JVM sent, per instance: bare %.1f (%.2f commits), per encounter to its first task %.1f "
                        + "(%.2f commits): %.2fx", bareStatements, (StatementCounter.matching(q1, "commit") - StatementCounter.matching(q0, "commit")) / (double) rows,
                statements, (StatementCounter.matching(q2, "commit") - StatementCounter.matching(q1, "commit")) / (double) rows, statements / bareStatements));
        BenchmarkReport.line("  the encounter's statements by shape (per encounter):");
        StatementCounter.top(q1, q2, 40, rows).forEach(l -> BenchmarkReport.line("    " + l));
        BenchmarkReport.line(String.format(Locale.ROOT, "  load average during the run: %s", java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip()));
    }

    private BatchStatus runBatch(String prefix, int offset, int rows) throws InterruptedException {
        StringBuilder csv = new StringBuilder("external_id,first_name,last_name,birth_date,sex,date_of_service,place_of_service,billing_npi,"
                + "rendering_npi,payer_id,member_id,diagnoses,procedures\n");
        String dos = LocalDate.now().minusDays(3).toString();
        for (int i = 0; i < rows; i++) {
            csv.append(prefix).append('-').append(offset + i).append(",Robin,Bench").append(i % 97).append(",1980-02-29,F,").append(dos).append(",11,")
                    .append(DemoReferenceData.CLINIC_NPI).append(',').append(DemoReferenceData.DR_ADAMS_NPI).append(",BCBS,XYZ123456789,I10 E119,")
                    .append("\"99213 25 1 1,2;36415\"\n");
        }
        long id = batches.submit(prefix + ".csv", "bench", csv.toString()).id();
        BatchStatus s;
        while ((s = batches.status(id)).running()) Thread.sleep(250);
        return s;
    }

    /** The bare engine's share: {@code n} starts, 25 to a transaction, on two threads. */
    private void bare(int n) throws Exception {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> chunks = new ArrayList<>();
        for (int start = 0; start < n; start += 25) {
            int size = Math.min(25, n - start);
            chunks.add(pool.submit(() -> tx.executeWithoutResult(s -> {
                for (int i = 0; i < size; i++) runtime.startProcessInstanceByKey(BARE);
            })));
        }
        for (Future<?> f : chunks) f.get();
        pool.shutdown();
    }

    /**
     * MariaDB's global statements and commits so far (the status queries themselves are a few statements), this JVM's CPU
     * time less its JIT compiler threads', and mariadbd's CPU time, in nanoseconds: what a window cost whatever the
     * machine's speed at the time, which moves the rates by a third between runs on this kind of machine.
     */
    private long[] counters() {
        long[] c = new long[4];
        jdbc.query("SHOW GLOBAL STATUS WHERE Variable_name IN ('Questions', 'Com_commit')", rs -> {
            c[rs.getString(1).equals("Questions") ? 0 : 1] = rs.getLong(2);
        });
        c[2] = WorkQueueBenchmark.jvmCpuNanos() - LifecycleMeter.jitMillis() * 1_000_000L;
        c[3] = WorkQueueBenchmark.databaseCpuNanos();
        return c;
    }

    private static double millisPer(long[] after, long[] before, int i, int n) {
        return (after[i] - before[i]) / 1e6 / n;
    }

    private static double per(long[] after, long[] before, int i, int n) {
        return (after[i] - before[i]) / (double) n;
    }

    private long codingTasks() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_TASK WHERE TASK_DEF_KEY_ = ?", Long.class, CodingProcess.CODE_ENCOUNTER_TASK);
    }
}
