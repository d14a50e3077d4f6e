package com.claimflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.mockito.Mockito.when;

import com.claimflow.audit.AuditService;
import com.claimflow.base.BadInputException;
import com.claimflow.base.ConflictException;
import com.claimflow.claim.Claim;
import com.claimflow.workqueue.TaskVariables;
import com.claimflow.claim.ClaimService;
import com.claimflow.claim.ClaimStatus;
import com.claimflow.coding.AuditSampling;
import com.claimflow.coding.CodingProcess;
import com.claimflow.coding.ProviderQueries;
import com.claimflow.collections.CollectionsProcess;
import com.claimflow.collections.CloseKind;
import com.claimflow.collections.CloseReason;
import com.claimflow.collections.CollectionsService;
import com.claimflow.collections.EncounterClosing;
import com.claimflow.demo.DemoReferenceData;
import com.claimflow.demo.DemoUsers;
import com.claimflow.identity.Worker;
import com.claimflow.denial.AppealDecisions;
import com.claimflow.denial.DenialProcess;
import com.claimflow.denial.DenialService;
import com.claimflow.intake.Encounter;
import com.claimflow.intake.EncounterProcess;
import com.claimflow.intake.EncounterService;
import com.claimflow.reference.ReferenceService;
import com.claimflow.remittance.AccountService;
import com.claimflow.remittance.AdjudicationProcess;
import com.claimflow.remittance.RemittanceAdvice;
import com.claimflow.remittance.RemittanceService;
import com.claimflow.scrub.ScrubbingProcess;
import com.claimflow.submission.SubmissionProcess;
import com.claimflow.submission.SubmissionService;
import com.claimflow.support.Encounters;
import com.claimflow.support.ProcessDriver;
import com.claimflow.workqueue.Note;
import com.claimflow.workqueue.Notes;
import com.claimflow.workqueue.TaskPriority;
import com.claimflow.workqueue.WorkItem;
import com.claimflow.workqueue.WorkQueueService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * Every path of the revenue cycle through the real models, with the real delegates, services and database; the test
 * plays the payer (acknowledgements, remittances, appeal decisions) and the people (through the work queue).
 */
