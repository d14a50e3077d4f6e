package com.claimflow.audit;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.claimflow.overview.ui.EncountersView;
import com.claimflow.support.Encounters;
import com.claimflow.support.ui.KaribuTestBase;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The encounter list shows patient data: each encounter on a page shown is in the audit trail, with the search that found it. */
class EncounterListAuditTest extends KaribuTestBase {
    @Autowired AuditService audit;

    @Test
    void whoSawAnEncounterInTheListIsFoundUnderThatEncounterWithTheSearch() {
        String externalId = "AUDIT-" + UUID.randomUUID();
        long shown = open(Encounters.visit().externalId(externalId).request());
        long other = open(Encounters.visit().request());
        String biller = uniqueUser("biller");
        login(biller, "billers");
        navigate(EncountersView.class);

        _setValue(_get(TextField.class, s -> s.withId("encounter-search")), externalId);
        assertThat(rows(encounters())).extracting(EncountersView.Row::id).containsExactly(shown);

        assertThat(audit.forEncounter(shown)).filteredOn(e -> e.getActor().equals(biller))
                .extracting(AuditEvent::getAction, AuditEvent::getDetail)
                .contains(tuple(AuditService.VIEWED_ENCOUNTER_LIST, "ui; search \"" + externalId + "\"; rows 1-1"));
        assertThat(audit.forEncounter(other)).noneMatch(e -> e.getActor().equals(biller) && e.getDetail().contains(externalId));
    }

    @Test
    void aSearchThatFindsNothingIsAuditedWithItsText() {
        String lead = uniqueUser("lead");
        login(lead, "leads");
        navigate(EncountersView.class);
        String search = "Nobody-" + UUID.randomUUID();

        _setValue(_get(TextField.class, s -> s.withId("encounter-search")), search);
        assertThat(rows(encounters())).isEmpty();

        assertThat(audit.latest()).filteredOn(e -> e.getActor().equals(lead))
                .extracting(AuditEvent::getAction, AuditEvent::getEncounterId, AuditEvent::getDetail)
                .contains(tuple(AuditService.VIEWED_ENCOUNTER_LIST, null, "ui; search \"" + search + "\"; rows none"));
    }

    @SuppressWarnings("unchecked")
    private static Grid<EncountersView.Row> encounters() {
        return _get(Grid.class, s -> s.withId("encounters"));
    }
}
