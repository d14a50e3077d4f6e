package com.claimflow.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.claim.Claim;
import com.claimflow.claim.ClaimService;
import com.claimflow.claimstatus.ClaimStatusCheck;
import com.claimflow.claimstatus.ClaimStatusInquiries;
import com.claimflow.coding.AuditSampling;
import com.claimflow.coding.CodingProcess;
import com.claimflow.demo.DemoReferenceData;
import com.claimflow.demo.DemoUsers;
import com.claimflow.eligibility.EligibilityInquiries;
import com.claimflow.intake.Encounter;
import com.claimflow.intake.EncounterProcess;
import com.claimflow.intake.EncounterService;
import com.claimflow.remittance.AdjudicationProcess;
import com.claimflow.remittance.RemittanceService;
import com.claimflow.support.Encounters;
import com.claimflow.support.ProcessDriver;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The demo payer answers 270s with 271s and 276s with 277s, as real X12 files through the inbound path, and the
 * processes move on them: the round trip the demo shows.
 */
@SpringBootTest(properties = {"claimflow.payer-simulator.enabled=true", "claimflow.payer-simulator.inquiry-delay=PT0S",
        "claimflow.payer-simulator.ack-delay=PT1H", "claimflow.payer-simulator.remittance-delay=PT1H", "claimflow.payer-simulator.poll-millis=3600000",
        "claimflow.edi.store=target/edi-test/simulator-inquiries", "claimflow.clearinghouse.inbox-poll=false",
        "claimflow.eligibility.inquiries=true", "claimflow.claim-status.inquiries=true"})
@ActiveProfiles("test")
class PayerSimulatorInquiriesTest {
    @Autowired EncounterService encounters;
    @Autowired ClaimService claims;
    @Autowired RemittanceService remittances;
    @Autowired EligibilityInquiries eligibility;
    @Autowired ClaimStatusInquiries claimStatus;
    @Autowired ProcessDriver driver;
    @Autowired DemoReferenceData reference;
    @Autowired DemoUsers users;
    @Autowired PayerSimulator payer;
    @Autowired ProcessEngine engine;
    @Autowired JdbcTemplate jdbc;
    @MockitoBean AuditSampling sampling;

    @BeforeEach
    void setUp() {
        Mockito.when(sampling.draw()).thenReturn(0.5);
        reference.load();
        users.load();
    }

    private Encounter open(String memberId) {
        Encounter e = encounters.open(Encounters.visit().memberId(memberId).request());
        driver.runJobs();
        return e;
    }

    private void answer() {
        payer.answerDue(Instant.now().plusSeconds(1));
        driver.runJobs();
    }

    @Test
    void theMemberIdsLastDigitsPickThe271() {
        assertThat(PayerSimulator.eligibilityAnswer("XYZ123456712")).containsExactly("ACTIVE", null);
        assertThat(PayerSimulator.eligibilityAnswer("XYZ123456791")).containsExactly("INACTIVE", null);
        assertThat(PayerSimulator.eligibilityAnswer("XYZ123456795")).containsExactly("REJECTED", "72");
        assertThat(PayerSimulator.eligibilityAnswer("XYZ123456797")).containsExactly("REJECTED", "73");
        assertThat(PayerSimulator.eligibilityAnswer("XYZ123456798")).containsExactly("REJECTED", "75");
        assertThat(PayerSimulator.eligibilityAnswer("XYZ123456799")).containsExactly("REJECTED", "58");
        assertThat(PayerSimulator.eligibilityAnswer("W12345678A")).containsExactly("ACTIVE", null);
    }

    @Test
    void eligibilityAndClaimStatusAnswersComeBackAsFilesAndMoveTheProcesses() {
        Encounter active = open("XYZ123456712");
        Encounter inactive = open("XYZ123456791");
        Encounter rejected = open("XYZ123456795");
        answer();

        assertThat(driver.openTaskTypes(active.id())).containsExactly(CodingProcess.CODE_ENCOUNTER_TASK);
        assertThat(driver.openTaskTypes(inactive.id())).containsExactly(EncounterProcess.RESOLVE_ELIGIBILITY_TASK);
        assertThat(driver.openTaskTypes(rejected.id())).containsExactly(EncounterProcess.RESOLVE_ELIGIBILITY_TASK);
        assertThat(eligibility.latest(active.id()).orElseThrow().plan()).isEqualTo("DEMO PPO");
        assertThat(eligibility.latest(inactive.id()).orElseThrow().status()).isEqualTo("INACTIVE");
        assertThat(eligibility.latest(rejected.id()).orElseThrow().reason()).contains("72 invalid/missing subscriber/insured id");

        driver.code(active.id(), "I10", "99213 1 1");
        Claim c = claims.latestFor(active.id()).orElseThrow();
        remittances.acknowledge(c.id(), true, "PCN-" + c.id(), null);
        driver.runJobs();
        String adjudication = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(AdjudicationProcess.PROCESS)
                .variableValueEquals("claimId", c.id()).singleResult().getId();
        var timer = engine.getManagementService().createJobQuery().timers().processInstanceId(adjudication).activityId("RemittanceOverdue").singleResult();
        engine.getManagementService().executeJob(timer.getId());
        driver.runJobs();
        answer();

        ClaimStatusCheck asked = claimStatus.forClaim(c.id()).get(0);
        assertThat(asked.status()).isEqualTo("ANSWERED");
        assertThat(asked.replies()).singleElement().satisfies(r -> assertThat(r.category()).isIn("P1", "F1", "A4"));
        String action = asked.replies().get(0).action();
        if (action.equals("WAIT")) assertThat(driver.openTaskTypes(active.id())).isEmpty();
        else assertThat(driver.openTaskTypes(active.id())).containsExactly(AdjudicationProcess.FOLLOW_UP_CLAIM_STATUS_TASK);

        List<Map<String, Object>> files = jdbc.queryForList(
                "select transaction_type, status from edi_inbound_file where received_from = 'SIMULATOR'");
        assertThat(files).extracting(m -> m.get("TRANSACTION_TYPE") + " " + m.get("STATUS")).containsOnly("271 PROCESSED", "277 PROCESSED")
                .contains("277 PROCESSED").hasSize(4);
        assertThat(jdbc.queryForObject("select count(*) from payer_simulation where done = false", Long.class)).isZero();
    }
}
