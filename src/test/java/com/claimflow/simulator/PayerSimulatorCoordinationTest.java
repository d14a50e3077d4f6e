package com.claimflow.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.claim.Claim;
import com.claimflow.claim.ClaimService;
import com.claimflow.claim.ClaimStatus;
import com.claimflow.coding.AuditSampling;
import com.claimflow.demo.DemoReferenceData;
import com.claimflow.demo.DemoUsers;
import com.claimflow.intake.Encounter;
import com.claimflow.intake.EncounterRequest;
import com.claimflow.intake.EncounterService;
import com.claimflow.intake.Subscriber;
import com.claimflow.remittance.AccountService;
import com.claimflow.remittance.RemittanceService;
import com.claimflow.submission.SubmissionService;
import com.claimflow.support.Encounters;
import com.claimflow.support.ProcessDriver;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The demo payer answers coordination of benefits in real files through the inbound path: Medicare forwards a
 * supplemental claim itself (CLP02 19, MA18) and the supplemental payer's 835 follows under Medicare's claim number;
 * a commercial primary pays with a patient share, the secondary claim goes out and its payer pays 80% of the share.
 */
@SpringBootTest(properties = {"claimflow.payer-simulator.enabled=true", "claimflow.payer-simulator.inquiry-delay=PT0S",
        "claimflow.payer-simulator.ack-delay=PT0S", "claimflow.payer-simulator.remittance-delay=PT0S", "claimflow.payer-simulator.poll-millis=3600000",
        "claimflow.edi.store=target/edi-test/simulator-cob", "claimflow.clearinghouse.inbox-poll=false"})
@ActiveProfiles("test")
class PayerSimulatorCoordinationTest {
    private static final EncounterRequest.Address HOME = new EncounterRequest.Address("5 Oak Avenue", null, "Columbus", "OH", "43215");

    @Autowired EncounterService encounters;
    @Autowired ClaimService claims;
    @Autowired RemittanceService remittances;
    @Autowired SubmissionService submissions;
    @Autowired AccountService account;
    @Autowired ProcessDriver driver;
    @Autowired DemoReferenceData reference;
    @Autowired DemoUsers users;
    @Autowired PayerSimulator payer;
    @MockitoBean AuditSampling sampling;

    @BeforeEach
    void setUp() {
        Mockito.when(sampling.draw()).thenReturn(0.5);
        reference.load();
        users.load();
    }

    /** Sends what is queued and lets the payer answer everything due, a few rounds (ack, remittance, the next payer). */
    private void playPayer() {
        for (int round = 0; round < 4; round++) {
            submissions.dispatch();
            payer.answerDue(Instant.now().plusSeconds(1));
            driver.runJobs();
        }
    }

    private Encounter open(EncounterRequest.Insurance... coverages) {
        Encounter e = encounters.open(Encounters.visit().livingAt("5 Oak Avenue", "Columbus", "OH", "43215").coverages(coverages).request());
        driver.runJobs();
        driver.code(e.id(), "I10", "99213 1 1\n36415 1 1");
        return e;
    }

    @Test
    void medicareForwardsTheSupplementalClaimAndTheSupplementalPayerAnswersIt() {
        Encounter e = open(new EncounterRequest.Insurance(1, "MCARE", "1EG4TE5MK73", null, "18", null),
                new EncounterRequest.Insurance(2, "AETNA", "W555000111", "MEDIGAP-F", "18", null));
        playPayer();

        Claim medicare = claims.versionsOf(e.id()).get(0);
        Claim supplemental = claims.latestFor(e.id()).orElseThrow();
        assertThat(medicare.payerId()).isEqualTo("MCARE");
        assertThat(remittances.postingsFor(medicare.id())).singleElement().satisfies(p -> assertThat(p.isForwarded()).isTrue());
        assertThat(supplemental.payerId()).isEqualTo("AETNA");
        assertThat(supplemental.coverageOrder()).isEqualTo(2);
        assertThat(submissions.messagesFor(supplemental.id())).as("Medicare forwarded it: not sent again").isEmpty();
        BigDecimal share = medicare.totalCharge().multiply(new BigDecimal("0.20")).setScale(2, java.math.RoundingMode.HALF_UP);
        assertThat(remittances.postingsFor(supplemental.id())).singleElement().satisfies(p -> assertThat(p.getPaid())
                .isEqualByComparingTo(share.multiply(new BigDecimal("0.80")).setScale(2, java.math.RoundingMode.HALF_UP)));
        assertThat(claims.get(supplemental.id()).status()).isIn(ClaimStatus.PAID, ClaimStatus.PARTIALLY_PAID);
        assertThat(account.balance(e.id()).insurance()).isEqualByComparingTo("0.00");
    }

    @Test
    void theSpousesPlanIsBilledAfterThePrimaryAndPaysMostOfTheShare() {
        Encounter e = open(new EncounterRequest.Insurance(1, "BCBS", "XYZ123456780", null, "18", null),
                new EncounterRequest.Insurance(2, "AETNA", "W555000222", "GRP500", "01",
                        new Subscriber("Example", "Sam", LocalDate.of(1975, 3, 3), "M", HOME, "W555000222")));
        playPayer();

        Claim secondary = claims.latestFor(e.id()).orElseThrow();
        assertThat(secondary.coverageOrder()).isEqualTo(2);
        assertThat(submissions.messagesFor(secondary.id())).singleElement()
                .satisfies(m -> assertThat(m.getPayload()).contains("SBR*S*").contains("AMT*D*").contains("SVD*BCBS*"));
        assertThat(remittances.postingsFor(secondary.id())).hasSize(1);
        assertThat(account.balance(e.id()).insurance()).isEqualByComparingTo("0.00");
        assertThat(account.balance(e.id()).patient()).isPositive();
    }
}
