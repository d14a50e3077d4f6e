package com.claimflow.workqueue.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.claimflow.audit.AuditEvent;
import com.claimflow.audit.AuditService;
import com.claimflow.base.NotFoundException;
import com.claimflow.coding.CodingService;
import com.claimflow.identity.Worker;
import com.claimflow.support.Encounters;
import com.claimflow.support.ui.KaribuTestBase;
import com.claimflow.workqueue.WorkItem;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class TaskViewTest extends KaribuTestBase {
    @Autowired AuditService audit;
    @Autowired CodingService coding;
    @Autowired com.claimflow.reference.ReferenceService reference;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired com.claimflow.remittance.PayerFileExceptions exceptions;
    @Autowired com.claimflow.support.ProcessDriver driver;
    @Autowired com.claimflow.claim.ClaimService claims;
    @Autowired com.claimflow.remittance.RemittanceService remittances;
    @Autowired com.claimflow.workqueue.Notes notes;

    @Test
    void openingATaskShowsTheEncounterAndTheFormAndIsAudited() {
        long encounterId = open(Encounters.visit().request());
        WorkItem task = awaitTask(encounterId, "CodeEncounter");
        String coder = uniqueUser("coder");
        login(coder, "coders");

        TaskView.open(task.taskId());

        assertThat(_get(H2.class, s -> s.withId("task-name")).getText()).isEqualTo("Code encounter");
        assertThat(_get(Div.class, s -> s.withId("documentation")).getText()).isEqualTo("Synthetic test note.");
        assertThat(diagnosisCodes().getLabel()).isEqualTo("Diagnosis codes (ICD-10-CM)");
        // codes are not required on the form (a coder may query the provider instead); CodingService enforces them
        assertThat(diagnosisCodes().isRequiredIndicatorVisible()).isFalse();
        assertThat(procedureLines().getLabel()).isEqualTo("Procedure lines");
        assertThat(_get(Checkbox.class, s -> s.withId("form-queryProvider")).getValue()).isFalse();
        assertThat(_get(Button.class, s -> s.withId("claim")).isVisible()).isTrue();
        assertThat(audit.forTask(task.taskId())).extracting(AuditEvent::getAction, AuditEvent::getActor)
                .contains(org.assertj.core.groups.Tuple.tuple(AuditService.VIEWED_ENCOUNTER, coder));
    }

    @Test
    void completingCodingWithAnUnknownDiagnosisShowsTheErrorOnTheDiagnosisFieldAndLeavesTheTaskOpen() {
        long encounterId = open(Encounters.visit().request());
        WorkItem task = awaitTask(encounterId, "CodeEncounter");
        login(uniqueUser("coder"), "coders");
        TaskView.open(task.taskId());

        _setValue(diagnosisCodes(), "Q999X");
        _setValue(procedureLines(), "99213 1 1");
        _click(_get(Button.class, s -> s.withId("complete")));

        assertThat(diagnosisCodes().isInvalid()).isTrue();
        assertThat(diagnosisCodes().getErrorMessage()).contains("Q999X").contains("not in the loaded code set");
        assertThat(procedureLines().isInvalid()).isFalse();
        assertThat(_get(TaskView.class).taskId()).isEqualTo(task.taskId());
        assertThat(queues.get(task.taskId()).taskType()).isEqualTo("CodeEncounter");
        assertThat(coding.codingOf(encounterId)).isEmpty();
    }

    @Test
    void aBadProcedureLineIsShownOnTheProcedureLinesFieldWithItsLineNumber() {
        long encounterId = open(Encounters.visit().request());
        WorkItem task = awaitTask(encounterId, "CodeEncounter");
        login(uniqueUser("coder"), "coders");
        TaskView.open(task.taskId());

        _setValue(diagnosisCodes(), "I10");
        _setValue(procedureLines(), "99213 1 1\n99213 1 3");
        _click(_get(Button.class, s -> s.withId("complete")));

        assertThat(procedureLines().isInvalid()).isTrue();
        assertThat(procedureLines().getErrorMessage()).startsWith("line 2: ").contains("pointer 3");
        assertThat(diagnosisCodes().isInvalid()).isFalse();
        assertThat(queues.get(task.taskId())).isNotNull();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aBillerFixingAChargeEditScrubsTheClaimAgainOnDemand() {
        // UHC's demo fee schedule has no amount for 20610: the charge edit sends the claim to a biller
        long encounterId = open(Encounters.visit().payer("UHC", "123456789").request());
        WorkItem coding = awaitTask(encounterId, "CodeEncounter");
        queues.complete(coding.taskId(), java.util.Map.of("diagnosisCodes", "M1711", "procedureLines", "20610 RT 1 1", "queryProvider", false),
                new com.claimflow.identity.Worker("carla", java.util.Set.of("coders")));
        WorkItem fix = awaitTaskOrAudit(encounterId, "FixClaimEdit");
        String biller = uniqueUser("biller");
        login(biller, "billers");
        TaskView.open(fix.taskId());
        assertThat(rows((Grid<com.claimflow.scrub.Finding>) _get(Grid.class, s -> s.withId("scrub-edits"))))
                .anyMatch(f -> f.editId().equals("CHARGE_MISSING"));

        jdbc.update("insert into fee_schedule_entry (payer_id, code, allowed_amount, valid_from) values ('UHC', '20610', 71.30, '2015-10-01')");
        try {
            _click(_get(Button.class, s -> s.withId("scrub-now")));
            assertThat(notifications()).anyMatch(n -> n.contains("scrubs clean"));
            com.github.mvysny.kaributesting.v10.LocatorJ._assertNone(Grid.class, s -> s.withId("scrub-edits"));
        } finally {
            jdbc.update("delete from fee_schedule_entry where payer_id = 'UHC' and code = '20610'");
        }
        assertThat(audit.forTask(fix.taskId())).extracting(AuditEvent::getAction).contains("SCRUBBED");
    }

    @Test
    void aBillingDenialPageSaysWhyInThePayersCodesShowsEarlierNotesAndStartsTheEditorFromTheClaim() {
        long encounterId = open(Encounters.visit().request());
        driver.runJobs();
        driver.code(encounterId, "I10", "99213 1 1");
        com.claimflow.claim.Claim c = claims.latestFor(encounterId).orElseThrow();
        remittances.acknowledge(c.id(), true, "PCN-" + c.id(), null);
        driver.runJobs();
        notes.add(encounterId, null, null, com.claimflow.workqueue.Note.Kind.NOTE, "carla", "auth was requested by phone on the visit day");
        remittances.post(new com.claimflow.remittance.RemittanceAdvice("ERA-UI-" + c.id(), c.id(), "PCN-" + c.id(), java.math.BigDecimal.ZERO,
                java.math.BigDecimal.ZERO, java.math.BigDecimal.ZERO, true, "CO", "197", "N130"));
        driver.runJobs();
        WorkItem denial = awaitTask(encounterId, "CorrectBillingDenial");
        login(uniqueUser("biller"), "billers");

        TaskView.open(denial.taskId());

        String why = _get(com.vaadin.flow.component.orderedlayout.VerticalLayout.class, s -> s.withId("why-this-task")).getElement().getTextRecursively();
        assertThat(why).contains("Payer's denial").contains("197 · prior authorization, precertification or notification missing")
                .contains("N130 · see the plan's benefit documents");
        assertThat(_get(com.vaadin.flow.component.orderedlayout.VerticalLayout.class, s -> s.withId("encounter-notes")).getElement()
                .getTextRecursively()).contains("carla").contains("auth was requested by phone on the visit day");
        assertThat(_get(TextArea.class, s -> s.withId("form-lines")).getValue()).isEqualTo("99213 1 " + c.lines().get(0).charge() + " 1");
        assertThat(_get(TextField.class, s -> s.withId("form-diagnoses")).getValue()).isEqualTo("I10");
        assertThat(_get(com.vaadin.flow.component.html.Anchor.class, s -> s.withClasses("encounter-link")).getHref())
                .isEqualTo("encounter/" + encounterId);
    }

    /** The audit sample may pick any coding (a random draw): pass the audit, then wait for the task the test is about. */
    private WorkItem awaitTaskOrAudit(long encounterId, String taskType) {
        try {
            return awaitTask(encounterId, taskType);
        } catch (AssertionError sampled) {
            WorkItem audit = awaitTask(encounterId, "AuditCoding");
            queues.complete(audit.taskId(), java.util.Map.of("auditPassed", true),
                    new com.claimflow.identity.Worker("cora", java.util.Set.of("compliance")));
            return awaitTask(encounterId, taskType);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCoderLooksCodesUpAsTheyTypeAndPickingOneFillsTheForm() {
        long encounterId = open(Encounters.visit().request());
        WorkItem task = awaitTask(encounterId, "CodeEncounter");
        login(uniqueUser("coder"), "coders");
        TaskView.open(task.taskId());
        var lookup = (com.vaadin.flow.component.combobox.ComboBox<com.claimflow.reference.CodeSetEntry>)
                _get(com.vaadin.flow.component.combobox.ComboBox.class, s -> s.withId("code-lookup"));

        var hypertension = reference.search("I10", 5);
        assertThat(hypertension).first().satisfies(c -> assertThat(c.code()).isEqualTo("I10"));
        _setValue(lookup, hypertension.get(0));
        var visit = reference.search("99213", 5).get(0);
        _setValue(lookup, visit);

        assertThat(diagnosisCodes().getValue()).isEqualTo("I10");
        assertThat(procedureLines().getValue()).isEqualTo("99213 1 1");
        assertThat(lookup.getValue()).isNull();
    }

    @Test
    void aCoderSendsATaskTheyCannotCompleteToTheLeadsAndALeadSendsItBack() {
        long encounterId = open(Encounters.visit().request());
        WorkItem task = awaitTask(encounterId, "CodeEncounter");
        String coder = uniqueUser("coder");
        login(coder, "coders");
        TaskView.open(task.taskId());
        _click(_get(Button.class, s -> s.withId("claim")));

        _click(_get(Button.class, s -> s.withId("escalate")));
        _click(_get(Button.class, s -> s.withId("escalation-confirm")));
        assertThat(_get(TextArea.class, s -> s.withId("escalation-reason")).isInvalid()).as("sending needs a reason").isTrue();
        _setValue(_get(TextArea.class, s -> s.withId("escalation-reason")), "The documentation is another patient's note");
        _click(_get(Button.class, s -> s.withId("escalation-confirm")));

        _get(MyWorkView.class);
        assertThat(notifications()).contains("Task sent to the leads.");
        assertThat(queues.get(task.taskId()).queue()).isEqualTo("leads");
        assertThat(queues.get(task.taskId()).assignee()).isNull();

        String lead = uniqueUser("lead");
        login(lead, "leads", "coders", "billers");
        TaskView.open(task.taskId());
        assertThat(_get(Paragraph.class, s -> s.withId("task-note")).getText())
                .contains("Sent to the leads from the coders queue by " + coder).contains("another patient's note");
        _assertNone(Button.class, s -> s.withId("escalate"));
        _click(_get(Button.class, s -> s.withId("send-back")));
        _setValue(_get(TextArea.class, s -> s.withId("escalation-reason")), "Right note attached; code it");
        _click(_get(Button.class, s -> s.withId("escalation-confirm")));

        assertThat(queues.get(task.taskId()).queue()).isEqualTo("coders");
        assertThat(queues.get(task.taskId()).escalatedFrom()).isNull();
    }

    @Test
    void completingCodingWithValidCodesClosesTheTask() {
        long encounterId = open(Encounters.visit().request());
        WorkItem task = awaitTask(encounterId, "CodeEncounter");
        String coder = uniqueUser("coder");
        login(coder, "coders");
        TaskView.open(task.taskId());
        _click(_get(Button.class, s -> s.withId("claim")));
        assertThat(queues.get(task.taskId()).assignee()).isEqualTo(coder);

        _setValue(diagnosisCodes(), "I10, E785");
        _setValue(procedureLines(), "99213 1 1,2");
        _click(_get(Button.class, s -> s.withId("complete")));

        _get(MyWorkView.class);
        assertThat(notifications()).anyMatch(n -> n.contains("completed"));
        assertThatThrownBy(() -> queues.get(task.taskId())).isInstanceOf(NotFoundException.class);
        assertThat(coding.codingOf(encounterId)).get().satisfies(c -> {
            assertThat(c.diagnoses()).containsExactly("I10", "E785");
            assertThat(c.codedBy()).isEqualTo(coder);
        });
    }

    @Test
    void theCodingFormStartsFromTheCodesOnFile() {
        long encounterId = open(Encounters.visit().request());
        WorkItem task = awaitTask(encounterId, "CodeEncounter");
        coding.record(encounterId, "I10, E785", "99213 25 1 1,2\n36415 1 1", "someone");
        login(uniqueUser("coder"), "coders");

        TaskView.open(task.taskId());

        assertThat(diagnosisCodes().getValue()).isEqualTo("I10, E785");
        assertThat(procedureLines().getValue()).isEqualTo("99213 25 1 1,2\n36415 1 1");
    }

    @Test
    void aPaymentNoClaimMatchesIsShownWithWhatThePayerSentAndWhyItWasNotPosted() {
        long file = 800_000 + System.nanoTime() % 100_000;
        exceptions.keepUnmatchedPayment(file, 11, "CF999999999V1", "2026343000301", "1", new java.math.BigDecimal("115"),
                new java.math.BigDecimal("75"), "BCBS", "no claim of ours has patient control number 'CF999999999V1'");
        String processInstance = runtime.createProcessInstanceQuery().processInstanceBusinessKey("835:" + file + ":11").singleResult().getId();
        WorkItem task = queues.get(context.getBean(org.camunda.bpm.engine.TaskService.class).createTaskQuery()
                .processInstanceId(processInstance).singleResult().getId());
        login(uniqueUser("biller"), "billers");

        TaskView.open(task.taskId());

        assertThat(_get(H2.class, s -> s.withId("task-name")).getText()).isEqualTo("Resolve unmatched payment");
        String panel = _get(com.vaadin.flow.component.orderedlayout.VerticalLayout.class, s -> s.withId("encounter-panel"))
                .getElement().getTextRecursively();
        assertThat(panel).contains("Payment from the payer").contains("CF999999999V1").contains("$75.00")
                .contains("no claim of ours has patient control number").contains(file + ", segment 11");
        assertThat(panel).doesNotContain("not tied to an encounter");
    }

    @Test
    void aTaskTypeNoCapabilityShowsStillOpensWithTheFrameAlone() {
        String key = "panel-less-" + System.nanoTime();
        String deployment = context.getBean(org.camunda.bpm.engine.RepositoryService.class).createDeployment()
                .addModelInstance(key + ".bpmn", org.camunda.bpm.model.bpmn.Bpmn.createExecutableProcess(key).startEvent()
                        .userTask("CheckSomethingNew").name("Check something new").camundaCandidateGroups("billers").endEvent().done())
                .deploy().getId();
        try {
            String processInstance = runtime.startProcessInstanceByKey(key).getId();
            WorkItem task = queues.get(context.getBean(org.camunda.bpm.engine.TaskService.class).createTaskQuery()
                    .processInstanceId(processInstance).singleResult().getId());
            login(uniqueUser("biller"), "billers");

            TaskView.open(task.taskId());

            assertThat(_get(H2.class, s -> s.withId("task-name")).getText()).isEqualTo("Check something new");
            assertThat(_get(com.vaadin.flow.component.orderedlayout.VerticalLayout.class, s -> s.withId("encounter-panel"))
                    .getElement().getTextRecursively()).isEqualTo("This task is not tied to an encounter on file.");
            assertThat(_get(com.vaadin.flow.component.orderedlayout.VerticalLayout.class, s -> s.withId("task-form-panel"))
                    .getElement().getTextRecursively()).contains("This task has no form");
            assertThat(_get(Button.class, s -> s.withId("claim")).isVisible()).isTrue();
        } finally {
            context.getBean(org.camunda.bpm.engine.RepositoryService.class).deleteDeployment(deployment, true);
        }
    }

    @Test
    void someoneWhoMayNotWorkTheQueueIsSentBackToMyWork() {
        long encounterId = open(Encounters.visit().request());
        WorkItem task = awaitTask(encounterId, "CodeEncounter");
        login(uniqueUser("biller"), "billers");

        TaskView.open(task.taskId());

        _get(MyWorkView.class);
        assertThat(notifications()).contains("You may not work the coders queue.");
        assertThat(audit.forTask(task.taskId())).noneMatch(e -> e.getAction().equals(AuditService.VIEWED_ENCOUNTER));
    }

    @Test
    void aTaskHeldBySomeoneElseIsReadOnly() {
        long encounterId = open(Encounters.visit().request());
        WorkItem task = awaitTask(encounterId, "CodeEncounter");
        queues.claim(task.taskId(), new Worker("carla", Set.of("coders")));
        login(uniqueUser("coder"), "coders");

        TaskView.open(task.taskId());

        _assertNone(Button.class, s -> s.withId("complete"));
        _assertNone(Button.class, s -> s.withId("claim"));
        assertThat(diagnosisCodes().isReadOnly()).isTrue();
        assertThat(_get(Paragraph.class, s -> s.withId("task-note")).getText()).contains("Claimed by carla");
    }

    @Test
    void aClosedTaskSendsThePersonBackToMyWork() {
        login(uniqueUser("coder"), "coders");

        TaskView.open("no-such-task");

        _get(MyWorkView.class);
        assertThat(notifications()).anyMatch(n -> n.contains("closed"));
    }

    private static TextField diagnosisCodes() {
        return _get(TextField.class, s -> s.withId("form-diagnosisCodes"));
    }

    private static TextArea procedureLines() {
        return _get(TextArea.class, s -> s.withId("form-procedureLines"));
    }
}
