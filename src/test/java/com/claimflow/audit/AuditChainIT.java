package com.claimflow.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.claimflow.audit.ChainProblem.Kind;
import com.claimflow.audit.internal.AppendOnlyTriggers;
import com.claimflow.audit.internal.AuditMac;
import com.claimflow.audit.internal.AuditSealer;
import com.claimflow.support.ApiTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The sealed audit chain on the test database (H2, or MariaDB with -Pmysql-it): writers, the sealer and the verify endpoint. */
class AuditChainIT extends ApiTestBase {
    @Autowired AuditService audit;
    @Autowired AuditSealer sealer;
    @Autowired AuditMac mac;
    @Autowired JdbcTemplate jdbc;
    @Autowired DataSource dataSource;
    @Autowired PlatformTransactionManager txManager;
    final ObjectMapper json = new ObjectMapper();

    @Test
    void rowsWrittenConcurrentlyFromSeveralThreadsAreAllSealedInOneContinuousChain() throws Exception {
        String actor = "it-" + UUID.randomUUID().toString().substring(0, 8);
        TransactionTemplate tx = new TransactionTemplate(txManager);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        try {
            for (int t = 0; t < 6; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 40; i++) {
                        int n = i;
                        tx.executeWithoutResult(s -> {
                            audit.record(actor, "VIEWED_ENCOUNTER", (long) n, "t" + thread, "api");
                            if (n % 10 == 9) s.setRollbackOnly(); // a rolled-back writer leaves an id gap, never a seq gap
                        });
                    }
                }));
            }
            // two sealers at once, as two nodes would run them
            for (int s = 0; s < 2; s++) {
                done.add(pool.submit((Callable<Integer>) () -> {
                    int sealed = 0;
                    for (int i = 0; i < 20; i++) sealed += Math.max(0, sealer.seal());
                    return sealed;
                }));
            }
            for (Future<?> f : done) f.get();
        } finally {
            pool.shutdown();
        }
        while (sealer.seal() > 0) {
            // until the last committed row is sealed
        }

        assertThat(jdbc.queryForObject("select count(*) from audit_event where actor = ?", Integer.class, actor)).isEqualTo(6 * 36);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where actor = ? and seq is null", Integer.class, actor)).isZero();
        Map<String, Object> seqs = jdbc.queryForMap("select count(*) n, min(seq) lo, max(seq) hi from audit_event where seq is not null");
        long headSeq = jdbc.queryForObject("select last_seq from audit_seal where id = 1", Long.class);
        assertThat(((Number) seqs.get("lo")).longValue()).isEqualTo(1);
        assertThat(((Number) seqs.get("hi")).longValue()).isEqualTo(headSeq);
        assertThat(((Number) seqs.get("n")).longValue()).isEqualTo(headSeq);
        ChainReport report = audit.verify();
        assertThat(report.problems()).isEmpty();
        assertThat(report.ok()).isTrue();
        assertThat(report.sealedRows()).isEqualTo(headSeq);
    }

    @Test
    void aRowChangedWithPlainSqlIsReportedByTheVerifyEndpointAsTheExactRow() throws Exception {
        String task = UUID.randomUUID().toString();
        audit.record("carla", "VIEWED_ENCOUNTER", 42L, task, "api");
        audit.record("carla", "COMPLETED", 42L, task, "CodeEncounter");
        sealer.seal();
        long id = audit.forTask(task).get(0).getId();
        long seq = audit.forTask(task).get(0).getSeq();
        assertThat(verifyAs("cora").path("ok").asBoolean()).isTrue();

        boolean triggers = onMySql();
        if (triggers) {
            assertThatThrownBy(() -> jdbc.update("update audit_event set actor = 'chen' where id = ?", id)).isInstanceOf(DataAccessException.class)
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> jdbc.update("delete from audit_event where id = ?", id)).isInstanceOf(DataAccessException.class)
                    .hasMessageContaining("append-only");
            // an owner of the schema can drop the triggers: the chain still tells
            AppendOnlyTriggers.TRIGGER_NAMES.forEach(name -> jdbc.execute("drop trigger " + name));
        }
        try {
            jdbc.update("update audit_event set actor = 'chen' where id = ?", id);

            JsonNode report = verifyAs("cora");

            assertThat(report.path("ok").asBoolean()).isFalse();
            assertThat(report.path("firstProblem").path("kind").asText()).isEqualTo(Kind.ALTERED.name());
            assertThat(report.path("firstProblem").path("id").asLong()).isEqualTo(id);
            assertThat(report.path("firstProblem").path("seq").asLong()).isEqualTo(seq);
            assertThat(report.path("problems")).hasSize(1);
        } finally {
            jdbc.update("update audit_event set actor = 'carla' where id = ?", id);
            if (triggers) {
                try (var connection = dataSource.getConnection()) {
                    AppendOnlyTriggers.ensure(connection);
                }
            }
        }
        assertThat(verifyAs("adam").path("ok").asBoolean()).isTrue();
    }

    @Test
    void complianceAndAdminsMayVerifyTheChainACoderMayNot() {
        assertThat(as("cora").getForEntity("/api/audit/verify", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(as("adam").getForEntity("/api/audit/verify", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(as("carla").getForEntity("/api/audit/verify", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("bella").getForEntity("/api/audit/verify", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("lena").getForEntity("/api/audit/verify", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.getForEntity("/api/audit/verify", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    /** The JDBC URL sends no fractional seconds (sendFractionalSeconds=false, for Camunda): the millisecond column keeps them. */
    @Test
    void anEventRecordedAtAKnownMillisecondIsReadBackExactlyAndVerifies() {
        String task = UUID.randomUUID().toString();
        Instant at = Instant.parse("2026-12-06T10:15:30.123Z");

        audit.recordAt(at, "carla", "CLAIMED_NEXT", 7L, task, "CodeEncounter");
        sealer.seal();

        AuditEvent event = audit.forTask(task).get(0);
        assertThat(event.getOccurredAt()).isEqualTo(at);
        assertThat(event.getSeq()).isNotNull();
        assertThat(jdbc.queryForObject("select occurred_at_ms from audit_event where id = ?", Long.class, event.getId())).isEqualTo(at.toEpochMilli());
        assertThat(audit.verify().problems()).isEmpty();
    }

    @Test
    void aRowWrittenBeforeTheChainIsSealedWithItsTime() {
        Instant at = Instant.parse("2026-11-30T08:00:05Z");
        String task = UUID.randomUUID().toString();
        // a row as V1 wrote it: no milliseconds column, no writer's MAC; the head counts it as written before V12
        jdbc.update("insert into audit_event (occurred_at, actor, action, encounter_id, task_id, detail) values (?, 'lena', 'RELEASED', 3, ?, 'old')",
                Timestamp.from(at), task);
        long id = jdbc.queryForObject("select id from audit_event where task_id = ?", Long.class, task);
        new TransactionTemplate(txManager).executeWithoutResult(s -> {
            Map<String, Object> head = jdbc.queryForMap("select last_seq, last_mac from audit_seal where id = 1 for update");
            long lastSeq = ((Number) head.get("last_seq")).longValue();
            String lastMac = (String) head.get("last_mac");
            jdbc.update("update audit_seal set legacy_max_id = ?, head_mac = ? where id = 1", id,
                    lastSeq == 0 && lastMac == null ? null : mac.head(lastSeq, lastMac, id));
        });

        sealer.seal();

        AuditEvent event = audit.forTask(task).get(0);
        assertThat(event.getSeq()).isNotNull();
        assertThat(event.getOccurredAt()).isEqualTo(at);
        assertThat(audit.verify().problems()).isEmpty();
    }

    private JsonNode verifyAs(String user) throws Exception {
        sealer.seal();
        ResponseEntity<String> response = as(user).getForEntity("/api/audit/verify", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return json.readTree(response.getBody());
    }

    private boolean onMySql() throws Exception {
        try (var connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            return product.contains("MySQL") || product.contains("MariaDB");
        }
    }
}
