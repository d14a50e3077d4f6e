package com.claimflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.claimflow.audit.AuditService;
import com.claimflow.base.BadInputException;
import com.claimflow.identity.Worker;
import com.claimflow.remittance.PayerFileExceptionProcess;
import com.claimflow.remittance.PayerFileExceptions;
import com.claimflow.support.ProcessDriver;
import com.claimflow.workqueue.WorkItem;
import com.claimflow.workqueue.WorkQueueService;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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

/**
 * The payer-file-exception model through the real engine, services and work queue: what a payer file says that no
 * claim's process can take waits for a biller, warns and escalates on its SLA, and ends the way the biller resolved it.
 * (Posting a kept payment to the claim a biller names, from a real 835, is proved in InboundFilesTest.)
 */
@SpringBootTest
@ActiveProfiles("test")
@Import(ProcessEngineCoverageConfiguration.class)
@TestExecutionListeners(value = ProcessEngineCoverageTestExecutionListener.class, mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class PayerFileExceptionProcessTest {
    private static final AtomicLong FILE = new AtomicLong(900_000);
    private static final Worker BEN = new Worker("ben", Set.of("billers"));

    @Autowired ProcessEngine engine;
    @Autowired PayerFileExceptions exceptions;
    @Autowired WorkQueueService queues;
    @Autowired ProcessDriver driver;
    @Autowired AuditService audit;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
    }

    private ProcessInstance instance(String businessKey) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(businessKey).singleResult();
    }

    private WorkItem taskOf(ProcessInstance p) {
        return queues.get(engine.getTaskService().createTaskQuery().processInstanceId(p.getId()).singleResult().getId());
    }

    private void fireTimerOf(ProcessInstance p, String activityId) {
        var timer = engine.getManagementService().createJobQuery().processInstanceId(p.getId()).timers().activityId(activityId).singleResult();
        engine.getManagementService().executeJob(timer.getId());
        driver.runJobs();
    }

    /** The task's two SLA timers: the warning raises it, the escalation puts it before the leads too. */
    private void warnsThenEscalates(ProcessInstance p, WorkItem item) {
        fireTimerOf(p, item.taskType() + "SlaWarning");
        assertThat(queues.get(item.taskId()).slaState()).isEqualTo(WorkItem.SlaState.WARNED);
        fireTimerOf(p, item.taskType() + "SlaEscalation");
        assertThat(queues.get(item.taskId()).slaState()).isEqualTo(WorkItem.SlaState.ESCALATED);
        assertThat(engine.getTaskService().createTaskQuery().taskId(item.taskId()).taskCandidateGroup("leads").count()).isEqualTo(1);
        assertThat(audit.forTask(item.taskId())).extracting(a -> a.getAction()).containsExactly("SLA_WARNED", "SLA_ESCALATED");
    }

    @Test
    void anUnmatchedPaymentWaitsInTheBillersQueueUntilABillerRecordsItAsNotOurs() {
        long file = FILE.incrementAndGet();
        long id = exceptions.keepUnmatchedPayment(file, 11, "ABC123", "2026343000999", "1", new BigDecimal("50"), new BigDecimal("40.00"), "AETNA",
                "no claim of ours has patient control number 'ABC123'");
        ProcessInstance p = instance("835:" + file + ":11");
        BpmnAwareTests.assertThat(p).isWaitingAt(PayerFileExceptionProcess.RESOLVE_UNMATCHED_PAYMENT_TASK).task().hasCandidateGroup("billers");
        WorkItem item = taskOf(p);
        assertThat(item.encounterId()).isNull();
        assertThat(item.claimId()).isNull();
        assertThat(item.payerId()).isEqualTo("AETNA");
        assertThat(item.amount()).isEqualByComparingTo("40.00");

        assertThatThrownBy(() -> queues.complete(item.taskId(), Map.of("resolution", "NOT_OURS"), BEN))
                .isInstanceOf(BadInputException.class).hasMessageContaining("note");
        assertThatThrownBy(() -> queues.complete(item.taskId(), Map.of("resolution", "LATER", "note", "?"), BEN))
                .isInstanceOf(BadInputException.class).hasMessageContaining("resolution");
        BpmnAwareTests.assertThat(p).isWaitingAt(PayerFileExceptionProcess.RESOLVE_UNMATCHED_PAYMENT_TASK);

        queues.complete(item.taskId(), Map.of("resolution", "NOT_OURS", "note", "another clinic's patient; told the payer"), BEN);
        driver.runJobs();
        BpmnAwareTests.assertThat(p).hasPassed("PaymentResolved").isEnded();
        assertThat(exceptions.unmatchedPayment(id).orElseThrow().resolution()).isEqualTo("NOT_OURS");
        assertThat(audit.forTask(item.taskId())).extracting(a -> a.getAction()).contains("COMPLETED");
    }

    @Test
    void aPaymentToRefundEndsTheSameWay() {
        long file = FILE.incrementAndGet();
        long id = exceptions.keepUnmatchedPayment(file, 20, "CF1V1", null, "1", new BigDecimal("10"), new BigDecimal("10"), "BCBS", "duplicate payment");
        ProcessInstance p = instance("835:" + file + ":20");
        queues.complete(taskOf(p).taskId(), Map.of("resolution", "REFUND", "note", "paid twice; refund requested"), BEN);
        driver.runJobs();
        BpmnAwareTests.assertThat(p).hasPassed("PaymentResolved").isEnded();
        assertThat(exceptions.unmatchedPayment(id).orElseThrow().resolution()).isEqualTo("REFUND");
    }

    @Test
    void aProviderRejectionWarnsThenEscalatesOnItsSlaAndEndsWhenTheBillerFixedTheCause() {
        long file = FILE.incrementAndGet();
        long id = exceptions.raiseProviderRejection(file, 16, "2000C", "RIVERSIDE FAMILY CLINIC", "1234567893",
                "A3:562:85 returned as unprocessable: entity's National Provider Identifier (NPI) (billing provider)", "BCBS");
        ProcessInstance p = instance("277CA:" + file + ":16");
        BpmnAwareTests.assertThat(p).isWaitingAt(PayerFileExceptionProcess.RESOLVE_PROVIDER_REJECTION_TASK).task().hasCandidateGroup("billers");
        WorkItem item = taskOf(p);
        assertThat(item.encounterId()).isNull();
        assertThat(item.payerId()).isEqualTo("BCBS");

        warnsThenEscalates(p, item);

        queues.complete(item.taskId(), Map.of("resolution", "CORRECTED", "note", "NPI enrollment fixed; claims resent"), BEN);
        driver.runJobs();
        BpmnAwareTests.assertThat(p).hasPassed("RejectionResolved").isEnded();
        assertThat(exceptions.providerRejection(id).orElseThrow().resolution()).isEqualTo("CORRECTED");
    }

    @Test
    void anUnmatchedPaymentWarnsThenEscalatesOnItsSla() {
        long file = FILE.incrementAndGet();
        exceptions.keepUnmatchedPayment(file, 11, "XYZ", null, "1", BigDecimal.TEN, BigDecimal.TEN, "BCBS", "no claim");
        ProcessInstance p = instance("835:" + file + ":11");
        warnsThenEscalates(p, taskOf(p));
    }
}
