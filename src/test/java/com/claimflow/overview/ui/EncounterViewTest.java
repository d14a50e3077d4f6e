package com.claimflow.overview.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._getFormatted;
import static com.github.mvysny.kaributesting.v10.GridKt._clickItem;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.audit.AuditEvent;
import com.claimflow.audit.AuditService;
import com.claimflow.claim.Claim;
import com.claimflow.claim.ClaimService;
import com.claimflow.collections.CloseReason;
import com.claimflow.collections.PaymentPlans;
import com.claimflow.document.EncounterDocument;
import com.claimflow.overview.EncounterFile;
import com.claimflow.overview.EncounterStory;
import com.claimflow.reference.AdjustmentCodes;
import com.claimflow.remittance.AccountService;
import com.claimflow.support.Encounters;
import com.claimflow.support.ui.KaribuTestBase;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class EncounterViewTest extends KaribuTestBase {
    @Autowired EncounterStory story;
    @Autowired AuditService audit;
    @Autowired ClaimService claims;
    @Autowired AccountService account;
    @Autowired PaymentPlans plans;

    @Test
    void theHeaderShowsPatientCoverageStageAndBalancesAndTheOpeningIsAudited() {
        long id = story.paidWithPatientShare();
        String biller = uniqueUser("biller");
        login(biller, "billers");

        navigate("encounter/" + id);

        assertThat(_get(com.vaadin.flow.component.html.H2.class, s -> s.withId("encounter-title")).getText())
                .isEqualTo("Encounter " + id + " · Patient, Test");
        String header = _get(com.vaadin.flow.component.html.Div.class, s -> s.withId("encounter-header")).getElement().getTextRecursively();
        assertThat(header).contains("BCBS", "XYZ123456789", "May 17, 1970", "Collections");
        assertThat(_get(Span.class, s -> s.withId("patient-balance")).getText()).isEqualTo("$8.75");
        assertThat(_get(Span.class, s -> s.withId("insurance-balance")).getText()).isEqualTo("$0.00");
        List<AuditEvent> views = audit.forEncounter(id).stream().filter(a -> a.getActor().equals(biller)).toList();
        assertThat(views).singleElement().satisfies(a -> {
            assertThat(a.getAction()).isEqualTo(AuditService.VIEWED_ENCOUNTER);
            assertThat(a.getDetail()).isEqualTo("ui");
        });
    }

    @Test
    void theTimelineIsNewestFirstAndShowsTheCodingTaskWithItsNote() {
        long id = story.paidWithPatientShare();
        login(uniqueUser("lead"), "leads");

        navigate("encounter/" + id);

        List<EncounterFile.Event> events = rows(grid("timeline"));
        assertThat(events).extracting(EncounterFile.Event::at).isSortedAccordingTo(Comparator.<Instant>naturalOrder().reversed());
        assertThat(events).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo(EncounterFile.Kind.TASK);
            assertThat(e.title()).isEqualTo("Code encounter (completed)");
            assertThat(e.actor()).isEqualTo("carla");
            assertThat(e.detail()).contains(EncounterStory.CODING_NOTE);
        });
        assertThat(events).extracting(EncounterFile.Event::title).contains("Encounter opened", "Scrubbing", "Submit claim")
                .anyMatch(t -> t.startsWith("837 of claim version 1"))
                .contains("Patient responsibility: insurance -8.75, patient 8.75", "Charge: insurance 118.75")
                .anyMatch(t -> t.startsWith("835 claim payment for claim version 1: PAID"))
                .anyMatch(t -> t.startsWith("Claim version 1 scrubbed: clean"));
        assertThat(events.get(events.size() - 1).title()).isEqualTo("Encounter opened");
    }

    @Test
    void theClaimsTabShowsEachVersionsLinesAndIts837() {
        long id = story.paidWithPatientShare();
        Claim claim = claims.latestFor(id).orElseThrow();
        login(uniqueUser("biller"), "billers");
        navigate("encounter/" + id);

        _get(TabSheet.class, s -> s.withId("encounter-tabs")).setSelectedIndex(1);

        Grid<EncounterFile.Line> lines = grid("claim-lines-" + claim.id());
        assertThat(_getFormatted(lines, 0, "code")).isEqualTo("99213");
        assertThat(_getFormatted(lines, 0, "pointers")).isEqualTo("1,2");
        assertThat(_getFormatted(lines, 1, "code")).isEqualTo("36415");
        String claimText = _get(com.vaadin.flow.component.orderedlayout.VerticalLayout.class, s -> s.withId("claim-" + claim.id()))
                .getElement().getTextRecursively();
        assertThat(claimText).contains("frequency 1", "PCN-" + claim.id(), com.claimflow.base.ui.Formats.numbered(claim.diagnoses()));
        _click(_get(Button.class, s -> s.withText("View")));
        String x12 = _get(Pre.class, s -> s.withId("claim-file-text")).getText();
        assertThat(x12).startsWith("ISA*").contains("ST*837*").contains("CLM*");
        assertThat(audit.forEncounter(id)).anyMatch(a -> a.getAction().equals("VIEWED_CLAIM_FILE"));
    }

    @Test
    void theRemittanceTabDescribesTheCodesAndTheLedgerKeepsARunningBalance() {
        long id = story.paidWithPatientShare();
        login(uniqueUser("biller"), "billers");
        navigate("encounter/" + id);
        TabSheet tabs = _get(TabSheet.class, s -> s.withId("encounter-tabs"));

        tabs.setSelectedIndex(2);
        String remittance = _get(com.vaadin.flow.component.orderedlayout.VerticalLayout.class, s -> s.withId("remittance"))
                .getElement().getTextRecursively();
        assertThat(remittance).contains("$100.00", "$108.75"); // paid, allowed = paid + patient share
        @SuppressWarnings("unchecked")
        Grid<EncounterFile.Adjustment> cas = _get(Grid.class, s -> s.withClasses("adjustments"));
        assertThat(rows(cas)).extracting(EncounterFile.Adjustment::carc, EncounterFile.Adjustment::description)
                .contains(org.assertj.core.groups.Tuple.tuple("2", AdjustmentCodes.describeCarc("2")),
                        org.assertj.core.groups.Tuple.tuple("45", AdjustmentCodes.describeCarc("45")));
        assertThat(AdjustmentCodes.describeCarc("45")).startsWith("charge above the fee schedule");
        assertThat(remittance).contains("N130: " + AdjustmentCodes.describeRarc("N130"));

        tabs.setSelectedIndex(3);
        Grid<EncounterFile.LedgerLine> ledger = grid("ledger");
        assertThat(rows(ledger)).extracting(l -> l.balance().toPlainString()).containsExactly("118.75", "18.75", "8.75", "8.75");
        assertThat(_getFormatted(ledger, 3, "type")).isEqualTo("Patient responsibility");
        assertThat(_getFormatted(ledger, 3, "patient")).isEqualTo("$8.75");
    }

    @Test
    void aBillerPostsAPatientPaymentAndANegativeOneIsRefusedAtTheField() {
        long id = story.paidWithPatientShare();
        login(uniqueUser("biller"), "billers");
        navigate("encounter/" + id);
        BigDecimalField amount = _get(BigDecimalField.class, s -> s.withId("payment-amount"));

        _setValue(amount, new BigDecimal("-5.00"));
        _click(_get(Button.class, s -> s.withId("post-payment")));
        assertThat(amount.isInvalid()).isTrue();
        assertThat(amount.getErrorMessage()).isEqualTo("must be more than zero");
        _setValue(amount, BigDecimal.ZERO);
        _click(_get(Button.class, s -> s.withId("post-payment")));
        assertThat(amount.getErrorMessage()).isEqualTo("must be more than zero");
        assertThat(account.balance(id).patient()).isEqualByComparingTo(EncounterStory.PATIENT_SHARE);

        _setValue(amount, new BigDecimal("5.00"));
        _setValue(_get(TextField.class, s -> s.withId("payment-reference")), "1001");
        _click(_get(Button.class, s -> s.withId("post-payment")));

        assertThat(account.balance(id).patient()).isEqualByComparingTo("3.75");
        assertThat(account.entries(id)).last().satisfies(e -> {
            assertThat(e.getReason()).isEqualTo("Check 1001");
            assertThat(e.getPatientAmount()).isEqualByComparingTo("-5.00");
        });
        assertThat(_get(Span.class, s -> s.withId("patient-balance")).getText()).isEqualTo("$3.75");
    }

    @Test
    void aCoderSeesThePageButNoPaymentFormNorThe837() {
        long id = story.sent();
        login(uniqueUser("coder"), "coders");
        navigate("encounter/" + id);

        assertThat(_find(BigDecimalField.class, s -> s.withId("payment-amount"))).isEmpty();
        _get(TabSheet.class, s -> s.withId("encounter-tabs")).setSelectedIndex(1);
        assertThat(_find(Button.class, s -> s.withText("View"))).isEmpty();
    }

    @Test
    void aListRowAndTheOpenBoxLeadToTheEncounterPage() {
        String externalId = "OPEN-" + java.util.UUID.randomUUID();
        long id = open(Encounters.visit().externalId(externalId).request());
        login(uniqueUser("biller"), "billers");
        navigate(EncountersView.class);
        _setValue(_get(TextField.class, s -> s.withId("encounter-search")), externalId);

        _clickItem(grid("encounters"), 0);
        assertThat(currentPath()).isEqualTo("encounter/" + id);

        navigate(EncountersView.class);
        TextField go = _get(TextField.class, s -> s.withId("encounter-open"));
        _setValue(go, "NO-SUCH-" + externalId);
        fireEnter(go);
        assertThat(go.isInvalid()).isTrue();
        assertThat(currentPath()).isEqualTo("encounters");
        _setValue(go, externalId.toLowerCase());
        fireEnter(go);
        assertThat(currentPath()).isEqualTo("encounter/" + id);
    }

    @Test
    void anUnknownEncounterSaysSoAndNothingIsAudited() {
        String biller = uniqueUser("biller");
        login(biller, "billers");

        navigate("encounter/987654321");

        assertThat(_get(com.vaadin.flow.component.html.Paragraph.class).getText()).isEqualTo("There is no encounter 987654321.");
        assertThat(audit.latest()).noneMatch(a -> a.getActor().equals(biller));
    }

    @Test
    void theStatementSentIsListedInTheTimelineAndItsPdfUnderDocuments() {
        long id = story.paidWithPatientShare();
        login(uniqueUser("biller"), "billers");
        navigate("encounter/" + id);

        List<EncounterFile.Event> events = rows(grid("timeline"));
        assertThat(events).extracting(EncounterFile.Event::title).contains("Patient statement 1 written");
        _get(TabSheet.class, s -> s.withId("encounter-tabs")).setSelectedIndex(4);
        List<EncounterDocument> documents = rows(grid("documents"));
        assertThat(documents).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(EncounterDocument.Kind.STATEMENT);
            assertThat(d.fileName()).isEqualTo("statement-" + id + "-1.pdf");
        });
    }

    @Test
    void aBillerAgreesAPaymentPlanOnThePageAndBadTermsAreMarkedAtTheField() {
        long id = story.paidWithPatientShare();
        login(uniqueUser("biller"), "billers");
        navigate("encounter/" + id);

        _click(_get(Button.class, s -> s.withId("open-payment-plan")));
        BigDecimalField monthly = _get(BigDecimalField.class, s -> s.withId("plan-monthly-amount"));
        _setValue(monthly, new BigDecimal("50.00"));
        _click(_get(Button.class, s -> s.withId("plan-agree")));
        assertThat(monthly.isInvalid()).isTrue();
        assertThat(monthly.getErrorMessage()).contains("more than the patient's balance of 8.75");
        assertThat(plans.current(id)).isEmpty();

        _setValue(monthly, new BigDecimal("4.00"));
        _click(_get(Button.class, s -> s.withId("plan-agree")));
        assertThat(plans.current(id)).hasValueSatisfying(p -> assertThat(p.monthlyAmount()).isEqualByComparingTo("4.00"));
        assertThat(_get(Span.class, s -> s.withId("payment-plan")).getText()).startsWith("Payment plan: $4.00 a month, next due");
        _find(Button.class, s -> s.withId("open-payment-plan")).forEach(b -> { throw new AssertionError("a second plan may not be offered"); });
    }

    @Test
    void aLeadClosesTheClaimFromThePageAndItsWorkEnds() {
        long id = open(Encounters.visit().request());
        awaitTask(id, "CodeEncounter");
        login(uniqueUser("lead"), "leads");
        navigate("encounter/" + id);

        _click(_get(Button.class, s -> s.withId("open-close-encounter")));
        @SuppressWarnings("unchecked")
        ComboBox<CloseReason> reason = _get(ComboBox.class, s -> s.withId("close-reason"));
        _setValue(reason, CloseReason.NO_DOCUMENTATION);
        _setValue(_get(TextArea.class, s -> s.withId("close-note")), "provider left the practice; nothing to bill");
        _click(_get(Button.class, s -> s.withId("close-confirm")));
        for (int i = 0; i < 20 && !queues.forEncounter(id).isEmpty(); i++) {
            management.createJobQuery().executable().list().forEach(j -> management.executeJob(j.getId()));
        }

        assertThat(queues.forEncounter(id)).isEmpty();
        assertThat(account.balance(id).isZero()).isTrue();
        _find(Button.class, s -> s.withId("open-close-encounter")).forEach(b -> { throw new AssertionError("nothing left to close"); });
    }

    private static void fireEnter(TextField field) {
        com.vaadin.flow.component.ComponentUtil.fireEvent(field, new com.vaadin.flow.component.KeyPressEvent(field, Key.ENTER.getKeys().get(0)));
    }

    @SuppressWarnings("unchecked")
    private static <T> Grid<T> grid(String id) {
        return _get(Grid.class, s -> s.withId(id));
    }
}
