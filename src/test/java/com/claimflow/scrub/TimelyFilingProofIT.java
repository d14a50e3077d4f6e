package com.claimflow.scrub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.claimflow.base.BadInputException;
import com.claimflow.claim.Claim;
import com.claimflow.claim.ClaimStatus;
import com.claimflow.identity.Worker;
import com.claimflow.intake.EncounterProcess;
import com.claimflow.support.Encounters;
import com.claimflow.support.SubmissionTestBase;
import com.claimflow.workqueue.WorkItem;
import com.claimflow.workqueue.WorkQueueService;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A claim past timely filing cannot loop as "corrected": the biller records proof, which the 837 carries, or asks for a write-off. */
class TimelyFilingProofIT extends SubmissionTestBase {
    private static final Worker BELLA = new Worker("bella", Set.of("billers"));

    @Autowired WorkQueueService queues;
    @Autowired ScrubService scrub;

    @Test
    void pastTimelyFilingTheClaimGoesOutWithTheProofOnlyOnceItIsRecorded() {
        LocalDate service = LocalDate.now().minusDays(200); // BCBS allows 180 days
        long encounterId = encounters.open(Encounters.visit().on(service).request()).id();
        driver.runJobs();
        driver.code(encounterId, "I10", "99213 1 1");
        WorkItem fix = driver.task(encounterId, EncounterProcess.FIX_CLAIM_EDIT_TASK);
        Claim late = claims.latestFor(encounterId).orElseThrow();
        assertThat(scrub.latest(late.id()).orElseThrow().errors()).extracting(Finding::editId).containsExactly("TIMELY_FILING");

        assertThatThrownBy(() -> queues.complete(fix.taskId(), Map.of("claimEditResolution", "CORRECTED", "note", "resubmitting"), BELLA))
                .isInstanceOfSatisfying(BadInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("claimEditResolution");
                    assertThat(e.reason()).isEqualTo("past timely filing: record proof or ask for a write-off");
                });
        assertThatThrownBy(() -> queues.complete(fix.taskId(), Map.of("claimEditResolution", "PROOF_RECORDED",
                "originalSubmissionReference", "CH-ACK-4471", "delayReasonCode", "7", "note", "proof"), BELLA))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.field()).isEqualTo("originalSubmissionDate"));
        assertThatThrownBy(() -> queues.complete(fix.taskId(), Map.of("claimEditResolution", "PROOF_RECORDED", "originalSubmissionDate",
                service.plusDays(20).toString(), "originalSubmissionReference", "CH-ACK-4471", "delayReasonCode", "42", "note", "proof"), BELLA))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.field()).isEqualTo("delayReasonCode"));
        assertThat(claims.get(late.id()).timelyFilingProof()).isNull();
        assertThat(queues.get(fix.taskId()).taskType()).isEqualTo(EncounterProcess.FIX_CLAIM_EDIT_TASK);

        LocalDate firstSent = service.plusDays(20);
        queues.complete(fix.taskId(), Map.of("claimEditResolution", "PROOF_RECORDED", "originalSubmissionDate", firstSent.toString(),
                "originalSubmissionReference", "CH-ACK-4471", "delayReasonCode", "7", "note", "clearinghouse acceptance report on file"), BELLA);
        driver.runJobs();

        Claim sent = claims.get(late.id());
        assertThat(sent.status()).isEqualTo(ClaimStatus.SUBMITTED);
        assertThat(sent.timelyFilingProof()).isEqualTo(new Claim.TimelyFilingProof(firstSent, "CH-ACK-4471", "7"));
        String file = submissions.latestPayload(sent.id()).orElseThrow();
        assertThat(file).containsPattern("CLM\\*[^~]*\\*11:B:1\\*Y\\*A\\*Y\\*Y\\*{11}7~")
                .contains("NTE*ADD*TIMELY FILING PROOF ORIGINAL SUBMISSION " + firstSent.format(DateTimeFormatter.BASIC_ISO_DATE) + " REF CH-ACK-4471~");
    }
}
