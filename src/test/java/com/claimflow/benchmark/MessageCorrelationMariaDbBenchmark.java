package com.claimflow.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.base.EngineTableIndexes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * How a payer's message finds its process when many wait: the query Camunda's correlation sends for
 * {@code processInstanceVariableEquals("claimId", id)} and a message name (an execution query with the same two criteria),
 * with {@code bench.correlation.waiting} (300,000) processes waiting, a third of them for {@code RemittancePosted}, ten
 * variables each: with {@link EngineTableIndexes#VARIABLE_NAME_LONG} and, in the same run, without it (Camunda's schema
 * as shipped). Database {@code claimflow_bench_corr}, made anew.
 * Run: {@code mvn -o test -Dtest=MessageCorrelationMariaDbBenchmark} (about three minutes; CI: {@code -Dbench.correlation.waiting=30000}).
 */
@SpringBootTest(properties = "claimflow.test.context=benchmark-correlation")
@ActiveProfiles({"test", "mysql"})
class MessageCorrelationMariaDbBenchmark {
    private static final String MESSAGE = "RemittancePosted";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws Exception {
        FreshBenchDatabase.use("claimflow_bench_corr", registry);
    }

    @Autowired RuntimeService runtime;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aMessageFindsItsProcessByTheClaimIdWithoutWalkingEveryWaitingOne() {
        int waiting = Integer.getInteger("bench.correlation.waiting", 300_000);
        int rounds = Integer.getInteger("bench.correlation.rounds", 40);
        String definition = jdbc.queryForObject("SELECT ID_ FROM ACT_RE_PROCDEF WHERE KEY_ = 'adjudication' ORDER BY VERSION_ DESC LIMIT 1", String.class);
        for (int from = 1; from <= waiting; from += 50_000) {
            String seq = "seq_" + from + "_to_" + Math.min(waiting, from + 49_999);
            jdbc.update("INSERT INTO ACT_RU_EXECUTION (ID_, REV_, ROOT_PROC_INST_ID_, PROC_INST_ID_, PROC_DEF_ID_, IS_ACTIVE_, IS_CONCURRENT_, "
                    + "IS_SCOPE_, IS_EVENT_SCOPE_, SUSPENSION_STATE_, SEQUENCE_COUNTER_) SELECT CONCAT('bench-e', seq), 1, CONCAT('bench-e', seq), "
                    + "CONCAT('bench-e', seq), ?, 1, 0, 1, 0, 1, 1 FROM " + seq, definition);
            jdbc.update("INSERT INTO ACT_RU_EVENT_SUBSCR (ID_, REV_, EVENT_TYPE_, EVENT_NAME_, EXECUTION_ID_, PROC_INST_ID_, ACTIVITY_ID_, CREATED_) "
                    + "SELECT CONCAT('bench-s', seq), 1, 'message', CASE seq MOD 3 WHEN 0 THEN ? WHEN 1 THEN 'CloseEncounter' ELSE 'AppealDecision' END, "
                    + "CONCAT('bench-e', seq), CONCAT('bench-e', seq), 'Wait', NOW() FROM " + seq, MESSAGE);
            // ten variables a process, as the stages' named in-mappings leave them: three numbers (claimId first), seven strings
            jdbc.update("INSERT INTO ACT_RU_VARIABLE (ID_, REV_, TYPE_, NAME_, EXECUTION_ID_, PROC_INST_ID_, LONG_, TEXT_, VAR_SCOPE_, "
                    + "SEQUENCE_COUNTER_, IS_CONCURRENT_LOCAL_) SELECT CONCAT('bench-v', e.seq, '-', n.seq), 1, IF(n.seq <= 3, 'long', 'string'), "
                    + "ELT(n.seq, 'claimId', 'encounterId', 'patientShare', 'payerId', 'status', 'queue', 'priority', 'npi', 'memberId', 'coder'), "
                    + "CONCAT('bench-e', e.seq), CONCAT('bench-e', e.seq), IF(n.seq <= 3, e.seq, NULL), IF(n.seq > 3, 'x', NULL), "
                    + "CONCAT('bench-e', e.seq), 1, 0 FROM " + seq + " e, seq_1_to_10 n");
        }
        jdbc.execute("ANALYZE TABLE ACT_RU_EXECUTION, ACT_RU_EVENT_SUBSCR, ACT_RU_VARIABLE");

        double[] with = measure(waiting, rounds);
        jdbc.execute("DROP INDEX " + EngineTableIndexes.VARIABLE_NAME_LONG.name() + " ON ACT_RU_VARIABLE");
        jdbc.execute("ANALYZE TABLE ACT_RU_VARIABLE");
        double[] without = measure(waiting, Math.max(3, rounds / 8));
        jdbc.execute("CREATE INDEX " + EngineTableIndexes.VARIABLE_NAME_LONG.name() + " ON ACT_RU_VARIABLE (NAME_, LONG_)");

        String db = jdbc.queryForObject("SELECT VERSION()", String.class);
        BenchmarkReport.line(String.format(Locale.ROOT, "message correlation by claimId, MariaDB %s, %,d processes waiting (%,d for %s), %,d variables: "
                        + "with %s p50 %.2f ms / max %.2f ms (%d); without it (Camunda's schema) p50 %.1f ms / max %.1f ms (%d): %.0fx",
                db, waiting, waiting / 3, MESSAGE, waiting * 10L, EngineTableIndexes.VARIABLE_NAME_LONG.name(), with[0], with[1], rounds,
                without[0], without[1], Math.max(3, rounds / 8), without[0] / with[0]));
        assertThat(with[0]).isLessThan(without[0]);
    }

    /** p50 and max ms of finding the one process waiting for the message whose claimId is a random one of those waiting for it. */
    private double[] measure(int waiting, int rounds) {
        SplittableRandom random = new SplittableRandom(7);
        List<Double> millis = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            long claimId = 3L * (1 + random.nextInt(waiting / 3)); // seq MOD 3 = 0 waits for RemittancePosted
            long t0 = System.nanoTime();
            var found = runtime.createExecutionQuery().messageEventSubscriptionName(MESSAGE).processVariableValueEquals("claimId", claimId).list();
            millis.add((System.nanoTime() - t0) / 1e6);
            assertThat(found).as("claim %d's process", claimId).singleElement().extracting(e -> e.getId()).isEqualTo("bench-e" + claimId);
        }
        Collections.sort(millis);
        return new double[] {millis.get(rounds / 2), millis.get(rounds - 1)};
    }
}
