package com.claimflow.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.base.EngineTableIndexes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AcquireJobsCmd;
import org.camunda.bpm.engine.impl.jobexecutor.AcquiredJobs;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The job executor's acquisition (Camunda's own {@link AcquireJobsCmd}, the query and the locking of what it finds) with
 * {@code bench.jobs.timers} (1,000,000) timers in {@code ACT_RU_JOB} that are not due yet, as a department's open tasks'
 * SLA timers and the payers' follow-up timers sit there, and three due continuations to find each round: with
 * {@link EngineTableIndexes#JOB_DUE_DATE} and, in the same run, without it (Camunda's schema as shipped). Reports the
 * time and mariadbd's CPU an acquisition and the ratio. Database {@code claimflow_bench_jobs}, made anew.
 * Run: {@code mvn -o test -Dtest=JobAcquisitionMariaDbBenchmark} (about two minutes; CI: {@code -Dbench.jobs.timers=100000}).
 */
@SpringBootTest(properties = "claimflow.test.context=benchmark-jobs")
@ActiveProfiles({"test", "mysql"})
class JobAcquisitionMariaDbBenchmark {
    private static final int DUE_EACH_ROUND = 3;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws Exception {
        FreshBenchDatabase.use("claimflow_bench_jobs", registry);
    }

    @Autowired ProcessEngine engine;
    @Autowired JdbcTemplate jdbc;

    @Test
    void acquisitionReadsTheDueJobsNotTheWholeTable() {
        int timers = Integer.getInteger("bench.jobs.timers", 1_000_000);
        int rounds = Integer.getInteger("bench.jobs.rounds", 20);
        // not due for 1 to 72 hours, two a process instance (a task's warning and escalation), exclusive, as the engine writes them
        for (int from = 1; from <= timers; from += 100_000) {
            jdbc.update("INSERT INTO ACT_RU_JOB (ID_, REV_, TYPE_, EXCLUSIVE_, EXECUTION_ID_, ROOT_PROC_INST_ID_, PROCESS_INSTANCE_ID_, "
                    + "PROCESS_DEF_ID_, PROCESS_DEF_KEY_, RETRIES_, DUEDATE_, HANDLER_TYPE_, HANDLER_CFG_, SUSPENSION_STATE_, PRIORITY_, "
                    + "SEQUENCE_COUNTER_, CREATE_TIME_) SELECT CONCAT('bench-timer-', seq), 1, 'timer', 1, CONCAT('bench-x-', seq), "
                    + "CONCAT('bench-r-', seq DIV 2), CONCAT('bench-p-', seq DIV 2), 'coding:1:bench', 'coding', 3, "
                    + "NOW() + INTERVAL (1 + seq MOD 72) HOUR, 'timer-intermediate-transition', 'SlaWarning', 1, 0, 1, NOW() "
                    + "FROM seq_" + from + "_to_" + Math.min(timers, from + 99_999));
        }
        jdbc.execute("ANALYZE TABLE ACT_RU_JOB");

        Cost with = measure(rounds);
        jdbc.execute("DROP INDEX " + EngineTableIndexes.JOB_DUE_DATE.name() + " ON ACT_RU_JOB");
        jdbc.execute("ANALYZE TABLE ACT_RU_JOB");
        Cost without = measure(Math.max(3, rounds / 4));
        jdbc.execute("CREATE INDEX " + EngineTableIndexes.JOB_DUE_DATE.name() + " ON ACT_RU_JOB (DUEDATE_)");

        String db = jdbc.queryForObject("SELECT VERSION()", String.class);
        BenchmarkReport.line(String.format(Locale.ROOT, "job acquisition, MariaDB %s, %,d timers not due and %d due continuations: "
                        + "with %s p50 %.2f ms / max %.2f ms, mariadbd CPU %.2f ms an acquisition (%d); without it (Camunda's schema) "
                        + "p50 %.1f ms / max %.1f ms, mariadbd CPU %.1f ms (%d): %.0fx the time, %.0fx the server's CPU",
                db, timers, DUE_EACH_ROUND, EngineTableIndexes.JOB_DUE_DATE.name(), with.p50(), with.max(), with.dbCpuMs(), with.n(),
                without.p50(), without.max(), without.dbCpuMs(), without.n(), without.p50() / with.p50(), without.dbCpuMs() / with.dbCpuMs()));
        assertThat(with.p50()).isLessThan(without.p50());
    }

    record Cost(int n, double p50, double max, double dbCpuMs) {
    }

    /** Rounds of: three due continuations written (no due date, as Camunda writes them), one acquisition timed, the three removed. */
    private Cost measure(int rounds) {
        ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        List<Double> millis = new ArrayList<>();
        long dbCpu = 0;
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < DUE_EACH_ROUND; i++) {
                jdbc.update("INSERT INTO ACT_RU_JOB (ID_, REV_, TYPE_, EXCLUSIVE_, EXECUTION_ID_, PROCESS_INSTANCE_ID_, RETRIES_, DUEDATE_, "
                        + "HANDLER_TYPE_, HANDLER_CFG_, SUSPENSION_STATE_, PRIORITY_, SEQUENCE_COUNTER_) VALUES (?, 1, 'message', 1, ?, ?, 3, NULL, "
                        + "'async-continuation', 'transition-create-scope', 1, 0, 1)", "bench-due-" + round + "-" + i, "bench-dx-" + round + "-" + i,
                        "bench-dp-" + round + "-" + i);
            }
            long db0 = WorkQueueBenchmark.databaseCpuNanos(), t0 = System.nanoTime();
            AcquiredJobs acquired = config.getCommandExecutorTxRequired().execute(new AcquireJobsCmd(config.getJobExecutor()));
            millis.add((System.nanoTime() - t0) / 1e6);
            dbCpu += WorkQueueBenchmark.databaseCpuNanos() - db0;
            assertThat(acquired.size()).as("the round's due continuations are found").isEqualTo(DUE_EACH_ROUND);
            jdbc.update("DELETE FROM ACT_RU_JOB WHERE ID_ LIKE 'bench-due-%'");
        }
        Collections.sort(millis);
        return new Cost(rounds, millis.get(rounds / 2), millis.get(rounds - 1), dbCpu / 1e6 / rounds);
    }
}
