package com.claimflow.overview.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._getFormatted;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.audit.AuditService;
import com.claimflow.support.Encounters;
import com.claimflow.support.ui.KaribuTestBase;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class EncountersViewTest extends KaribuTestBase {
    @org.springframework.beans.factory.annotation.Autowired com.claimflow.audit.AuditService audit;

    @Test
    void aBillerSeesEachEncounterWithItsStageAndBalance() {
        String externalId = "UI-" + java.util.UUID.randomUUID();
        LocalDate dos = LocalDate.now().minusDays(5);
        long id = open(Encounters.visit().externalId(externalId).on(dos).request());
        awaitTask(id, "CodeEncounter");
        String biller = uniqueUser("biller");
        login(biller, "billers");

        navigate(EncountersView.class);

        Grid<EncountersView.Row> grid = encounters();
        int row = rows(grid).stream().map(EncountersView.Row::id).toList().indexOf(id);
        assertThat(audit.latest()).anyMatch(a -> a.getActor().equals(biller) && a.getAction().equals(AuditService.VIEWED_ENCOUNTER_LIST));
        assertThat(row).isGreaterThanOrEqualTo(0);
        assertThat(_getFormatted(grid, row, "externalId")).isEqualTo(externalId);
        assertThat(_getFormatted(grid, row, "patient")).isEqualTo("Patient, Test");
        assertThat(_getFormatted(grid, row, "payer")).isEqualTo("BCBS");
        assertThat(_getFormatted(grid, row, "dos")).isEqualTo(DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.US).format(dos));
        assertThat(_getFormatted(grid, row, "stage")).isEqualTo("Coding");
        assertThat(_getFormatted(grid, row, "balance")).isEqualTo("$0.00");
    }

    @Test
    void theSearchNarrowsTheList() {
        String externalId = "FIND-ME-" + java.util.UUID.randomUUID();
        long id = open(Encounters.visit().externalId(externalId).request());
        open(Encounters.visit().request());
        login(uniqueUser("lead"), "leads");
        navigate(EncountersView.class);

        _setValue(_get(TextField.class, s -> s.withId("encounter-search")), externalId.toLowerCase());

        assertThat(rows(encounters())).extracting(EncountersView.Row::id).containsExactly(id);
    }

    /** The list is read a page at a time from the database: the search looks there for the id, the patient's name and the text as typed. */
    @Test
    void theSearchFindsAnIdAPatientAndTakesWildcardsLiterally() {
        String last = "Zed" + java.util.UUID.randomUUID().toString().substring(0, 6);
        var visit = Encounters.visit().request();
        long named = open(new com.claimflow.intake.EncounterRequest(visit.externalId(), new com.claimflow.intake.EncounterRequest.Patient(
                "Ada", last, LocalDate.of(1980, 1, 2), "F"), visit.coverage(), visit.billingProviderNpi(), visit.renderingProviderNpi(), null, null,
                visit.dateOfService(), "11", "PROFESSIONAL", "Synthetic test note."));
        long other = open(Encounters.visit().request());
        login(uniqueUser("lead"), "leads");
        navigate(EncountersView.class);
        TextField search = _get(TextField.class, s -> s.withId("encounter-search"));

        _setValue(search, last.toUpperCase(Locale.ROOT) + ", ada");
        assertThat(rows(encounters())).extracting(EncountersView.Row::id).containsExactly(named);
        assertThat(_getFormatted(encounters(), 0, "patient")).isEqualTo(last + ", Ada");

        _setValue(search, String.valueOf(other));
        assertThat(rows(encounters())).extracting(EncountersView.Row::id).contains(other); // and any external id with those digits

        _setValue(search, "%");
        assertThat(rows(encounters())).isEmpty();

        _setValue(search, "");
        assertThat(rows(encounters())).extracting(EncountersView.Row::id).startsWith(other, named); // newest first
    }

    @Test
    void aCoderCannotOpenTheEncounterList() {
        login(uniqueUser("coder"), "coders");

        navigate(EncountersView.class);

        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain()).noneMatch(EncountersView.class::isInstance);
    }

    @SuppressWarnings("unchecked")
    private static Grid<EncountersView.Row> encounters() {
        return _get(Grid.class, s -> s.withId("encounters"));
    }
}
