package com.claimflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import com.claimflow.claim.Claim;
import com.claimflow.claim.ClaimService;
import com.claimflow.claimstatus.ClaimStatusCheck;
import com.claimflow.claimstatus.ClaimStatusDecision;
import com.claimflow.claimstatus.ClaimStatusInquiries;
import com.claimflow.coding.AuditSampling;
import com.claimflow.coding.CodingProcess;
import com.claimflow.demo.DemoReferenceData;
import com.claimflow.demo.DemoUsers;
import com.claimflow.eligibility.EligibilityCheck;
import com.claimflow.eligibility.EligibilityInquiries;
import com.claimflow.intake.Encounter;
import com.claimflow.intake.EncounterProcess;
import com.claimflow.intake.EncounterService;
import com.claimflow.remittance.AdjudicationProcess;
import com.claimflow.remittance.InboundFiles;
import com.claimflow.remittance.InboundResult;
import com.claimflow.remittance.RemittanceAdvice;
import com.claimflow.remittance.RemittanceService;
import com.claimflow.submission.FileDropConnection;
import com.claimflow.support.Encounters;
import com.claimflow.support.ProcessDriver;
import com.claimflow.workqueue.ReasonSection;
import com.claimflow.workqueue.TaskExplanation;
import com.claimflow.workqueue.WorkItem;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * Asking the payer before and after, through the real intake and adjudication models: the 270 leaves through the
 * clearinghouse connection, the 271 and 277 come back as real X12 files through the inbound files (the fixtures of
 * src/test/resources/x12 with the trace number of the inquiry sent), and a biller sees a task only when the answer
 * needs a person.
 */
