package com.claimflow.submission;

import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.claim.ClaimService;
import com.claimflow.demo.DemoReferenceData;
import com.claimflow.demo.DemoUsers;
import com.claimflow.intake.Encounter;
import com.claimflow.intake.EncounterService;
import com.claimflow.support.Encounters;
import com.claimflow.support.ProcessDriver;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest(properties = {"claimflow.payer-simulator.enabled=true", "claimflow.payer-simulator.ack-delay=PT0S",
        "claimflow.payer-simulator.remittance-delay=PT0S", "claimflow.payer-simulator.poll-millis=3600000"})
@ActiveProfiles("test")
class ClaimSubmissionTest {
    @Autowired EncounterService encounters;
    @Autowired ClaimService claims;
    @Autowired SubmissionService submissions;
    @Autowired ProcessDriver driver;
    @Autowired TransactionTemplate tx;
    @Autowired DemoReferenceData reference;
    @Autowired DemoUsers users;
    @Autowired com.claimflow.simulator.PayerSimulator payer;
    @Autowired com.claimflow.remittance.AccountService account;
    @Value("${claimflow.clearinghouse.outbox:./data/clearinghouse/outbox}") Path outbox;

    @org.springframework.test.context.bean.override.mockito.MockitoBean com.claimflow.coding.AuditSampling sampling;

    @BeforeEach
    void setUp() {
        org.mockito.Mockito.when(sampling.draw()).thenReturn(0.5);
        reference.load();
        users.load();
    }

    @Test
    void aClaimVersionIsQueuedOnceAndHandedOffOnceEvenWhenAskedAgain() throws Exception {
        Encounter e = encounters.open(Encounters.visit().request());
        driver.runJobs();
        driver.code(e.getId(), "I10", "99213 1 1");
        long claimId = claims.latestFor(e.getId()).orElseThrow().getId();
        assertThat(submissions.messagesFor(claimId)).hasSize(1);

        // a retried submit step (e.g. after a crash before the engine committed) finds the queued message
        OutboxMessage again = tx.execute(s -> submissions.submit(claimId, false));
        assertThat(again.getAttempt()).isEqualTo(1);
        assertThat(submissions.messagesFor(claimId)).hasSize(1);

        long id = again.getId();
        assertThat(submissions.handOff(id)).isTrue();
        assertThat(submissions.handOff(id)).isFalse(); // a second dispatcher pass sends nothing
        Path file = outbox.resolve(again.handOffName() + ".x12");
        assertThat(file).exists();
        assertThat(Files.readString(file)).startsWith("ISA*").contains("CLM*CF" + claimId + "V1*").contains("SV1*HC:99213*");
    }

    @Test
    void thePayerSimulatorAnswersEveryHandedOffClaimThroughTheRealServices() {
        Encounter e = encounters.open(Encounters.visit().request());
        driver.runJobs();
        driver.code(e.getId(), "I10, E785", "99214 1 1,2");
        long claimId = claims.latestFor(e.getId()).orElseThrow().getId();
        submissions.handOff(submissions.messagesFor(claimId).get(0).getId());

        for (int round = 0; round < 6 && !java.util.List.of("CLOSED", "DENIAL", "COLLECTIONS").contains(encounters.stage(encounters.get(e.getId()))); round++) {
            payer.answerDue(java.time.Instant.now().plusSeconds(1));
            driver.runJobs();
            claims.latestFor(e.getId()).ifPresent(c -> submissions.messagesFor(c.getId()).stream()
                    .filter(m -> m.getStatus() == OutboxMessage.Status.PENDING).forEach(m -> submissions.handOff(m.getId())));
        }
        String stage = encounters.stage(encounters.get(e.getId()));
        var claim = claims.latestFor(e.getId()).orElseThrow();
        assertThat(stage).as("claim %s", claim.getStatus()).isIn("CLOSED", "DENIAL", "COLLECTIONS", "SUBMISSION");
        if (stage.equals("CLOSED")) assertThat(account.balance(e.getId()).isZero()).isTrue();
        if (stage.equals("DENIAL")) assertThat(claim.getStatus()).isEqualTo(com.claimflow.claim.ClaimStatus.DENIED);
        if (stage.equals("SUBMISSION")) assertThat(claim.getStatus()).isEqualTo(com.claimflow.claim.ClaimStatus.REJECTED);
        assertThat(claim.getStatus()).isNotEqualTo(com.claimflow.claim.ClaimStatus.SUBMITTED);
    }
}
