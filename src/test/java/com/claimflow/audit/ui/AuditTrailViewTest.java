package com.claimflow.audit.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.audit.AuditEntry;
import com.claimflow.audit.AuditService;
import com.claimflow.audit.AuditTrail;
import com.claimflow.identity.ui.AccessDeniedView;
import com.claimflow.support.ui.KaribuTestBase;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class AuditTrailViewTest extends KaribuTestBase {
    @Autowired AuditService audit;

    @SuppressWarnings("unchecked")
    private Grid<AuditEntry> grid() {
        return _get(Grid.class, s -> s.withId("audit-events"));
    }

    @Test
    void complianceFindsWhoViewedAnEncounterPagesOnAndTheReadIsAudited() {
        String actor = uniqueUser("viewer");
        for (int i = 0; i < 55; i++) audit.record(actor, AuditService.VIEWED_ENCOUNTER, 5000L + i, null, i % 2 == 0 ? "ui" : "api");
        String reader = uniqueUser("compliance");
        login(reader, "compliance");
        navigate("audit");

        _setValue(_get(TextField.class, s -> s.withId("audit-actor")), actor);
        _click(_get(Button.class, s -> s.withId("audit-search")));

        assertThat(rows(grid())).hasSize(50);
        assertThat(rows(grid()).get(0).encounterId()).isEqualTo(5054L);
        assertThat(rows(grid()).get(0).channel()).isEqualTo("ui");
        assertThat(_get(Anchor.class, s -> s.withId("audit-csv")).getHref()).startsWith("VAADIN/dynamic/resource/"); // through the UI session
        _click(_get(Button.class, s -> s.withId("audit-older")));
        assertThat(rows(grid())).extracting(AuditEntry::encounterId).containsExactly(5004L, 5003L, 5002L, 5001L, 5000L);
        assertThat(_get(Button.class, s -> s.withId("audit-older")).isEnabled()).isFalse();

        _setValue(_get(TextField.class, s -> s.withId("audit-encounter")), "5042");
        _click(_get(Button.class, s -> s.withId("audit-search")));
        assertThat(rows(grid())).singleElement().satisfies(e -> assertThat(e.actor()).isEqualTo(actor));

        assertThat(audit.latest()).filteredOn(e -> e.getActor().equals(reader)).extracting(e -> e.getAction()).containsOnly(AuditTrail.VIEWED)
                .hasSize(4); // the first page on opening, the search, the older page, the encounter's search
        assertThat(audit.forEncounter(5042)).anySatisfy(e -> {
            assertThat(e.getActor()).isEqualTo(reader);
            assertThat(e.getDetail()).startsWith("ui; ").contains("encounter 5042");
        });
    }

    @Test
    void aBadFilterIsMarkedAtItsFieldAndNothingIsRead() {
        String reader = uniqueUser("compliance");
        login(reader, "compliance");
        navigate("audit");
        long reads = audit.latest().stream().filter(e -> e.getActor().equals(reader)).count();

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        _setValue(_get(DatePicker.class, s -> s.withId("audit-from")), today);
        _setValue(_get(DatePicker.class, s -> s.withId("audit-to")), today.minusDays(3));
        _click(_get(Button.class, s -> s.withId("audit-search")));
        assertThat(_get(DatePicker.class, s -> s.withId("audit-from")).isInvalid()).isTrue();

        _setValue(_get(DatePicker.class, s -> s.withId("audit-to")), today);
        _setValue(_get(TextField.class, s -> s.withId("audit-encounter")), "twelve");
        _click(_get(Button.class, s -> s.withId("audit-search")));
        TextField encounter = _get(TextField.class, s -> s.withId("audit-encounter"));
        assertThat(encounter.isInvalid()).isTrue();
        assertThat(encounter.getErrorMessage()).contains("not an encounter id");

        assertThat(audit.latest().stream().filter(e -> e.getActor().equals(reader)).count()).isEqualTo(reads);
    }

    @Test
    void leadsAndCodersAreRefusedTheAuditTrail() {
        for (String group : new String[] {"leads", "coders"}) {
            login(uniqueUser(group), group);
            navigate("audit");
            assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain()).anyMatch(AccessDeniedView.class::isInstance);
            _assertNone(AuditTrailView.class);
        }
    }
}
