package com.claimflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.claimflow.base.BadInputException;
import com.claimflow.collections.CollectionsProcess;
import com.claimflow.collections.Refunds;
import com.claimflow.demo.DemoReferenceData;
import com.claimflow.demo.DemoUsers;
import com.claimflow.intake.Encounter;
import com.claimflow.intake.EncounterProcess;
import com.claimflow.intake.EncounterRequest;
import com.claimflow.intake.EncounterService;
import com.claimflow.remittance.AccountEntry;
import com.claimflow.remittance.AccountService;
import com.claimflow.support.Encounters;
import com.claimflow.support.ProcessDriver;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
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
 * A credit balance through the real models: the encounter routes a credit to {@code credit-balance}, a biller resolves
 * it (refund to payer or patient, or to another balance of the same patient), a lead approves what the table asks.
 * The credit is made by a ledger row, as an over-payment would leave it.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import(ProcessEngineCoverageConfiguration.class)
@TestExecutionListeners(value = ProcessEngineCoverageTestExecutionListener.class, mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class CreditBalanceProcessTest {
    @Autowired AccountService account;
    @Autowired ProcessDriver driver;
    @Autowired EncounterService encounters;
    @Autowired RuntimeService runtime;
    @Autowired HistoryService history;
    @Autowired Refunds refunds;
    @Autowired JdbcTemplate jdbc;
    @Autowired DemoReferenceData reference;
    @Autowired DemoUsers users;

    @BeforeEach
    void setUp() {
        reference.load();
        users.load();
    }

    /** An encounter whose account owes {@code credit} back, its encounter process standing after the payer's answer. */
    private Encounter withCredit(Encounters visit, String credit) {
        return withCredit(visit, credit, "ClaimOutcomeGateway");
    }

    /** The same, the encounter process standing at {@code activityId} (after adjudication, or after collections). */
    private Encounter withCredit(Encounters visit, String credit, String activityId) {
        Encounter e = encounters.open(visit.request());
        driver.runJobs();
        runtime.deleteProcessInstance(e.processInstanceId(), "test starts the encounter after adjudication");
        jdbc.update("insert into account_entry (encounter_id, entry_type, amount, patient_amount, reason, posted_by, posted_at) "
                + "values (?, 'PATIENT_PAYMENT', 0, ?, 'overpaid at the desk', 'ben', current_timestamp)", e.id(), new BigDecimal(credit).negate());
        runtime.createProcessInstanceByKey(EncounterProcess.PROCESS).businessKey(String.valueOf(e.id()))
                .setVariables(Map.of(EncounterProcess.ENCOUNTER_ID, e.id(), EncounterProcess.PAYER_ID, e.payerId(),
                        "claimOutcome", "PAID", CollectionsProcess.PATIENT_BALANCE, -Double.parseDouble(credit)))
                .startBeforeActivity(activityId).execute();
        driver.runJobs();
        return e;
    }

    private static Map<String, Object> resolution(String to, Object amount, Object target) {
        Map<String, Object> form = new HashMap<>(Map.of(CollectionsProcess.REFUND_TO, to, CollectionsProcess.REFUND_AMOUNT, amount));
        if (target != null) form.put(CollectionsProcess.TARGET_ENCOUNTER_ID, target);
        return form;
    }

    private boolean passed(Encounter e, String activityId) {
        return history.createHistoricActivityInstanceQuery().activityId(activityId).list().stream()
                .anyMatch(a -> String.valueOf(e.id()).equals(history.createHistoricProcessInstanceQuery()
                        .processInstanceId(a.getProcessInstanceId()).singleResult().getBusinessKey()));
    }

    @Test
    void aCreditAboveTheThresholdIsRefundedToThePatientOnceALeadApproves() {
        Encounter e = withCredit(Encounters.visit(), "478.80");
        assertThat(refunds.credit(e.id())).isEqualByComparingTo("478.80");
        assertThat(driver.task(e.id(), CollectionsProcess.RESOLVE_CREDIT_BALANCE_TASK).queue()).isEqualTo("billers");

        assertThatThrownBy(() -> driver.complete(e.id(), CollectionsProcess.RESOLVE_CREDIT_BALANCE_TASK, "ben", "billers",
                resolution("REFUND_PATIENT", 500.00, null)))
                .isInstanceOfSatisfying(BadInputException.class, bad -> {
                    assertThat(bad.field()).isEqualTo(CollectionsProcess.REFUND_AMOUNT);
                    assertThat(bad.reason()).contains("478.80");
                });
        driver.complete(e.id(), CollectionsProcess.RESOLVE_CREDIT_BALANCE_TASK, "ben", "billers", resolution("REFUND_PATIENT", 478.80, null));
        assertThat(driver.task(e.id(), CollectionsProcess.APPROVE_REFUND_TASK).queue()).isEqualTo("leads");
        driver.complete(e.id(), CollectionsProcess.APPROVE_REFUND_TASK, "lena", "leads", Map.of(CollectionsProcess.REFUND_APPROVED, false));
        driver.complete(e.id(), CollectionsProcess.RESOLVE_CREDIT_BALANCE_TASK, "ben", "billers", resolution("REFUND_PATIENT", "478.80", null));
        driver.complete(e.id(), CollectionsProcess.APPROVE_REFUND_TASK, "lena", "leads", Map.of(CollectionsProcess.REFUND_APPROVED, true));

        assertThat(driver.openTaskTypes(e.id())).isEmpty();
        assertThat(passed(e, "CreditRefunded")).isTrue();
        assertThat(jdbc.queryForMap("select refund_to, amount, resolved_by, approved_by from refund where encounter_id = ?", e.id()))
                .containsEntry("REFUND_TO", "REFUND_PATIENT").containsEntry("RESOLVED_BY", "ben").containsEntry("APPROVED_BY", "lena")
                .hasEntrySatisfying("AMOUNT", a -> assertThat((BigDecimal) a).isEqualByComparingTo("478.80"));
        assertThat(account.balance(e.id()).isZero()).as("the refund is on the ledger: nothing owed either way").isTrue();
        assertThat(account.entries(e.id())).extracting(AccountEntry::getType).contains(AccountEntry.Type.REFUND);
    }

    @Test
    void aSmallRefundToThePayerNeedsNoLead() {
        Encounter e = withCredit(Encounters.visit(), "21.20");
        driver.complete(e.id(), CollectionsProcess.RESOLVE_CREDIT_BALANCE_TASK, "ben", "billers", resolution("REFUND_PAYER", 21.20, null));
        assertThat(driver.openTaskTypes(e.id())).isEmpty();
        assertThat(refunds.count(e.id())).isEqualTo(1);
        assertThat(passed(e, CollectionsProcess.APPROVE_REFUND_TASK)).isFalse();
        assertThat(account.balance(e.id()).total()).isEqualByComparingTo("0");
    }

    @Test
    void aCreditAppliedToTheSamePatientsOtherBalancePaysItThere() {
        Encounter e = withCredit(Encounters.visit(), "30.00");
        Encounter other = encounters.open(Encounters.visit().request());
        jdbc.update("insert into account_entry (encounter_id, entry_type, amount, patient_amount, reason, posted_by, posted_at) "
                + "values (?, 'PATIENT_RESPONSIBILITY', 0, 50.00, 'coinsurance', 'test', current_timestamp)", other.id());

        driver.complete(e.id(), CollectionsProcess.RESOLVE_CREDIT_BALANCE_TASK, "ben", "billers", resolution("APPLY_TO_OTHER", 30, other.id()));

        assertThat(account.balance(e.id()).isZero()).isTrue();
        assertThat(account.balance(other.id()).patient()).isEqualByComparingTo("20.00");
        assertThat(account.entries(other.id())).extracting(AccountEntry::getType).contains(AccountEntry.Type.CREDIT_TRANSFER);
    }

    @Test
    void aCreditGoesOnlyToAnotherBalanceOfTheSamePatient() {
        Encounter e = withCredit(Encounters.visit(), "300.00");
        EncounterRequest r = Encounters.visit().request();
        Encounter stranger = encounters.open(new EncounterRequest(r.externalId(), new EncounterRequest.Patient("Other", "Person",
                LocalDate.of(1981, 2, 3), "M"), r.coverage(), r.billingProviderNpi(), r.renderingProviderNpi(), r.referringProviderNpi(),
                r.priorAuthorization(), r.dateOfService(), r.placeOfService(), r.claimType(), r.documentation(), r.referringProviderName(),
                r.institutional()));
        for (Object[] bad : new Object[][] {{"GIVE_AWAY", 10, null, CollectionsProcess.REFUND_TO},
                {"APPLY_TO_OTHER", 10, null, CollectionsProcess.TARGET_ENCOUNTER_ID},
                {"APPLY_TO_OTHER", 10, e.id(), CollectionsProcess.TARGET_ENCOUNTER_ID},
                {"APPLY_TO_OTHER", 10, stranger.id(), CollectionsProcess.TARGET_ENCOUNTER_ID},
                {"REFUND_PAYER", -5, null, CollectionsProcess.REFUND_AMOUNT},
                {"REFUND_PAYER", "ten", null, CollectionsProcess.REFUND_AMOUNT}}) {
            assertThatThrownBy(() -> driver.complete(e.id(), CollectionsProcess.RESOLVE_CREDIT_BALANCE_TASK, "ben", "billers",
                    resolution((String) bad[0], bad[1], bad[2])))
                    .as(java.util.Arrays.toString(bad))
                    .isInstanceOfSatisfying(BadInputException.class, x -> assertThat(x.field()).isEqualTo(bad[3]));
        }
        assertThat(refunds.count(e.id())).isZero();
        assertThat(driver.openTaskTypes(e.id())).containsExactly(CollectionsProcess.RESOLVE_CREDIT_BALANCE_TASK);
    }

    @Test
    void aCreditLeftWhenCollectionsEndsIsResolvedInsteadOfClosingTheEncounter() {
        Encounter e = withCredit(Encounters.visit(), "15.00", "CollectionsOutcomeGateway");
        assertThat(driver.openTaskTypes(e.id())).containsExactly(CollectionsProcess.RESOLVE_CREDIT_BALANCE_TASK);
        driver.complete(e.id(), CollectionsProcess.RESOLVE_CREDIT_BALANCE_TASK, "ben", "billers", resolution("REFUND_PATIENT", 15, null));
        assertThat(passed(e, "CreditRefunded")).isTrue();
        assertThat(passed(e, "EncounterClosed")).isFalse();
    }
}
