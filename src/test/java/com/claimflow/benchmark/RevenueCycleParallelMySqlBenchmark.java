package com.claimflow.benchmark;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The demo encounter mix on MariaDB the way the product runs: the job executor on (its threads run the async continuations)
 * and {@code bench.workers} (4) people and payers driving encounters at once, each waiting for the job executor after its
 * step. Reports encounters/s; its statement counts include the drivers' polling of ACT_RU_JOB, so the per-step figures to
 * compare with the bare engine are the one-thread run's ({@link RevenueCycleMySqlBenchmark}). See docs/benchmarks.md.
 */
@SpringBootTest(properties = {"camunda.bpm.job-execution.enabled=true"})
@ActiveProfiles({"test", "mysql"})
class RevenueCycleParallelMySqlBenchmark extends RevenueCycleMySqlBenchmark {
    @Override
    int measured() {
        return Integer.getInteger("bench.parallel.encounters", 400);
    }

    @Override
    int warmup() {
        return Integer.getInteger("bench.parallel.warmup", 200);
    }

    @Override
    int workers() {
        return Integer.getInteger("bench.workers", 4);
    }

    @Override
    String databaseName() {
        return "MySQL-parallel";
    }
}
