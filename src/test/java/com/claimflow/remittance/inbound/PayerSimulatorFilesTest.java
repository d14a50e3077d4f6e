package com.claimflow.remittance.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.claim.ClaimService;
import com.claimflow.coding.AuditSampling;
import com.claimflow.demo.DemoReferenceData;
import com.claimflow.demo.DemoUsers;
import com.claimflow.intake.Encounter;
import com.claimflow.intake.EncounterService;
import com.claimflow.simulator.PayerSimulator;
import com.claimflow.submission.OutboxMessage;
import com.claimflow.submission.SubmissionService;
import com.claimflow.support.Encounters;
import com.claimflow.support.ProcessDriver;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** The demo payer answers in real 999, 277CA and 835 files that go through the inbound path and its readers. */
@SpringBootTest(properties = {"claimflow.payer-simulator.enabled=true", "claimflow.payer-simulator.ack-delay=PT0S",
        "claimflow.payer-simulator.remittance-delay=PT0S", "claimflow.payer-simulator.poll-millis=3600000",
        "claimflow.edi.store=target/edi-test/simulator", "claimflow.clearinghouse.inbox-poll=false"})
@ActiveProfiles("test")
class PayerSimulatorFilesTest {
    @Autowired EncounterService encounters;
    @Autowired ClaimService claims;
    @Autowired SubmissionService submissions;
    @Autowired ProcessDriver driver;
    @Autowired DemoReferenceData reference;
    @Autowired DemoUsers users;
    @Autowired PayerSimulator payer;
    @Autowired JdbcTemplate jdbc;
    @MockitoBean AuditSampling sampling;

    @BeforeEach
    void setUp() {
        Mockito.when(sampling.draw()).thenReturn(0.5);
        reference.load();
        users.load();
    }

    @Test
    void everyAnswerIsAnX12FileReadByTheRealReaders() {
        for (int i = 0; i < 6; i++) {
            Encounter e = encounters.open(Encounters.visit().request());
            driver.runJobs();
            driver.code(e.id(), "I10", "99213 1 1");
        }
        for (int round = 0; round < 8; round++) {
            for (Long id : submissions.pending(100)) submissions.handOff(id);
            payer.answerDue(Instant.now().plusSeconds(1));
            driver.runJobs();
        }
        List<Map<String, Object>> files = jdbc.queryForList(
                "select transaction_type, status, count(*) n from edi_inbound_file where received_from = 'SIMULATOR' group by transaction_type, status");
        assertThat(files).extracting(m -> m.get("TRANSACTION_TYPE") + " " + m.get("STATUS")).contains("999 PROCESSED", "277CA PROCESSED", "835 PROCESSED");
        assertThat(files).allSatisfy(m -> assertThat(m.get("STATUS")).isEqualTo("PROCESSED"));
        assertThat(jdbc.queryForObject("select count(*) from payer_simulation where done = false and attempts > 0", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from payment_posting where source_ref like '835:SIM%'", Long.class)).isPositive();
        assertThat(submissions.pending(100)).isEmpty();
        assertThat(jdbc.queryForList("select status from claim", String.class)).doesNotContain("SUBMITTED");
        assertThat(OutboxMessage.Status.SENT).isNotNull();
    }
}
