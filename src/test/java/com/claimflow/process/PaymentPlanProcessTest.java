package com.claimflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.claimflow.base.BadInputException;
import com.claimflow.base.ConflictException;
import com.claimflow.collections.PaymentPlan;
import com.claimflow.collections.PaymentPlanProcess;
import com.claimflow.collections.PaymentPlans;
import com.claimflow.demo.DemoReferenceData;
import com.claimflow.identity.Worker;
import com.claimflow.intake.EncounterService;
import com.claimflow.remittance.AccountService;
import com.claimflow.support.Encounters;
import com.claimflow.support.ProcessDriver;
import com.claimflow.workqueue.Note;
import com.claimflow.workqueue.Notes;
import com.claimflow.workqueue.WorkItem;
import com.claimflow.workqueue.WorkQueueService;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestExecutionListeners;

/**
 * The payment-plan model through the real engine: each due date checks the patient's payments since the agreement, a
 * missed installment is a biller's task (keep or cancel the plan), and the plan ends when the balance is paid.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import(ProcessEngineCoverageConfiguration.class)
@TestExecutionListeners(value = ProcessEngineCoverageTestExecutionListener.class, mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class PaymentPlanProcessTest {
    private static final Worker BEN = new Worker("ben", Set.of("billers"));

    @Autowired ProcessEngine engine;
    @Autowired ProcessDriver driver;
    @Autowired EncounterService encounters;
    @Autowired AccountService account;
    @Autowired PaymentPlans plans;
    @Autowired WorkQueueService queues;
    @Autowired Notes notes;
    @Autowired JdbcTemplate jdbc;
    @Autowired DemoReferenceData reference;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        reference.load();
    }

    /** An encounter whose payer left the patient {@code owed} to pay. */
    private long owing(String owed) {
        long id = encounters.open(Encounters.visit().request()).id();
        jdbc.update("insert into account_entry (encounter_id, entry_type, amount, patient_amount, reason, posted_by, posted_at) values (?,?,?,?,?,?,?)",
                id, "PATIENT_RESPONSIBILITY", BigDecimal.ZERO, new BigDecimal(owed), "coinsurance", "test", Timestamp.from(Instant.now()));
        return id;
    }

    private ProcessInstance planProcess(long encounterId) {
        return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(PaymentPlanProcess.PROCESS)
                .processInstanceBusinessKey(String.valueOf(encounterId)).singleResult();
    }

    private boolean planEndedAt(long encounterId, String endEvent) {
        return engine.getHistoryService().createHistoricActivityInstanceQuery().activityId(endEvent).list().stream()
                .anyMatch(a -> engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(a.getProcessInstanceId())
                        .processInstanceBusinessKey(String.valueOf(encounterId)).count() == 1);
    }

    private void fire(ProcessInstance p, String activityId) {
        List<Job> timers = engine.getManagementService().createJobQuery().timers().processInstanceId(p.getId()).activityId(activityId).list();
        assertThat(timers).as("timer at %s", activityId).isNotEmpty();
        timers.forEach(t -> engine.getManagementService().executeJob(t.getId()));
        driver.runJobs();
    }

    private WorkItem missedInstallmentTask(long encounterId) {
        return driver.task(encounterId, PaymentPlanProcess.FOLLOW_UP_MISSED_INSTALLMENT_TASK);
    }

    @Test
    void installmentsPaidOnTimeKeepThePlanUntilTheBalanceIsPaid() {
        long id = owing("90.00");
        PaymentPlan plan = plans.agree(id, new BigDecimal("30.00"), LocalDate.now().plusDays(10), "ben");
        driver.runJobs();
        ProcessInstance p = planProcess(id);
        assertThat(engine.getManagementService().createJobQuery().timers().processInstanceId(p.getId()).activityId("InstallmentDue")
                .singleResult().getDuedate()).isEqualTo(java.sql.Timestamp.valueOf(LocalDate.now().plusDays(15).atStartOfDay()));

        account.postPatientPayment(id, new BigDecimal("30.00"), "check 1", "ben");
        fire(p, "InstallmentDue");
        assertThat(plans.get(plan.id())).extracting(PaymentPlan::installmentsDue, PaymentPlan::missed, PaymentPlan::status)
                .containsExactly(1, 0, PaymentPlan.Status.ACTIVE);
        assertThat(queues.forEncounter(id)).extracting(WorkItem::taskType).doesNotContain(PaymentPlanProcess.FOLLOW_UP_MISSED_INSTALLMENT_TASK);

        account.postPatientPayment(id, new BigDecimal("60.00"), "check 2", "ben");
        fire(p, "InstallmentDue");
        assertThat(plans.get(plan.id()).status()).isEqualTo(PaymentPlan.Status.PAID_OFF);
        assertThat(planEndedAt(id, "PlanPaidOff")).isTrue();
    }

    @Test
    void aMissedInstallmentIsABillersTaskWhoKeepsOrCancelsThePlan() {
        long id = owing("90.00");
        PaymentPlan plan = plans.agree(id, new BigDecimal("30.00"), LocalDate.now(), "ben");
        driver.runJobs();
        ProcessInstance p = planProcess(id);

        fire(p, "InstallmentDue");
        WorkItem task = missedInstallmentTask(id);
        assertThat(task.queue()).isEqualTo("billers");
        assertThat(task.encounterId()).isEqualTo(id);
        fire(p, "FollowUpMissedInstallmentSlaWarning");
        fire(p, "FollowUpMissedInstallmentSlaEscalation");
        assertThatThrownBy(() -> queues.complete(task.taskId(), Map.of(PaymentPlanProcess.PLAN_DECISION, "CONTINUE"), BEN))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith("note:");
        queues.complete(task.taskId(), Map.of(PaymentPlanProcess.PLAN_DECISION, "CONTINUE", "note", "patient pays on Friday"), BEN);
        driver.runJobs();
        assertThat(plans.get(plan.id()).missed()).isEqualTo(1);

        fire(p, "InstallmentDue");
        queues.complete(missedInstallmentTask(id).taskId(), Map.of(PaymentPlanProcess.PLAN_DECISION, "CANCEL", "note", "no answer twice"), BEN);
        driver.runJobs();
        assertThat(plans.get(plan.id())).extracting(PaymentPlan::missed, PaymentPlan::status).containsExactly(2, PaymentPlan.Status.CANCELLED);
        assertThat(planEndedAt(id, "PlanCancelled")).isTrue();
        assertThat(notes.forEncounter(id)).extracting(Note::text).contains("patient pays on Friday", "no answer twice")
                .anyMatch(t -> t.startsWith("Payment plan cancelled"));
    }

    @Test
    void termsThePatientCannotKeepAreRefusedNamingTheFieldAndAgreeNothing() {
        long id = owing("90.00");
        assertThatThrownBy(() -> plans.agree(id, new BigDecimal("-5"), LocalDate.now(), "ben"))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith("monthlyAmount:");
        assertThatThrownBy(() -> plans.agree(id, new BigDecimal("95.00"), LocalDate.now(), "ben"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("more than the patient's balance of 90.00");
        assertThatThrownBy(() -> plans.agree(id, new BigDecimal("30.00"), LocalDate.now().minusDays(1), "ben"))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith("firstDueDate:");
        assertThat(plans.current(id)).isEmpty();
        assertThat(planProcess(id)).isNull();

        plans.agree(id, new BigDecimal("30.00"), LocalDate.now(), "ben");
        assertThatThrownBy(() -> plans.agree(id, new BigDecimal("30.00"), LocalDate.now(), "ben")).isInstanceOf(ConflictException.class);
    }
}