@SpringBootTest
@ActiveProfiles("test")
@Import(ProcessEngineCoverageConfiguration.class)
@TestExecutionListeners(value = ProcessEngineCoverageTestExecutionListener.class, mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class RevenueCycleProcessTest {
    @Autowired ProcessEngine engine;
    @Autowired ProcessDriver driver;
    @Autowired EncounterService encounters;
    @Autowired ClaimService claims;
    @Autowired RemittanceService payer;
    @Autowired DenialService denials;
    @Autowired CollectionsService collections;
    @Autowired AccountService account;
    @Autowired SubmissionService submissions;
    @Autowired TaskService tasks;
    @Autowired HistoryService history;
    @Autowired JdbcTemplate jdbc;
    @Autowired DemoReferenceData reference;
    @Autowired DemoUsers users;
    @Autowired WorkQueueService queues;
    @Autowired com.claimflow.scrub.ScrubService scrubber;
    @Autowired AuditService audit;
    @Autowired TaskPriority priority;
    @Autowired ReferenceService referenceData;
    @Autowired EncounterClosing closing;
    @Autowired ProviderQueries providerQueries;
    @Autowired AppealDecisions appealDecisions;
    @Autowired Notes notes;
    @MockitoBean AuditSampling sampling;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        reference.load();
        users.load();
        when(sampling.draw()).thenReturn(0.5);
    }

    private Encounter openAndCode(Encounters visit, String dx, String procedures) {
        Encounter e = encounters.open(visit.request());
        driver.runJobs();
        driver.code(e.id(), dx, procedures);
        return e;
    }

    private Claim claimOf(Encounter e) {
        return claims.latestFor(e.id()).orElseThrow();
    }

    private void accept(Encounter e) {
        Claim c = claimOf(e);
        payer.acknowledge(c.id(), true, "PCN-" + c.id(), null);
        driver.runJobs();
    }

    private void pay(Encounter e, int patientPercent) {
        Claim c = claimOf(e);
        BigDecimal charge = c.totalCharge();
        BigDecimal adjustment = charge.multiply(new BigDecimal("0.20")).setScale(2, java.math.RoundingMode.HALF_UP);
        BigDecimal patient = charge.multiply(BigDecimal.valueOf(patientPercent, 2)).setScale(2, java.math.RoundingMode.HALF_UP);
        payer.post(new RemittanceAdvice("ERA-" + c.id() + "-" + c.version(), c.id(), c.payerClaimNumber(),
                charge.subtract(adjustment).subtract(patient), adjustment, patient, false, "CO", "45", null));
        driver.runJobs();
    }

    private void deny(Encounter e, String carc) {
        Claim c = claimOf(e);
        payer.post(new RemittanceAdvice("ERA-D-" + c.id() + "-" + c.version(), c.id(), c.payerClaimNumber(),
                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, true, "CO", carc, null));
        driver.runJobs();
    }

    private boolean passed(Encounter e, String activityId) {
        return history.createHistoricActivityInstanceQuery().activityId(activityId).list().stream()
                .map(HistoricActivityInstance::getRootProcessInstanceId).anyMatch(e.processInstanceId()::equals);
    }

    private boolean ended(Encounter e) {
        return historyService().createHistoricProcessInstanceQuery().processInstanceId(e.processInstanceId()).finished().count() == 1;
    }

    @Test
    void cleanClaimIsPaidInFullAndTheEncounterCloses() {
        Encounter e = openAndCode(Encounters.visit(), "I10, E785", "99213 1 1,2\n36415 1 1");
        Claim claim = claimOf(e);
        assertThat(claim.status()).isEqualTo(ClaimStatus.SUBMITTED);
        assertThat(claim.totalCharge()).isEqualByComparingTo("118.75"); // (92 + 3) x 1.25, BCBS fee schedule
        assertThat(submissions.messagesFor(claim.id())).hasSize(1);

        accept(e);
        assertThat(claimOf(e).payerClaimNumber()).isEqualTo("PCN-" + claim.id());
        pay(e, 0);

        assertThat(ended(e)).isTrue();
        assertThat(passed(e, "PaidInFull")).isTrue();
        assertThat(account.balance(e.id()).isZero()).isTrue();
        assertThat(driver.openTaskTypes(e.id())).isEmpty();
    }

    @Test
    void scrubFailureOwnedByTheCoderIsFixedThenPaid() {
        Encounter e = encounters.open(Encounters.visit().request());
        driver.runJobs();
        WorkItem coding = driver.task(e.id(), CodingProcess.CODE_ENCOUNTER_TASK);
        // a coding whose line points at a diagnosis that is not there (as an imported coding can): the scrubber catches it
        tasks.complete(coding.taskId(), Map.of(CodingProcess.QUERY_PROVIDER, false, CodingProcess.CODED_BY, "carla", CodingProcess.CODER_NEW, false,
                CodingProcess.ESTIMATED_CHARGE, 100d, CodingProcess.AUDIT_DRAW, 0.5));
        jdbc.update("insert into coding (encounter_id, diagnosis_codes, coded_by, coded_at) values (?, 'I10', 'carla', current_timestamp)", e.id());
        Long codingId = jdbc.queryForObject("select id from coding where encounter_id = ?", Long.class, e.id());
        jdbc.update("insert into coding_line (coding_id, line_no, code, modifiers, units, pointers) values (?, 0, 'J1100', '', 1, '2')", codingId);
        driver.runJobs();

        WorkItem fix = driver.task(e.id(), CodingProcess.FIX_CODING_EDIT_TASK);
        assertThat(fix.queue()).isEqualTo("coders");
        driver.complete(e.id(), CodingProcess.FIX_CODING_EDIT_TASK, "carla", "coders",
                Map.of("diagnosisCodes", "I10", "procedureLines", "99213 1 1", "note", "pointer fixed, E/M coded"));

        assertThat(claimOf(e).status()).isEqualTo(ClaimStatus.SUBMITTED);
        assertThat(claimOf(e).lines()).extracting(l -> l.code()).containsExactly("99213");
        accept(e);
        pay(e, 0);
        assertThat(ended(e)).isTrue();
    }

    @Test
    void billingScrubFailureGoesToTheBillerQueue() {
        // UHC's fee schedule has no amount for 20610: the charge edit is the biller's
        Encounter e = openAndCode(Encounters.visit().payer("UHC", "123456789"), "M1711", "20610 RT 1 1");
        WorkItem fix = driver.task(e.id(), EncounterProcess.FIX_CLAIM_EDIT_TASK);
        assertThat(fix.queue()).isEqualTo("billers");
        jdbc.update("insert into fee_schedule_entry (payer_id, code, allowed_amount, valid_from) values ('UHC', '20610', 71.30, '2015-10-01')");
        try {
            driver.complete(e.id(), EncounterProcess.FIX_CLAIM_EDIT_TASK, "bella", "billers", Map.of("note", "fee schedule loaded"));
            assertThat(claimOf(e).status()).isEqualTo(ClaimStatus.SUBMITTED);
            assertThat(claimOf(e).totalCharge()).isEqualByComparingTo("71.30");
        } finally {
            jdbc.update("delete from fee_schedule_entry where payer_id = 'UHC' and code = '20610'");
        }
    }

    @Test
    void aDrugThePayerAuthorizesWaitsForTheAuthorizationNumberWhichTheClaimThenCarries() {
        Encounter e = openAndCode(Encounters.visit().payer("AETNA", "W123456789").referredBy(DemoReferenceData.DR_BAKER_NPI),
                "M1711", "99213 25 1 1\nJ1100 4 1");
        WorkItem fix = driver.task(e.id(), EncounterProcess.FIX_CLAIM_EDIT_TASK);
        assertThat(fix.queue()).isEqualTo("billers");
        assertThat(scrubber.latest(claimOf(e).id()).orElseThrow().errors()).extracting(f -> f.editId()).containsExactly("PAYER_PRIOR_AUTH");

        driver.complete(e.id(), EncounterProcess.FIX_CLAIM_EDIT_TASK, "bella", "billers",
                Map.of("priorAuthorization", "PA-778899", "note", "auth letter on file"));
        Claim claim = claimOf(e);
        assertThat(claim.status()).isEqualTo(ClaimStatus.SUBMITTED);
        assertThat(claim.priorAuthorization()).isEqualTo("PA-778899");
        assertThat(claim.referringNpi()).isEqualTo(DemoReferenceData.DR_BAKER_NPI);
        assertThat(submissions.messagesFor(claim.id()).get(0).getPayload()).contains("REF*G1*PA-778899~");
    }

    @Test
    void rejectedClaimIsFixedByABillerAndResent() {
        Encounter e = openAndCode(Encounters.visit(), "J069", "99213 1 1");
        Claim c = claimOf(e);
        payer.acknowledge(c.id(), false, null, "A7:164 member number invalid");
        driver.runJobs();
        assertThat(driver.task(e.id(), EncounterProcess.FIX_REJECTED_CLAIM_TASK).queue()).isEqualTo("billers");
        driver.complete(e.id(), EncounterProcess.FIX_REJECTED_CLAIM_TASK, "ben", "billers",
                Map.of("memberId", "XYZ999999999", "note", "member id corrected"));

        assertThat(submissions.messagesFor(c.id())).hasSize(2);
        assertThat(claimOf(e).memberId()).isEqualTo("XYZ999999999");
        accept(e);
        pay(e, 0);
        assertThat(ended(e)).isTrue();
    }

    @Test
    void medicalNecessityDenialIsAppealedAndOverturnedThenPaid() {
        Encounter e = openAndCode(Encounters.visit(), "R0789", "93000 1 1");
        accept(e);
        deny(e, "50");
        assertThat(driver.task(e.id(), DenialProcess.PREPARE_APPEAL_TASK).queue()).isEqualTo("billers");
        driver.complete(e.id(), DenialProcess.PREPARE_APPEAL_TASK, "bella", "billers",
                Map.of(DenialProcess.APPEAL_DECISION, "APPEAL", "note", "records attached"));
        assertThat(denials.current(claimOf(e).id()).getAppealLevel()).isEqualTo(1);

        denials.decideAppeal(claimOf(e).id(), true);
        driver.runJobs();
        pay(e, 0);
        assertThat(ended(e)).isTrue();
        assertThat(passed(e, "PaidInFull")).isTrue();
    }

    @Test
    void upheldDenialIsWrittenOffWithLeadApproval() {
        Encounter e = appealed();
        denials.decideAppeal(claimOf(e).id(), false);
        driver.runJobs();
        assertThat(driver.task(e.id(), DenialProcess.APPROVE_WRITE_OFF_TASK).queue()).isEqualTo("leads");
        driver.complete(e.id(), DenialProcess.APPROVE_WRITE_OFF_TASK, "lena", "leads",
                Map.of(DenialProcess.WRITE_OFF_APPROVED, true, "note", "not worth a second level"));

        assertThat(ended(e)).isTrue();
        assertThat(passed(e, "EncounterWrittenOff")).isTrue();
        assertThat(account.balance(e.id()).isZero()).isTrue();
    }

    @Test
    void codingDenialGoesToTheCoderAndAReplacementClaimIsSent() {
        Encounter e = openAndCode(Encounters.visit(), "I10", "99214 1 1");
        accept(e);
        Claim original = claimOf(e);
        deny(e, "11");
        assertThat(driver.task(e.id(), CodingProcess.CORRECT_CODING_DENIAL_TASK).queue()).isEqualTo("coders");
        driver.complete(e.id(), CodingProcess.CORRECT_CODING_DENIAL_TASK, "colin", "coders",
                Map.of("diagnosisCodes", "I10, E785", "procedureLines", "99214 1 1,2", "note", "added supporting diagnosis"));

        Claim replacement = claimOf(e);
        assertThat(replacement.version()).isEqualTo(2);
        assertThat(replacement.frequencyCode()).isEqualTo("7");
        assertThat(replacement.payerClaimNumber()).isEqualTo(original.payerClaimNumber());
        assertThat(claims.get(original.id()).status()).isEqualTo(ClaimStatus.REPLACED);
        accept(e);
        pay(e, 0);
        assertThat(ended(e)).isTrue();
    }

    @Test
    void patientBalanceIsCollectedAfterStatements() {
        Encounter e = openAndCode(Encounters.visit(), "E119", "99214 1 1");
        accept(e);
        pay(e, 20);
        BigDecimal owed = account.balance(e.id()).patient();
        assertThat(owed).isPositive();
        assertThat(collections.statements(e.id())).hasSize(1);

        driver.fireTimer("StatementCycle");
        assertThat(collections.statements(e.id())).hasSize(2);

        collections.postPatientPayment(e.id(), owed, "check 1001", "ben");
        driver.runJobs();
        assertThat(ended(e)).isTrue();
        assertThat(account.balance(e.id()).isZero()).isTrue();
    }

    @Test
    void unpaidPatientBalanceAfterThreeStatementsGoesToReviewAndAgency() {
        Encounter e = openAndCode(Encounters.visit(), "E119", "99214 1 1");
        accept(e);
        pay(e, 20);
        driver.fireTimer("StatementCycle");
        driver.fireTimer("StatementCycle");
        assertThat(collections.statements(e.id())).hasSize(3);
        driver.fireTimer("StatementCycle");
        assertThat(driver.task(e.id(), CollectionsProcess.REVIEW_COLLECTIONS_TASK).queue()).isEqualTo("billers");
        driver.complete(e.id(), CollectionsProcess.REVIEW_COLLECTIONS_TASK, "ben", "billers",
                Map.of(CollectionsProcess.COLLECTIONS_DECISION, "AGENCY"));
        assertThat(ended(e)).isTrue();
        assertThat(account.balance(e.id()).patient()).isZero();
    }

    @Test
    void missingMemberIdStopsAtEligibilityUntilABillerEntersIt() {
        Encounter e = encounters.open(Encounters.visit().memberId(null).request());
        driver.runJobs();
        assertThat(driver.task(e.id(), EncounterProcess.RESOLVE_ELIGIBILITY_TASK).queue()).isEqualTo("billers");
        driver.complete(e.id(), EncounterProcess.RESOLVE_ELIGIBILITY_TASK, "bella", "billers", Map.of("memberId", "XYZ555555555"));
        assertThat(driver.openTaskTypes(e.id())).containsExactly(CodingProcess.CODE_ENCOUNTER_TASK);
    }

    @Test
    void newCodersWorkIsAuditedBySomeoneElse() {
        Encounter e = encounters.open(Encounters.visit().request());
        driver.runJobs();
        driver.complete(e.id(), CodingProcess.CODE_ENCOUNTER_TASK, "colin", "coders",
                Map.of("diagnosisCodes", "I10", "procedureLines", "99213 1 1", CodingProcess.QUERY_PROVIDER, false));
        WorkItem audit = driver.task(e.id(), CodingProcess.AUDIT_CODING_TASK);
        assertThat(audit.queue()).isEqualTo("compliance");
        assertThat(audit.excludedUser()).isEqualTo("colin");
        driver.complete(e.id(), CodingProcess.AUDIT_CODING_TASK, "cora", "compliance", Map.of(CodingProcess.AUDIT_PASSED, true));
        assertThat(claimOf(e).status()).isEqualTo(ClaimStatus.SUBMITTED);
    }

    @Test
    void providerQueryWaitsForTheAnswerAndIsChasedWhenLate() {
        Encounter e = encounters.open(Encounters.visit().request());
        driver.runJobs();
        driver.complete(e.id(), CodingProcess.CODE_ENCOUNTER_TASK, "carla", "coders",
                Map.of(CodingProcess.QUERY_PROVIDER, true, "providerQuestion", "laterality?"));
        driver.fireTimer("ProviderQueryOverdue");
        driver.complete(e.id(), CodingProcess.CHASE_PROVIDER_QUERY_TASK, "carla", "coders", Map.of("note", "paged Dr Adams"));
        providerQueries.answer(e.id(), "left knee", new Worker("carla", Set.of("coders")));
        driver.runJobs();
        assertThat(driver.openTaskTypes(e.id())).containsExactly(CodingProcess.CODE_ENCOUNTER_TASK);
        assertThat(providerQueries.thread(e.id())).extracting(Note::kind, Note::text)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Note.Kind.PROVIDER_QUERY, "laterality?"),
                        org.assertj.core.groups.Tuple.tuple(Note.Kind.PROVIDER_ANSWER, "left knee"));
    }

    @Test
    void theProvidersAnswerRecordedOnTheChaseTaskSendsTheEncounterBackToCoding() {
        Encounter e = encounters.open(Encounters.visit().request());
        driver.runJobs();
        driver.complete(e.id(), CodingProcess.CODE_ENCOUNTER_TASK, "carla", "coders",
                Map.of(CodingProcess.QUERY_PROVIDER, true, "providerQuestion", "which knee?"));
        driver.fireTimer("ProviderQueryOverdue");
        assertThatThrownBy(() -> driver.complete(e.id(), CodingProcess.CHASE_PROVIDER_QUERY_TASK, "carla", "coders",
                Map.of(CodingProcess.PROVIDER_ANSWERED, true)))
                .isInstanceOfSatisfying(BadInputException.class, bad -> assertThat(bad.field()).isEqualTo("providerAnswer"));
        driver.complete(e.id(), CodingProcess.CHASE_PROVIDER_QUERY_TASK, "carla", "coders",
                Map.of(CodingProcess.PROVIDER_ANSWERED, true, "providerAnswer", "right knee, per the office"));
        assertThat(driver.openTaskTypes(e.id())).containsExactly(CodingProcess.CODE_ENCOUNTER_TASK);
        assertThat(providerQueries.thread(e.id())).extracting(Note::text).containsExactly("which knee?", "right knee, per the office");
    }

    @Test
    void aQueryNeedsItsQuestionAndAnAnswerNeedsAWaitingQuery() {
        Encounter e = encounters.open(Encounters.visit().request());
        driver.runJobs();
        Worker carla = new Worker("carla", Set.of("coders"));
        assertThatThrownBy(() -> providerQueries.answer(e.id(), "left knee", carla)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> driver.complete(e.id(), CodingProcess.CODE_ENCOUNTER_TASK, "carla", "coders",
                Map.of(CodingProcess.QUERY_PROVIDER, true)))
                .isInstanceOfSatisfying(BadInputException.class, bad -> assertThat(bad.field()).isEqualTo("providerQuestion"));
        assertThat(driver.openTaskTypes(e.id())).containsExactly(CodingProcess.CODE_ENCOUNTER_TASK);
        assertThat(providerQueries.thread(e.id())).isEmpty();
        assertThatThrownBy(() -> providerQueries.answer(e.id(), "left knee", new Worker("bella", Set.of("billers"))))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void slaTimersWarnThenEscalateToTheLeads() {
        Encounter e = encounters.open(Encounters.visit().request());
        driver.runJobs();
        WorkItem before = driver.task(e.id(), CodingProcess.CODE_ENCOUNTER_TASK);
        driver.fireTimer("CodeEncounterSlaWarning");
        WorkItem warned = driver.task(e.id(), CodingProcess.CODE_ENCOUNTER_TASK);
        assertThat(warned.slaState()).isEqualTo(WorkItem.SlaState.WARNED);
        assertThat(warned.priority()).isGreaterThan(before.priority());

        driver.fireTimer("CodeEncounterSlaEscalation");
        WorkItem escalated = driver.task(e.id(), CodingProcess.CODE_ENCOUNTER_TASK);
        assertThat(escalated.slaState()).isEqualTo(WorkItem.SlaState.ESCALATED);
        assertThat(tasks.createTaskQuery().taskId(escalated.taskId()).taskCandidateGroup("leads").count()).isEqualTo(1);
        assertThat(driver.openTaskTypes(e.id())).containsExactly(CodingProcess.CODE_ENCOUNTER_TASK); // non-interrupting
    }

    @Test
    void missingAcknowledgementIsFollowedUpAndResent() {
        Encounter e = openAndCode(Encounters.visit(), "J069", "99213 1 1");
        driver.fireTimer("AcknowledgementOverdue");
        driver.complete(e.id(), SubmissionProcess.FOLLOW_UP_ACKNOWLEDGEMENT_TASK, "ben", "billers",
                Map.of(SubmissionProcess.RESUBMIT, true, "note", "clearinghouse lost it"));
        assertThat(submissions.messagesFor(claimOf(e).id())).hasSize(2);
        accept(e);
        driver.fireTimer("RemittanceOverdue");
        driver.complete(e.id(), AdjudicationProcess.FOLLOW_UP_CLAIM_STATUS_TASK, "ben", "billers", Map.of("note", "payer says in process"));
        pay(e, 0);
        assertThat(ended(e)).isTrue();
    }

    /** Each human step of every stage, started where it stands, warns and then escalates on its SLA timers. */
    @ParameterizedTest(name = "{1} in {0}")
    @CsvSource({
            "intake, ResolveEligibility", "coding, CodeEncounter", "coding, ChaseProviderQuery", "coding, AuditCoding",
            "scrubbing, FixCodingEdit", "scrubbing, FixClaimEdit", "submission, FixRejectedClaim", "submission, FollowUpAcknowledgement",
            "adjudication, FollowUpClaimStatus", "denial, CorrectCodingDenial", "denial, CorrectBillingDenial", "denial, PrepareAppeal",
            "denial, FollowUpAppeal", "denial, ApproveWriteOff", "collections, ReviewCollections", "scrubbing, ApproveClaimWriteOff",
            "credit-balance, ResolveCreditBalance", "credit-balance, ApproveRefund"})
    void everyHumanStepWarnsThenEscalatesOnItsSla(String process, String taskType) {
        Encounter e = encounters.open(Encounters.visit().request());
        var instance = engine.getRuntimeService().createProcessInstanceByKey(process).businessKey(String.valueOf(e.id()))
                .setVariables(Map.of(EncounterProcess.ENCOUNTER_ID, e.id(), EncounterProcess.PAYER_ID, "BCBS", "claimAmount", 250.0d))
                .startBeforeActivity(taskType).execute();
        // the encounter's own coding task is open too (intake reaches it in the opening transaction): take this instance's
        WorkItem item = queues.forEncounter(e.id()).stream()
                .filter(w -> w.taskType().equals(taskType) && w.processInstanceId().equals(instance.getId())).findFirst().orElseThrow();
        assertThat(item.slaState()).isEqualTo(WorkItem.SlaState.OK);

        fireTimerOf(instance.getId(), taskType + "SlaWarning");
        assertThat(queues.get(item.taskId()).slaState()).isEqualTo(WorkItem.SlaState.WARNED);
        fireTimerOf(instance.getId(), taskType + "SlaEscalation");
        assertThat(queues.get(item.taskId()).slaState()).isEqualTo(WorkItem.SlaState.ESCALATED);
        assertThat(tasks.createTaskQuery().taskId(item.taskId()).taskCandidateGroup("leads").count()).isEqualTo(1);
        assertThat(audit.forTask(item.taskId())).extracting(a -> a.getAction()).containsExactly("SLA_WARNED", "SLA_ESCALATED");
    }

    /** Intake sets the payer's filing deadline on the process; a task's priority counts the days to it, 365 when there is none. */
    @Test
    void taskPriorityCountsTheDaysToTheFilingDeadlineIntakeSets() {
        Encounter e = encounters.open(Encounters.visit().on(LocalDate.now().minusDays(10)).request());
        int filingDays = referenceData.payer(e.payerId()).orElseThrow().timelyFilingDays();
        assertThat(engine.getRuntimeService().getVariable(e.processInstanceId(), EncounterProcess.FILING_DEADLINE))
                .isEqualTo(LocalDate.now().minusDays(10).plusDays(filingDays).toString());

        List<Integer> priorities = new ArrayList<>();
        for (LocalDate deadline : new LocalDate[] {LocalDate.now().minusDays(1), LocalDate.now().plusDays(90), null}) {
            Map<String, Object> variables = new HashMap<>(Map.of(EncounterProcess.ENCOUNTER_ID, e.id(),
                    EncounterProcess.PAYER_ID, "BCBS", TaskVariables.CLAIM_AMOUNT, 100.0d));
            if (deadline != null) variables.put(EncounterProcess.FILING_DEADLINE, deadline.toString());
            var instance = engine.getRuntimeService().createProcessInstanceByKey(CodingProcess.PROCESS)
                    .businessKey(String.valueOf(e.id())).setVariables(variables).startBeforeActivity(CodingProcess.CODE_ENCOUNTER_TASK).execute();
            priorities.add(queues.forEncounter(e.id()).stream().filter(w -> w.processInstanceId().equals(instance.getId())).findFirst()
                    .orElseThrow().priority());
        }
        assertThat(priorities).containsExactly(priority.of(CodingProcess.CODE_ENCOUNTER_TASK, 100, -1),
                priority.of(CodingProcess.CODE_ENCOUNTER_TASK, 100, 90), priority.of(CodingProcess.CODE_ENCOUNTER_TASK, 100, 365));
        assertThat(priorities.get(0)).as("overdue before far away").isGreaterThan(priorities.get(1));
    }

    private void fireTimerOf(String processInstanceId, String activityId) {
        var timer = engine.getManagementService().createJobQuery().processInstanceId(processInstanceId).timers().activityId(activityId).singleResult();
        engine.getManagementService().executeJob(timer.getId());
        driver.runJobs();
    }

    @Test
    void eligibilityDenialGoesToABillerAndTheCorrectedClaimReplacesTheOriginal() {
        Encounter e = openAndCode(Encounters.visit(), "I10", "99213 1 1");
        accept(e);
        deny(e, "16");
        assertThat(driver.task(e.id(), EncounterProcess.CORRECT_BILLING_DENIAL_TASK).queue()).isEqualTo("billers");
        driver.complete(e.id(), EncounterProcess.CORRECT_BILLING_DENIAL_TASK, "ben", "billers", Map.of("note", "added referring provider"));
        assertThat(claimOf(e).frequencyCode()).isEqualTo("7");
        accept(e);
        pay(e, 0);
        assertThat(ended(e)).isTrue();
    }

    @Test
    void lateAppealDecisionIsFollowedUpAndARefusedWriteOffGoesToTheNextAppealLevel() {
        Encounter e = openAndCode(Encounters.visit(), "R0789", "93000 1 1");
        accept(e);
        deny(e, "50");
        driver.complete(e.id(), DenialProcess.PREPARE_APPEAL_TASK, "bella", "billers", Map.of(DenialProcess.APPEAL_DECISION, "WRITE_OFF"));
        driver.complete(e.id(), DenialProcess.APPROVE_WRITE_OFF_TASK, "lena", "leads",
                Map.of(DenialProcess.WRITE_OFF_APPROVED, false, "note", "appeal it"));
        driver.complete(e.id(), DenialProcess.PREPARE_APPEAL_TASK, "bella", "billers", Map.of(DenialProcess.APPEAL_DECISION, "APPEAL"));
        driver.fireTimer("AppealOverdue");
        driver.complete(e.id(), DenialProcess.FOLLOW_UP_APPEAL_TASK, "bella", "billers", Map.of("note", "called the payer"));
        assertThat(denials.current(claimOf(e).id()).getAppealLevel()).isEqualTo(1);
        denials.decideAppeal(claimOf(e).id(), true);
        driver.runJobs();
        pay(e, 0);
        assertThat(ended(e)).isTrue();
    }

    @Test
    void smallUnpaidPatientBalanceIsWrittenOffByTheCollectionsTable() {
        // 20% of a $3.75 venipuncture: below the small-balance threshold
        Encounter e = openAndCode(Encounters.visit(), "E119", "36415 1 1");
        accept(e);
        pay(e, 20);
        driver.fireTimer("StatementCycle");
        driver.fireTimer("StatementCycle");
        driver.fireTimer("StatementCycle");
        assertThat(ended(e)).isTrue();
        assertThat(account.balance(e.id()).isZero()).isTrue();
        assertThat(driver.openTaskTypes(e.id())).isEmpty();
    }

    @Test
    void reviewedPatientBalanceCanBeWrittenOffAndAPartPaymentKeepsCollectionsWaiting() {
        Encounter e = openAndCode(Encounters.visit(), "E119", "99214 1 1");
        accept(e);
        pay(e, 20);
        collections.postPatientPayment(e.id(), new BigDecimal("1.00"), "cash", "ben");
        driver.runJobs();
        assertThat(ended(e)).isFalse();
        driver.fireTimer("StatementCycle");
        driver.fireTimer("StatementCycle");
        driver.fireTimer("StatementCycle");
        driver.complete(e.id(), CollectionsProcess.REVIEW_COLLECTIONS_TASK, "ben", "billers",
                Map.of(CollectionsProcess.COLLECTIONS_DECISION, "WRITE_OFF", "note", "hardship"));
        assertThat(ended(e)).isTrue();
        assertThat(account.balance(e.id()).isZero()).isTrue();
    }

    @Test
    void failedCodingAuditSendsTheEncounterBackToCoding() {
        Encounter e = encounters.open(Encounters.visit().request());
        driver.runJobs();
        when(sampling.draw()).thenReturn(0.01);
        driver.complete(e.id(), CodingProcess.CODE_ENCOUNTER_TASK, "carla", "coders",
                Map.of("diagnosisCodes", "I10", "procedureLines", "99215 1 1", CodingProcess.QUERY_PROVIDER, false));
        driver.complete(e.id(), CodingProcess.AUDIT_CODING_TASK, "cora", "compliance",
                Map.of(CodingProcess.AUDIT_PASSED, false, "note", "documentation supports 99213"));
        assertThat(driver.openTaskTypes(e.id())).containsExactly(CodingProcess.CODE_ENCOUNTER_TASK);
    }

    @Test
    void followUpWithoutResendingKeepsWaitingForTheAcknowledgement() {
        Encounter e = openAndCode(Encounters.visit(), "J069", "99213 1 1");
        driver.fireTimer("AcknowledgementOverdue");
        driver.complete(e.id(), SubmissionProcess.FOLLOW_UP_ACKNOWLEDGEMENT_TASK, "ben", "billers",
                Map.of(SubmissionProcess.RESUBMIT, false, "note", "clearinghouse has it"));
        assertThat(submissions.messagesFor(claimOf(e).id())).hasSize(1);
        accept(e);
        pay(e, 0);
        assertThat(ended(e)).isTrue();
    }

    @Test
    void theCoderOfAnEncounterCannotAuditIt() {
        Encounter e = encounters.open(Encounters.visit().request());
        driver.runJobs();
        driver.complete(e.id(), CodingProcess.CODE_ENCOUNTER_TASK, "colin", "coders",
                Map.of("diagnosisCodes", "I10", "procedureLines", "99213 1 1", CodingProcess.QUERY_PROVIDER, false));
        WorkItem audit = driver.task(e.id(), CodingProcess.AUDIT_CODING_TASK);
        var colinInCompliance = new com.claimflow.identity.Worker("colin", java.util.Set.of("compliance"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> queues.claim(audit.taskId(), colinInCompliance))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class).hasMessageContaining("may not audit");
        java.util.List<String> handedToColin = new java.util.ArrayList<>();
        for (var next = queues.next(colinInCompliance); next.isPresent(); next = queues.next(colinInCompliance)) {
            handedToColin.add(next.get().taskId());
        }
        assertThat(handedToColin).doesNotContain(audit.taskId());
        assertThat(queues.get(audit.taskId()).assignee()).isNull();
    }

    private static final Worker LENA = new Worker("lena", Set.of("leads"));

    @Test
    void aLeadClosesAClaimSentToThemAndTheBalanceIsWrittenOffWithTheReason() {
        Encounter e = openAndCode(Encounters.visit(), "I10", "99214 1 1");
        accept(e);
        deny(e, "11");
        WorkItem correction = driver.task(e.id(), CodingProcess.CORRECT_CODING_DENIAL_TASK);
        queues.escalate(correction.taskId(), "the provider will not amend the note", new Worker("colin", Set.of("coders")));
        assertThat(queues.get(correction.taskId()).isWithTheLeads()).isTrue();

        closing.close(e.id(), CloseKind.WRITE_OFF, CloseReason.NO_DOCUMENTATION, "no addendum coming", LENA);
        driver.runJobs();

        assertThat(ended(e)).isTrue();
        assertThat(passed(e, "EncounterClosedByLead")).isTrue();
        assertThat(driver.openTaskTypes(e.id())).isEmpty();
        assertThat(account.balance(e.id()).isZero()).isTrue();
        assertThat(account.entries(e.id())).last().satisfies(w -> {
            assertThat(w.getType().name()).isEqualTo("WRITE_OFF");
            assertThat(w.getReason()).startsWith("WRITE_OFF NO_DOCUMENTATION");
            assertThat(w.getPostedBy()).isEqualTo("lena");
        });
        assertThat(notes.forEncounter(e.id())).filteredOn(n -> n.kind() == Note.Kind.NOTE).singleElement()
                .satisfies(n -> assertThat(n.text()).contains("NO_DOCUMENTATION", "no addendum coming"));
        assertThat(encounters.stage(encounters.get(e.id()))).isEqualTo("CLOSED");
    }

    @Test
    void aLeadClosesAnEncounterNotBillableWhileItIsStillBeingCoded() {
        Encounter e = encounters.open(Encounters.visit().request());
        driver.runJobs();
        closing.close(e.id(), "not_billable", "research", "study visit, billed to the sponsor", LENA);
        driver.runJobs();
        assertThat(ended(e)).isTrue();
        assertThat(driver.openTaskTypes(e.id())).isEmpty();
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(CodingProcess.PROCESS)
                .processInstanceBusinessKey(String.valueOf(e.id())).singleResult().getDeleteReason()).isNotNull();
    }

    @Test
    void onlyALeadClosesWithAListedReasonAndAnEndedEncounterCannotBeClosed() {
        Encounter e = encounters.open(Encounters.visit().request());
        driver.runJobs();
        assertThatThrownBy(() -> closing.close(e.id(), "WRITE_OFF", "TIMELY_FILING", "late", new Worker("bella", Set.of("billers"))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> closing.close(e.id(), "WRITE_OFF", "TOO_HARD", "late", LENA))
                .isInstanceOfSatisfying(BadInputException.class, bad -> assertThat(bad.field()).isEqualTo("reasonCode"));
        assertThatThrownBy(() -> closing.close(e.id(), "FORGET_IT", "TIMELY_FILING", "late", LENA))
                .isInstanceOfSatisfying(BadInputException.class, bad -> assertThat(bad.field()).isEqualTo("kind"));
        assertThatThrownBy(() -> closing.close(e.id(), "WRITE_OFF", "TIMELY_FILING", " ", LENA))
                .isInstanceOfSatisfying(BadInputException.class, bad -> assertThat(bad.field()).isEqualTo("note"));
        assertThat(driver.openTaskTypes(e.id())).containsExactly(CodingProcess.CODE_ENCOUNTER_TASK);
        assertThat(notes.forEncounter(e.id())).isEmpty();

        closing.close(e.id(), "WRITE_OFF", "BILLED_IN_ERROR", "opened twice", LENA);
        driver.runJobs();
        assertThatThrownBy(() -> closing.close(e.id(), "WRITE_OFF", "BILLED_IN_ERROR", "again", LENA)).isInstanceOf(ConflictException.class);
    }

    @Test
    void aClaimPastTimelyFilingIsWrittenOffWithALeadsApprovalInsteadOfLooping() {
        Encounter e = openAndCode(Encounters.visit().on(LocalDate.now().minusDays(400)), "I10", "99213 1 1");
        assertThat(scrubber.latest(claimOf(e).id()).orElseThrow().errors()).extracting(f -> f.editId()).contains("TIMELY_FILING");
        driver.complete(e.id(), EncounterProcess.FIX_CLAIM_EDIT_TASK, "bella", "billers",
                Map.of(ScrubbingProcess.CLAIM_EDIT_RESOLUTION, "WRITE_OFF", "note", "no proof of timely filing"));
        assertThat(driver.task(e.id(), ScrubbingProcess.APPROVE_CLAIM_WRITE_OFF_TASK).queue()).isEqualTo("leads");
        driver.complete(e.id(), ScrubbingProcess.APPROVE_CLAIM_WRITE_OFF_TASK, "lena", "leads",
                Map.of(ScrubbingProcess.WRITE_OFF_APPROVED, false, "note", "look for the clearinghouse report first"));
        assertThat(driver.openTaskTypes(e.id())).containsExactly(EncounterProcess.FIX_CLAIM_EDIT_TASK);

        driver.complete(e.id(), EncounterProcess.FIX_CLAIM_EDIT_TASK, "bella", "billers",
                Map.of(ScrubbingProcess.CLAIM_EDIT_RESOLUTION, "WRITE_OFF", "note", "clearinghouse has no record either"));
        driver.complete(e.id(), ScrubbingProcess.APPROVE_CLAIM_WRITE_OFF_TASK, "lena", "leads", Map.of(ScrubbingProcess.WRITE_OFF_APPROVED, true));

        assertThat(ended(e)).isTrue();
        assertThat(passed(e, "ClaimWrittenOffUnfiled")).isTrue();
        assertThat(submissions.messagesFor(claimOf(e).id())).isEmpty();
        assertThat(account.balance(e.id()).isZero()).isTrue();
        assertThat(account.entries(e.id())).last().satisfies(w -> assertThat(w.getReason()).startsWith("WRITE_OFF TIMELY_FILING"));
    }

    @Test
    void aClaimPastTimelyFilingIsNotResentAsCorrectedAndStaysWithTheBiller() {
        Encounter e = openAndCode(Encounters.visit().on(LocalDate.now().minusDays(400)), "I10", "99213 1 1");
        assertThatThrownBy(() -> driver.complete(e.id(), EncounterProcess.FIX_CLAIM_EDIT_TASK, "bella", "billers", Map.of("note", "checked the dates")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("past timely filing: record proof or ask for a write-off");
        assertThat(driver.openTaskTypes(e.id())).containsExactly(EncounterProcess.FIX_CLAIM_EDIT_TASK);
        assertThat(passed(e, ScrubbingProcess.APPROVE_CLAIM_WRITE_OFF_TASK)).isFalse();
    }

    private static final Worker BELLA = new Worker("bella", Set.of("billers"));

    /** A medical-necessity denial a biller has appealed: the process waits for the payer's decision. */
    private Encounter appealed() {
        Encounter e = openAndCode(Encounters.visit(), "R0789", "93000 1 1");
        accept(e);
        deny(e, "50");
        driver.complete(e.id(), DenialProcess.PREPARE_APPEAL_TASK, "bella", "billers", Map.of(DenialProcess.APPEAL_DECISION, "APPEAL"));
        return e;
    }

    @Test
    void aBillerRecordsTheOverturnedAppealFromThePayersLetterAndTheClaimIsPaid() {
        Encounter e = openAndCode(Encounters.visit(), "R0789", "93000 1 1");
        accept(e);
        deny(e, "50");
        assertThatThrownBy(() -> appealDecisions.record(e.id(), "OVERTURNED", "letter of today", BELLA)).isInstanceOf(ConflictException.class);
        driver.complete(e.id(), DenialProcess.PREPARE_APPEAL_TASK, "bella", "billers", Map.of(DenialProcess.APPEAL_DECISION, "APPEAL"));
        assertThatThrownBy(() -> appealDecisions.record(e.id(), "MAYBE", "letter", BELLA))
                .isInstanceOfSatisfying(BadInputException.class, bad -> assertThat(bad.field()).isEqualTo("decision"));
        assertThatThrownBy(() -> appealDecisions.record(e.id(), "OVERTURNED", " ", BELLA))
                .isInstanceOfSatisfying(BadInputException.class, bad -> assertThat(bad.field()).isEqualTo("note"));

        appealDecisions.record(e.id(), "overturned", "letter of 2026-11-30, ref AP-778", BELLA);
        driver.runJobs();
        assertThat(denials.current(claimOf(e).id()).getStatus().name()).isEqualTo("OVERTURNED");
        assertThat(notes.forEncounter(e.id())).filteredOn(n -> n.kind() == Note.Kind.APPEAL_DECISION).extracting(Note::text)
                .containsExactly("Appeal overturned: letter of 2026-11-30, ref AP-778");
        pay(e, 0);
        assertThat(ended(e)).isTrue();
        assertThat(passed(e, "PaidInFull")).isTrue();
    }

    @Test
    void anUpheldAppealReadOnTheFollowUpTaskGoesToTheWriteOffApproval() {
        Encounter e = appealed();
        driver.fireTimer("AppealOverdue");
        assertThatThrownBy(() -> driver.complete(e.id(), DenialProcess.FOLLOW_UP_APPEAL_TASK, "bella", "billers",
                Map.of(DenialProcess.APPEAL_RESULT, "UPHELD")))
                .isInstanceOfSatisfying(BadInputException.class, bad -> assertThat(bad.field()).isEqualTo("note"));
        driver.complete(e.id(), DenialProcess.FOLLOW_UP_APPEAL_TASK, "bella", "billers",
                Map.of(DenialProcess.APPEAL_RESULT, "UPHELD", "note", "portal shows upheld on 2026-12-01"));
        assertThat(driver.openTaskTypes(e.id())).containsExactly(DenialProcess.APPROVE_WRITE_OFF_TASK);
        assertThat(denials.current(claimOf(e).id()).getStatus().name()).isEqualTo("UPHELD");
        assertThat(notes.forEncounter(e.id())).extracting(Note::kind).contains(Note.Kind.APPEAL_DECISION);
    }

    @Test
    void anOverturnedAppealReadOnTheFollowUpTaskWaitsForThePayment() {
        Encounter e = appealed();
        driver.fireTimer("AppealOverdue");
        driver.complete(e.id(), DenialProcess.FOLLOW_UP_APPEAL_TASK, "bella", "billers",
                Map.of(DenialProcess.APPEAL_RESULT, "OVERTURNED", "note", "letter of 2026-12-02"));
        assertThat(passed(e, "AppealOverturned")).isTrue();
        pay(e, 0);
        assertThat(ended(e)).isTrue();
    }
}
