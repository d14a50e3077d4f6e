package com.claimflow.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.claimflow.base.BadInputException;
import com.claimflow.identity.Worker;
import com.claimflow.intake.EncounterProcess;
import com.claimflow.remittance.RemittanceAdvice;
import com.claimflow.remittance.RemittanceService;
import com.claimflow.support.Encounters;
import com.claimflow.support.SubmissionTestBase;
import com.claimflow.workqueue.WorkItem;
import com.claimflow.workqueue.WorkQueueService;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A billing denial is corrected by editing the claim; the correction goes out as a replacement the payer can match. */
class ClaimCorrectionIT extends SubmissionTestBase {
    private static final Worker BELLA = new Worker("bella", Set.of("billers"));

    @Autowired RemittanceService payer;
    @Autowired WorkQueueService queues;

    /** A claim for 99213 that the payer accepted as PCN-<id> and then denied with CARC 16 (the billers' queue). */
    private Claim deniedForMissingInformation() {
        long encounterId = encounters.open(Encounters.visit().request()).id();
        driver.runJobs();
        driver.code(encounterId, "I10", "99213 1 1");
        Claim c = claims.latestFor(encounterId).orElseThrow();
        payer.acknowledge(c.id(), true, "PCN-" + c.id(), null);
        driver.runJobs();
        payer.post(new RemittanceAdvice("ERA-FIX-" + c.id(), c.id(), "PCN-" + c.id(), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                true, "CO", "16", "M51"));
        driver.runJobs();
        return claims.get(c.id());
    }

    private static List<String> segments(String file) {
        return Arrays.stream(file.split("~")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    @Test
    void aCorrectedClaimGoesOutAsAReplacementWithTheNewLineAndThePayersClaimNumber() {
        Claim denied = deniedForMissingInformation();
        WorkItem task = driver.task(denied.encounterId(), EncounterProcess.CORRECT_BILLING_DENIAL_TASK);

        queues.complete(task.taskId(), Map.of("lines", "99213 25 1 92.00 1\n36415 1 3.75 2", "diagnoses", "I10, E785",
                "memberId", denied.memberId(), "note", "venipuncture was left off; added with the lipid diagnosis"), BELLA);
        driver.runJobs();

        Claim replacement = claims.latestFor(denied.encounterId()).orElseThrow();
        assertThat(replacement.version()).isEqualTo(2);
        assertThat(replacement.frequencyCode()).isEqualTo("7");
        assertThat(replacement.status()).isEqualTo(ClaimStatus.SUBMITTED);
        assertThat(replacement.linesEditedBy()).isEqualTo("bella");
        assertThat(replacement.totalCharge()).isEqualByComparingTo("95.75");
        assertThat(claims.get(denied.id()).status()).isEqualTo(ClaimStatus.REPLACED);
        List<String> file = segments(submissions.latestPayload(replacement.id()).orElseThrow());
        assertThat(file).anySatisfy(s -> assertThat(s).startsWith("CLM*").endsWith("95.75***11:B:7*Y*A*Y*Y"))
                .contains("REF*F8*PCN-" + denied.id())
                .anySatisfy(s -> assertThat(s).startsWith("SV1*HC:99213:25*92*UN*1***1"))
                .anySatisfy(s -> assertThat(s).startsWith("SV1*HC:36415*3.75*UN*1***2"))
                .anySatisfy(s -> assertThat(s).startsWith("HI*ABK:I10*ABF:E785"));
    }

    @Test
    void anInvalidCodeIsRefusedNamingTheLineAndFieldAndNothingChanges() {
        Claim denied = deniedForMissingInformation();
        WorkItem task = driver.task(denied.encounterId(), EncounterProcess.CORRECT_BILLING_DENIAL_TASK);

        assertThatThrownBy(() -> queues.complete(task.taskId(), Map.of("lines", "99213 1 92.00 1\n9921X 1 3.75 1", "diagnoses", "I10",
                "memberId", "NEW-MEMBER-1", "note", "fixed"), BELLA))
                .isInstanceOfSatisfying(BadInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("lines[2].code");
                    assertThat(e.reason()).contains("9921X");
                });
        assertThatThrownBy(() -> queues.complete(task.taskId(), Map.of("lines", "99213 1 92.00 3", "diagnoses", "I10", "note", "fixed"), BELLA))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.field()).isEqualTo("lines[1].pointers"));

        assertThat(claims.versionsOf(denied.encounterId())).hasSize(1);
        assertThat(claims.get(denied.id()).status()).isEqualTo(ClaimStatus.DENIED);
        assertThat(encounters.get(denied.encounterId()).memberId()).isEqualTo(denied.memberId());
        assertThat(queues.get(task.taskId()).taskType()).isEqualTo(EncounterProcess.CORRECT_BILLING_DENIAL_TASK);
    }
}
