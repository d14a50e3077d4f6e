package com.claimflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.when;

import com.claimflow.claim.ClaimService;
import com.claimflow.claim.ClaimStatus;
import com.claimflow.coding.AuditSampling;
import com.claimflow.coding.CodingProcess;
import com.claimflow.demo.DemoReferenceData;
import com.claimflow.demo.DemoUsers;
import com.claimflow.identity.Worker;
import com.claimflow.intake.Encounter;
import com.claimflow.intake.EncounterProcess;
import com.claimflow.intake.EncounterService;
import com.claimflow.scrub.ScrubService;
import com.claimflow.submission.SubmissionService;
import com.claimflow.support.Encounters;
import com.claimflow.support.ProcessDriver;
import com.claimflow.workqueue.WorkItem;
import com.claimflow.workqueue.WorkQueueService;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * Decision 0015: service tasks that work only in this database join the boundary before them. What a user relies on:
 * with eligibility inquiries off the coder's task is there when the open returns, and a step that fails after a
 * person's completion loses neither that completion nor anything else, and runs again whole.
 */
@SpringBootTest
@ActiveProfiles("test")
class JoinedStepsProcessTest {
    @Autowired EncounterService encounters;
    @Autowired WorkQueueService queues;
    @Autowired ProcessDriver driver;
    @Autowired ManagementService management;
    @Autowired HistoryService history;
    @Autowired ClaimService claims;
    @Autowired SubmissionService submissions;
    @Autowired DemoReferenceData reference;
    @Autowired DemoUsers users;
    @MockitoSpyBean ScrubService scrubber;
    @MockitoBean AuditSampling sampling;

    @BeforeEach
    void setUp() {
        reference.load();
        users.load();
        when(sampling.draw()).thenReturn(0.99);   // no coding audit: the coder's completion goes straight on to the claim
    }

    @Test
    void theCodersTaskIsOpenWhenTheOpenReturnsWithNoJobLeftBehind() {
        Encounter e = encounters.open(Encounters.visit().request());

        assertThat(driver.openTaskTypes(e.id())).containsExactly(CodingProcess.CODE_ENCOUNTER_TASK);
        assertThat(asyncJobsOf(e)).as("intake ran in the opening transaction").isEmpty();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(subProcess(e, "intake"))
                .activityId("CheckEligibility").finished().count()).isEqualTo(1);
    }

    @Test
    void anEligibilityProblemFoundAtOpenIsABillersTaskAtOnce() {
        Encounter e = encounters.open(Encounters.visit().memberId(null).request());

        assertThat(driver.openTaskTypes(e.id())).containsExactly(EncounterProcess.RESOLVE_ELIGIBILITY_TASK);
        assertThat(driver.task(e.id(), EncounterProcess.RESOLVE_ELIGIBILITY_TASK).queue()).isEqualTo("billers");
    }

    @Test
    void aFailingScrubUndoesTheClaimKeepsTheCodingAndRunsAgainWhole() {
        Encounter e = encounters.open(Encounters.visit().request());
        WorkItem coding = driver.task(e.id(), CodingProcess.CODE_ENCOUNTER_TASK);
        queues.complete(coding.taskId(), Map.of("diagnosisCodes", "I10", "procedureLines", "99213 1 1", CodingProcess.QUERY_PROVIDER, false),
                new Worker("carla", Set.of("coders")));

        doThrow(new IllegalStateException("scrub edits unavailable")).doCallRealMethod().when(scrubber).scrub(anyLong());
        Job afterCoding = single(asyncJobsOf(e));
        assertThatThrownBy(() -> management.executeJob(afterCoding.getId())).hasStackTraceContaining("scrub edits unavailable");

        // the coder's completion stays committed; claim creation, scrubbing and submission are undone together
        assertThat(history.createHistoricTaskInstanceQuery().taskId(coding.taskId()).finished().count()).isEqualTo(1);
        assertThat(driver.openTaskTypes(e.id())).isEmpty();
        assertThat(claims.latestFor(e.id())).isEmpty();
        Job retry = management.createJobQuery().jobId(afterCoding.getId()).singleResult();
        assertThat(retry.getRetries()).as("retried from the coder's completion, R5/PT5M").isEqualTo(4);
        assertThat(retry.getExceptionMessage()).contains("scrub edits unavailable");

        management.executeJob(retry.getId());
        var claim = claims.latestFor(e.id()).orElseThrow();
        assertThat(claim.status()).isEqualTo(ClaimStatus.SUBMITTED);
        assertThat(submissions.messagesFor(claim.id())).hasSize(1);
        assertThat(asyncJobsOf(e)).isEmpty();
    }

    private List<Job> asyncJobsOf(Encounter e) {
        return management.createJobQuery().messages().list().stream()
                .filter(j -> e.processInstanceId().equals(rootOf(j.getProcessInstanceId()))).toList();
    }

    private String rootOf(String processInstanceId) {
        return history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).singleResult().getRootProcessInstanceId();
    }

    private String subProcess(Encounter e, String key) {
        return history.createHistoricProcessInstanceQuery().superProcessInstanceId(e.processInstanceId()).processDefinitionKey(key)
                .singleResult().getId();
    }

    private static Job single(List<Job> jobs) {
        assertThat(jobs).hasSize(1);
        return jobs.get(0);
    }
}
