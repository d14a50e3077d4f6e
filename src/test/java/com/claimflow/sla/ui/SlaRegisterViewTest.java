package com.claimflow.sla.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.identity.ui.AccessDeniedView;
import com.claimflow.sla.SlaEvent;
import com.claimflow.sla.SlaRegister;
import com.claimflow.sla.SlaTotal;
import com.claimflow.support.ui.KaribuTestBase;
import com.claimflow.workqueue.WorkItem;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class SlaRegisterViewTest extends KaribuTestBase {
    @Autowired SlaRegister register;

    private WorkItem item(String holder, String queue) {
        return new WorkItem("t-" + UUID.randomUUID(), "pi", 77L, null, "FixClaimEdit", "Fix claim edit", queue, "AETNA", BigDecimal.TEN, 50,
                Instant.now().minus(Duration.ofHours(30)), null, holder, WorkItem.SlaState.OK, null);
    }

    @SuppressWarnings("unchecked")
    private Grid<SlaEvent> events() {
        return _get(Grid.class, s -> s.withId("sla-events"));
    }

    @SuppressWarnings("unchecked")
    private Grid<SlaTotal> perPerson() {
        return _get(Grid.class, s -> s.withId("sla-totals-person"));
    }

    @Test
    void aLeadFiltersTheRegisterByPersonAndKindAndSeesTheTotals() {
        String holder = uniqueUser("biller");
        WorkItem open = item(holder, "billers");
        WorkItem done = item(holder, "billers");
        Instant now = Instant.now();
        register.raised(open, SlaEvent.Kind.WARNING, now.plus(Duration.ofHours(2)), now);
        register.raised(done, SlaEvent.Kind.ESCALATION, now, now);
        register.resolved(done.taskId(), holder, now);
        login(uniqueUser("lead"), "leads");
        navigate("sla-register");

        _setValue(_get(TextField.class, s -> s.withId("sla-person")), holder);
        _click(_get(Button.class, s -> s.withId("sla-search")));

        assertThat(rows(events())).extracting(SlaEvent::taskId).containsExactly(done.taskId(), open.taskId());
        assertThat(((Anchor) _getCellComponent(events(), 1, "task")).getHref()).isEqualTo("task/" + open.taskId()); // open: a link to the task
        assertThat(_getCellComponent(events(), 0, "task")).isNotInstanceOf(Anchor.class);
        assertThat(((Anchor) _getCellComponent(events(), 0, "encounter")).getHref()).isEqualTo("encounter/77");
        assertThat(SlaRegisterView.lateText(rows(events()).get(1))).isEqualTo("2 h 0 min left");
        assertThat(SlaRegisterView.lateText(rows(events()).get(0))).isEqualTo("1 d 6 h late");
        assertThat(rows(perPerson())).extracting(SlaTotal::name).containsExactly(holder, "All");
        assertThat(rows(perPerson()).get(0)).isEqualTo(new SlaTotal(holder, 1, 1, 0, 0));

        _get(Select.class, s -> s.withId("sla-kind")).setValue("warning");
        _click(_get(Button.class, s -> s.withId("sla-search")));
        assertThat(rows(events())).extracting(SlaEvent::taskId).containsExactly(open.taskId());
        // the exports stream through the UI session (the API would ask a browser for HTTP Basic): Vaadin resource links
        assertThat(_get(Anchor.class, s -> s.withId("sla-csv")).getHref()).startsWith("VAADIN/dynamic/resource/");
        assertThat(_get(Anchor.class, s -> s.withId("sla-pdf")).getHref()).startsWith("VAADIN/dynamic/resource/");

        _get(Select.class, s -> s.withId("sla-kind")).setValue("any");
        _get(Select.class, s -> s.withId("sla-status")).setValue("resolved");
        _click(_get(Button.class, s -> s.withId("sla-search")));
        assertThat(rows(events())).extracting(SlaEvent::taskId).containsExactly(done.taskId());
    }

    @Test
    void aBadPeriodIsMarkedAtItsField() {
        login(uniqueUser("compliance"), "compliance");
        navigate("sla-register");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        _setValue(_get(DatePicker.class, s -> s.withId("sla-from")), today.minusYears(2));
        _click(_get(Button.class, s -> s.withId("sla-search")));
        DatePicker to = _get(DatePicker.class, s -> s.withId("sla-to"));
        assertThat(to.isInvalid()).isTrue();
        assertThat(to.getErrorMessage()).contains("at most 366 days");
    }

    @Test
    void codersAndBillersAreRefusedTheRegister() {
        for (String group : new String[] {"coders", "billers"}) {
            login(uniqueUser(group), group);
            navigate("sla-register");
            assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain()).anyMatch(AccessDeniedView.class::isInstance);
            _assertNone(SlaRegisterView.class);
        }
    }
}
