package com.claimflow.benchmark;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.test.context.ActiveProfiles;

/**
 * The demo encounter mix on MariaDB the way the product runs: the job executor on (its threads run the async continuations)
 * and {@code bench.workers} (4) people and payers driving encounters at once, each waiting for the job executor after its
 * step. Reports encounters/s; the per-step figures to compare with the bare engine are the one-thread run's
 * ({@link RevenueCycleMySqlBenchmark}). A driver looks at the database for its encounter's jobs only after the job executor
 * has finished a batch of jobs ({@link JobsDone}), as the bare engine's drivers wait on a queue in memory. See
 * docs/benchmarks.md.
 */
@SpringBootTest(properties = {"camunda.bpm.job-execution.enabled=true"})
@ActiveProfiles({"test", "mysql"})
@Import(RevenueCycleParallelMySqlBenchmark.SignalJobsDone.class)
class RevenueCycleParallelMySqlBenchmark extends RevenueCycleMySqlBenchmark {
    /** The job executor's thread pool tells {@link JobsDone} when it has run a batch of jobs (their transactions committed). */
    @TestConfiguration(proxyBeanMethods = false)
    static class SignalJobsDone {
        @Bean
        static BeanPostProcessor jobsDoneSignal() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessBeforeInitialization(Object bean, String name) {
                    if (bean instanceof ThreadPoolTaskExecutor pool && name.equals("camundaTaskExecutor")) {
                        pool.setTaskDecorator(run -> () -> {
                            try {
                                run.run();
                            } finally {
                                JobsDone.signal();
                            }
                        });
                    }
                    return bean;
                }
            };
        }
    }

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

    @Override
    void awaitJobs(long seen) {
        JobsDone.await(seen, 50);
    }

    @Override
    long jobsDone() {
        long done = JobsDone.count();
        // the pool tells of every batch once the job executor has run one: without it each look would wait 50 ms
        if (done == 0 && looks.get() > 100) {
            throw new AssertionError("the job executor's pool (camundaTaskExecutor) does not tell JobsDone of its batches");
        }
        return done;
    }
}