@SpringBootTest(properties = {"claimflow.eligibility.inquiries=true", "claimflow.claim-status.inquiries=true"})
@ActiveProfiles("test")
@Import(ProcessEngineCoverageConfiguration.class)
@TestExecutionListeners(value = ProcessEngineCoverageTestExecutionListener.class, mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class PayerInquiriesProcessTest {
    private static final AtomicInteger CONTROL = new AtomicInteger(9_100);

    @Autowired ProcessEngine engine;
    @Autowired ProcessDriver driver;
    @Autowired EncounterService encounters;
    @Autowired ClaimService claims;
    @Autowired RemittanceService payer;
    @Autowired InboundFiles inbound;
    @Autowired EligibilityInquiries eligibility;
    @Autowired ClaimStatusInquiries claimStatus;
    @Autowired FileDropConnection clearinghouse;
    @Autowired TaskExplanation explanation;
    @Autowired DemoReferenceData reference;
    @Autowired DemoUsers users;
    @MockitoBean AuditSampling sampling;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        reference.load();
        users.load();
        when(sampling.draw()).thenReturn(0.5);
    }

    /** A fixture answering {@code trace}, under a new interchange number so it is not taken for a file received before. */
    static String answer(String fixture, String fixtureTrace, String trace) throws Exception {
        String x12 = Files.readString(Path.of("src/test/resources/x12", fixture));
        String fixtureControl = x12.substring(90, 99);
        int control = CONTROL.incrementAndGet();
        return x12.replace(fixtureTrace, trace).replace(fixtureControl, String.format("%09d", control))
                .replace("*" + Integer.parseInt(fixtureControl) + "*X*", "*" + control + "*X*").replace("GE*1*" + Integer.parseInt(fixtureControl), "GE*1*" + control);
    }

    private InboundResult receive(String x12) {
        return inbound.receive(new ByteArrayInputStream(x12.getBytes(StandardCharsets.US_ASCII)), "API", "answer.x12", "test");
    }

    private EligibilityCheck asked(Encounter e) {
        return eligibility.latest(e.id()).orElseThrow(() -> new AssertionError("no 270 was sent for encounter " + e.id()));
    }

    private String processOf(EligibilityCheck c) {
        return engine.getRuntimeService().createExecutionQuery().activityId("EligibilityAnswerGateway").list().stream()
                .filter(x -> encounterOf(x.getProcessInstanceId()) == c.encounterId()).map(x -> x.getProcessInstanceId()).findFirst()
                .orElseThrow(() -> new AssertionError("intake of encounter " + c.encounterId() + " does not wait for a 271"));
    }

    private long encounterOf(String processInstanceId) {
        Object id = engine.getRuntimeService().getVariable(processInstanceId, EncounterProcess.ENCOUNTER_ID);
        return id == null ? -1 : (Long) id;
    }

    /** Fires one timer of one process instance (other tests' encounters wait at the same events), then runs what follows. */
    private void fireTimer(String processInstanceId, String activityId) {
        List<Job> timers = engine.getManagementService().createJobQuery().timers().processInstanceId(processInstanceId).activityId(activityId).list();
        assertThat(timers).as("timer %s of %s", activityId, processInstanceId).hasSize(1);
        engine.getManagementService().executeJob(timers.get(0).getId());
        driver.runJobs();
    }

    private List<String> passed(String processInstanceId) {
        return engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(processInstanceId).finished().list().stream()
                .map(a -> a.getActivityId()).toList();
    }

    private boolean ended(String processInstanceId) {
        return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).finished().count() == 1;
    }

    private Object variable(String processInstanceId, String name) {
        return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).variableName(name).singleResult()
                .getValue();
    }

    private List<ReasonSection> reasons(Encounter e, String taskType) {
        return explanation.reasons(driver.task(e.id(), taskType));
    }

    private Encounter open(Encounters visit) {
        Encounter e = encounters.open(visit.request());
        driver.runJobs();
        return e;
    }

    // ---- eligibility: 270 out, 271 back

    @Test
    void anActiveAnswerLetsTheEncounterGoToCodingWithoutABillerTask() throws Exception {
        Encounter e = open(Encounters.visit());
        EligibilityCheck sent = asked(e);
        assertThat(sent.status()).isEqualTo("SENT");
        assertThat(driver.openTaskTypes(e.id())).isEmpty();
        assertThat(Files.readString(clearinghouse.folder().resolve(sent.fileName()))).contains("ST*270*0001*005010X279A1~")
                .contains("TRN*1*" + sent.traceNumber() + "*9CLAIMFLOW~").contains("NM1*IL*1*").contains("MI*" + e.memberId() + "~");
        String intake = processOf(sent);

        InboundResult r = receive(answer("271-active.x12", "EL000000101", sent.traceNumber()));
        assertThat(r.status()).isEqualTo("PROCESSED");
        assertThat(r.transactionType()).isEqualTo("271");
        assertThat(r.counts().matched()).isEqualTo(1);
        assertThat(r.errors()).isEmpty();
        driver.runJobs();

        assertThat(passed(intake)).contains("EligibilityAnswered", "EligibilityConfirmed").doesNotContain("ResolveEligibility");
        assertThat(driver.openTaskTypes(e.id())).containsExactly(CodingProcess.CODE_ENCOUNTER_TASK);
        EligibilityCheck answered = asked(e);
        assertThat(answered.status()).isEqualTo("ACTIVE");
        assertThat(answered.plan()).isEqualTo("GOLD PPO 500");
        assertThat(answered.copay()).isEqualByComparingTo("30");
        assertThat(answered.deductible()).isEqualByComparingTo("500");
        assertThat(answered.coinsurance()).isEqualByComparingTo("0.2");
        assertThat(answered.answerFileId()).isEqualTo(r.fileId());
    }

    @Test
    void anInactiveAnswerOpensResolveEligibilityWithThePayersWords() throws Exception {
        Encounter e = open(Encounters.visit());
        EligibilityCheck sent = asked(e);
        String intake = processOf(sent);
        receive(answer("271-inactive.x12", "EL000000102", sent.traceNumber()));
        driver.runJobs();

        assertThat(driver.openTaskTypes(e.id())).containsExactly(EncounterProcess.RESOLVE_ELIGIBILITY_TASK);
        assertThat((String) variable(intake, EncounterProcess.ELIGIBILITY_PROBLEM)).contains("coverage is inactive").contains("segment 9")
                .contains(sent.traceNumber());
        assertThat(reasons(e, EncounterProcess.RESOLVE_ELIGIBILITY_TASK)).extracting(ReasonSection::title).contains("Eligibility check",
                "Payer's eligibility answer (271)");
        assertThat(reasons(e, EncounterProcess.RESOLVE_ELIGIBILITY_TASK)).filteredOn(s -> s.title().startsWith("Payer's"))
                .singleElement().satisfies(s -> assertThat(s.facts()).anySatisfy(f -> assertThat(f.value()).startsWith("inactive")));
        assertThat(reasons(e, EncounterProcess.RESOLVE_ELIGIBILITY_TASK)).filteredOn(s -> s.title().equals("Eligibility check"))
                .singleElement().satisfies(s -> assertThat(s.facts()).anySatisfy(f -> assertThat(f.value()).contains("asks the payer again (270)")));
    }

    @Test
    void anAnswerWithNeitherCoverageNorRejectionOpensTheTaskSayingWhy() throws Exception {
        Encounter e = open(Encounters.visit());
        EligibilityCheck sent = asked(e);
        String intake = processOf(sent);
        // the inactive answer without its EB: the SE count no longer matches either, and both are reported
        InboundResult r = receive(answer("271-inactive.x12", "EL000000102", sent.traceNumber()).replace("EB*6**30~\n", ""));
        driver.runJobs();

        assertThat(r.status()).isEqualTo("PROCESSED");
        assertThat(r.errors()).anySatisfy(p -> assertThat(p.segmentId()).isEqualTo("SE"));
        assertThat(driver.openTaskTypes(e.id())).containsExactly(EncounterProcess.RESOLVE_ELIGIBILITY_TASK);
        assertThat((String) variable(intake, EncounterProcess.ELIGIBILITY_PROBLEM))
                .contains("gives neither a coverage status (EB) nor a reject reason (AAA)").contains("271 file " + r.fileId());
        assertThat(asked(e).status()).isEqualTo("UNKNOWN");
    }

    @Test
    void aRejectionOpensTheTaskWithTheAaaReasonAndAnAnswerAfterTheCorrectionLetsItGoOn() throws Exception {
        Encounter e = open(Encounters.visit());
        EligibilityCheck sent = asked(e);
        String intake = processOf(sent);
        receive(answer("271-aaa.x12", "EL000000103", sent.traceNumber()));
        driver.runJobs();

        assertThat(driver.openTaskTypes(e.id())).containsExactly(EncounterProcess.RESOLVE_ELIGIBILITY_TASK);
        assertThat((String) variable(intake, EncounterProcess.ELIGIBILITY_PROBLEM))
                .contains("72 invalid/missing subscriber/insured id (C please correct and resubmit)");
        assertThat(asked(e).status()).isEqualTo("REJECTED");

        // the biller corrects the member id: intake asks again with it, and an active answer lets the encounter go on
        driver.complete(e.id(), EncounterProcess.RESOLVE_ELIGIBILITY_TASK, "ben", "billers", Map.of("memberId", "XYZ987654321"));
        EligibilityCheck again = asked(e);
        assertThat(again.id()).isNotEqualTo(sent.id());
        assertThat(again.memberId()).isEqualTo("XYZ987654321");
        receive(answer("271-active.x12", "EL000000101", again.traceNumber()));
        driver.runJobs();
        assertThat(driver.openTaskTypes(e.id())).containsExactly(CodingProcess.CODE_ENCOUNTER_TASK);
        assertThat(eligibility.forEncounter(e.id())).extracting(EligibilityCheck::status).containsExactly("ACTIVE", "REJECTED");
    }

    @Test
    void noAnswerInTimeOpensTheTaskSayingSoAndALateAnswerIsKeptWithoutMovingIt() throws Exception {
        Encounter e = open(Encounters.visit());
        EligibilityCheck sent = asked(e);
        String intake = processOf(sent);
        fireTimer(intake, "EligibilityAnswerOverdue");

        assertThat(driver.openTaskTypes(e.id())).containsExactly(EncounterProcess.RESOLVE_ELIGIBILITY_TASK);
        assertThat((String) variable(intake, EncounterProcess.ELIGIBILITY_PROBLEM)).startsWith("no 271 came back from payer BCBS within PT1H")
                .contains(sent.traceNumber());
        assertThat(asked(e).status()).isEqualTo("NO_ANSWER");

        InboundResult late = receive(answer("271-active.x12", "EL000000101", sent.traceNumber()));
        driver.runJobs();
        assertThat(late.status()).isEqualTo("PROCESSED");
        assertThat(late.errors()).singleElement().satisfies(p -> assertThat(p.message()).contains("no longer waited"));
        assertThat(driver.openTaskTypes(e.id())).containsExactly(EncounterProcess.RESOLVE_ELIGIBILITY_TASK);
        assertThat(asked(e).status()).as("the late answer is stored for the biller to read").isEqualTo("ACTIVE");
    }

    @Test
    void aBrokenOrUnknownAnswerIsStoredAndReportedAndChangesNoProcess() throws Exception {
        Encounter e = open(Encounters.visit());
        EligibilityCheck sent = asked(e);

        InboundResult unknown = receive(answer("271-inactive.x12", "EL000000102", "EL999999999"));
        assertThat(unknown.status()).isEqualTo("PROCESSED");
        assertThat(unknown.counts().unmatched()).isEqualTo(1);
        assertThat(unknown.errors()).singleElement().satisfies(p -> {
            assertThat(p.segment()).isEqualTo(9);
            assertThat(p.element()).isEqualTo("TRN02");
            assertThat(p.message()).contains("'EL999999999' answers no eligibility inquiry of ours");
        });
        InboundResult broken = receive(answer("271-broken.x12", "EL000000104", sent.traceNumber()));
        assertThat(broken.status()).isEqualTo("REFUSED");
        assertThat(broken.errors()).anySatisfy(p -> assertThat(p.element()).isEqualTo("EB07"));
        assertThat(inbound.result(broken.fileId())).get().extracting(InboundResult::status).isEqualTo("REFUSED");
        driver.runJobs();

        assertThat(driver.openTaskTypes(e.id())).isEmpty();
        assertThat(asked(e).status()).isEqualTo("SENT");
        processOf(sent); // still waiting for a 271
    }

    @Test
    void aProblemKnownBeforeAskingStopsIntakeWithoutA270() {
        Encounter e = open(Encounters.visit().memberId(null));
        assertThat(driver.openTaskTypes(e.id())).containsExactly(EncounterProcess.RESOLVE_ELIGIBILITY_TASK);
        assertThat(eligibility.forEncounter(e.id())).isEmpty();
    }

    // ---- claim status: 276 out when the remittance is late, 277 back

    /** An encounter whose claim the payer accepted: adjudication waits for the 835; returns the adjudication process. */
    private String accepted(Encounter e) throws Exception {
        receive(answer("271-active.x12", "EL000000101", asked(e).traceNumber()));
        driver.runJobs();
        driver.code(e.id(), "J069", "99213 1 1");
        Claim c = claims.latestFor(e.id()).orElseThrow();
        payer.acknowledge(c.id(), true, "PCN-" + c.id(), null);
        driver.runJobs();
        return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(AdjudicationProcess.PROCESS)
                .variableValueEquals("claimId", c.id()).singleResult().getId();
    }

    private ClaimStatusCheck overdue(Encounter e, String adjudication) {
        fireTimer(adjudication, "RemittanceOverdue");
        ClaimStatusCheck sent = claimStatus.forEncounter(e.id()).get(0);
        assertThat(sent.status()).isEqualTo("SENT");
        return sent;
    }

    private void pay(Encounter e) {
        Claim c = claims.latestFor(e.id()).orElseThrow();
        payer.post(new RemittanceAdvice("ERA-" + c.id(), c.id(), c.payerClaimNumber(), c.totalCharge().multiply(new BigDecimal("0.8")),
                c.totalCharge().multiply(new BigDecimal("0.2")), BigDecimal.ZERO, false, "CO", "45", null));
        driver.runJobs();
    }

    @Test
    void aPendingAnswerWaitsAgainForTheRemittance() throws Exception {
        Encounter e = open(Encounters.visit());
        String adjudication = accepted(e);
        ClaimStatusCheck sent = overdue(e, adjudication);
        Claim c = claims.latestFor(e.id()).orElseThrow();
        assertThat(Files.readString(clearinghouse.folder().resolve(sent.fileName()))).contains("ST*276*0001*005010X212~")
                .contains("TRN*1*" + sent.traceNumber() + "~").contains("REF*EJ*CF" + c.id() + "V" + c.version() + "~")
                .contains("REF*1K*PCN-" + c.id() + "~");

        InboundResult r = receive(answer("277-pending.x12", "CS000000201", sent.traceNumber()));
        assertThat(r.status()).isEqualTo("PROCESSED");
        assertThat(r.transactionType()).isEqualTo("277");
        assertThat(r.counts().accepted()).as("answers that let adjudication wait").isEqualTo(1);
        driver.runJobs();

        assertThat(driver.openTaskTypes(e.id())).isEmpty();
        BpmnAwareTests.assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(adjudication).singleResult())
                .isWaitingAt("RemittanceGateway").hasPassed("ClaimStatusAnswered");
        assertThat(claimStatus.forClaim(c.id())).singleElement().satisfies(s -> {
            assertThat(s.status()).isEqualTo("ANSWERED");
            assertThat(s.replies()).singleElement().satisfies(x -> {
                assertThat(x.category()).isEqualTo("P1");
                assertThat(x.action()).isEqualTo(ClaimStatusDecision.WAIT);
                assertThat(x.fileId()).isEqualTo(r.fileId());
            });
        });
        pay(e);
        assertThat(ended(adjudication)).isTrue();
        assertThat(passed(adjudication)).contains("ClaimAdjudicated");
    }

    @Test
    void finalizedWaitsOneMorePeriodThenABillerAsksForThe835() throws Exception {
        Encounter e = open(Encounters.visit());
        String adjudication = accepted(e);
        ClaimStatusCheck first = overdue(e, adjudication);
        receive(answer("277-finalized.x12", "CS000000202", first.traceNumber()));
        driver.runJobs();
        assertThat(driver.openTaskTypes(e.id())).isEmpty();
        BpmnAwareTests.assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(adjudication).singleResult())
                .isWaitingAt("RemittanceGateway");

        ClaimStatusCheck second = overdue(e, adjudication);
        assertThat(second.id()).isNotEqualTo(first.id());
        receive(answer("277-finalized.x12", "CS000000202", second.traceNumber()));
        driver.runJobs();
        assertThat(driver.openTaskTypes(e.id())).containsExactly(AdjudicationProcess.FOLLOW_UP_CLAIM_STATUS_TASK);
        assertThat((String) engine.getRuntimeService().getVariable(adjudication, AdjudicationProcess.CLAIM_STATUS_ANSWER))
                .contains("F1:65:PR").contains("paid $188.8").contains("check/EFT EFT0099887").contains("no 835 arrived");
        assertThat(reasons(e, AdjudicationProcess.FOLLOW_UP_CLAIM_STATUS_TASK)).filteredOn(s -> s.title().equals("Claim status (276/277)"))
                .singleElement().satisfies(s -> assertThat(s.lines()).hasSize(4));
    }

    @Test
    void aClaimThePayerCannotFindOpensTheResubmitFollowUp() throws Exception {
        Encounter e = open(Encounters.visit());
        String adjudication = accepted(e);
        ClaimStatusCheck sent = overdue(e, adjudication);
        InboundResult r = receive(answer("277-not-found.x12", "CS000000203", sent.traceNumber()));
        assertThat(r.counts().rejected()).as("answers that need a biller").isEqualTo(1);
        driver.runJobs();

        assertThat(driver.openTaskTypes(e.id())).containsExactly(AdjudicationProcess.FOLLOW_UP_CLAIM_STATUS_TASK);
        assertThat(engine.getRuntimeService().getVariable(adjudication, AdjudicationProcess.CLAIM_STATUS_ACTION)).isEqualTo(ClaimStatusDecision.RESUBMIT);
        assertThat(reasons(e, AdjudicationProcess.FOLLOW_UP_CLAIM_STATUS_TASK)).extracting(ReasonSection::title)
                .contains("Resubmit: the payer has no record of the claim");
    }

    @Test
    void noAnswerInTimeOpensTheFollowUpAsBefore() throws Exception {
        Encounter e = open(Encounters.visit());
        String adjudication = accepted(e);
        ClaimStatusCheck sent = overdue(e, adjudication);
        fireTimer(adjudication, "ClaimStatusOverdue");

        assertThat(driver.openTaskTypes(e.id())).containsExactly(AdjudicationProcess.FOLLOW_UP_CLAIM_STATUS_TASK);
        assertThat((String) engine.getRuntimeService().getVariable(adjudication, AdjudicationProcess.CLAIM_STATUS_ANSWER))
                .startsWith("no 277 came back within PT48H").contains(sent.traceNumber());
        assertThat(claimStatus.forEncounter(e.id()).get(0).status()).isEqualTo("NO_ANSWER");

        // the biller's follow-up goes back to waiting; the 835 then closes it as before
        driver.complete(e.id(), AdjudicationProcess.FOLLOW_UP_CLAIM_STATUS_TASK, "ben", "billers", Map.of("note", "payer says paid"));
        pay(e);
        assertThat(ended(adjudication)).isTrue();
    }

    @Test
    void theRemittanceArrivingWhileThe277IsAwaitedEndsAdjudication() throws Exception {
        Encounter e = open(Encounters.visit());
        String adjudication = accepted(e);
        ClaimStatusCheck sent = overdue(e, adjudication);
        pay(e);
        assertThat(ended(adjudication)).isTrue();
        assertThat(passed(adjudication)).contains("RemittancePostedWhileAsking");

        // the 277 that comes after is kept and reported, and moves nothing
        InboundResult late = receive(answer("277-pending.x12", "CS000000201", sent.traceNumber()));
        assertThat(late.status()).isEqualTo("PROCESSED");
        assertThat(late.errors()).singleElement().satisfies(p -> assertThat(p.message()).contains("no longer waited"));
    }

    @Test
    void anUnknownOrBroken277IsReportedNamingTheSegment() throws Exception {
        Encounter e = open(Encounters.visit());
        String adjudication = accepted(e);
        overdue(e, adjudication);
        InboundResult unknown = receive(answer("277-pending.x12", "CS000000201", "CS999999999"));
        assertThat(unknown.counts().unmatched()).isEqualTo(1);
        assertThat(unknown.errors()).singleElement().satisfies(p -> {
            assertThat(p.segment()).isEqualTo(13);
            assertThat(p.message()).contains("loop 2200D").contains("'CS999999999' answers no claim status inquiry of ours");
        });
        InboundResult broken = receive(answer("277-broken.x12", "CS000000204", "CS000000204"));
        assertThat(broken.status()).isEqualTo("REFUSED");
        assertThat(broken.errors()).anySatisfy(p -> assertThat(p.element()).isEqualTo("TRN02"));
        driver.runJobs();
        BpmnAwareTests.assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(adjudication).singleResult())
                .isWaitingAt("ClaimStatusGateway");
    }
}
