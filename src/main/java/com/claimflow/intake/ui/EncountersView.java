package com.claimflow.intake.ui;

import com.claimflow.base.ui.Formats;
import com.claimflow.identity.Roles;
import com.claimflow.intake.Encounter;
import com.claimflow.intake.EncounterService;
import com.claimflow.remittance.AccountService;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.ListDataProvider;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Every encounter with where it stands: stage in the revenue cycle and what is still owed. */
@Route("encounters")
@PageTitle("Encounters")
@Menu(order = 2, title = "Encounters")
@RolesAllowed({Roles.ROLE_BILLERS, Roles.ROLE_LEADS, Roles.ROLE_COMPLIANCE, Roles.ROLE_ADMINS})
public class EncountersView extends VerticalLayout {

    /** One grid row, computed once when the view opens. */
    public record Row(long id, String externalId, String patient, String payerId, LocalDate dateOfService, String stage, BigDecimal balance) {
        boolean matches(String filter) {
            String f = filter.toLowerCase(Locale.ROOT);
            return String.valueOf(id).equals(f) || externalId.toLowerCase(Locale.ROOT).contains(f)
                    || patient.toLowerCase(Locale.ROOT).contains(f) || payerId.toLowerCase(Locale.ROOT).contains(f)
                    || stage.toLowerCase(Locale.ROOT).contains(f);
        }
    }

    private final Grid<Row> grid = new Grid<>(Row.class, false);

    public EncountersView(EncounterService encounters, AccountService accounts, com.claimflow.audit.AuditService audit,
                          com.claimflow.identity.CurrentWorker current) {
        setSizeFull();
        // the list shows patient names: a view of patient data like any other
        audit.record(current.get().userId(), com.claimflow.audit.AuditService.VIEWED_ENCOUNTER_LIST, null, null, "ui");
        H2 title = new H2("Encounters");
        title.getStyle().set("margin", "0");
        TextField search = new TextField();
        search.setId("encounter-search");
        search.setPlaceholder("Patient, external id, payer or stage");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidth("22em");
        HorizontalLayout header = new HorizontalLayout(title, search);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.expand(title);
        add(header);

        List<Row> rows = encounters.all().stream()
                .sorted(Comparator.comparing(Encounter::getId).reversed())
                .map(e -> new Row(e.getId(), e.getExternalId(), e.patientName(), e.getPayerId(), e.getDateOfService(),
                        encounters.stage(e), accounts.balance(e.getId()).total()))
                .toList();
        grid.setId("encounters");
        grid.addColumn(Row::id).setKey("id").setHeader("Id").setSortable(true).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(Row::externalId).setKey("externalId").setHeader("External id").setSortable(true).setAutoWidth(true);
        grid.addColumn(Row::patient).setKey("patient").setHeader("Patient").setSortable(true).setFlexGrow(2);
        grid.addColumn(Row::payerId).setKey("payer").setHeader("Payer").setSortable(true).setAutoWidth(true);
        grid.addColumn(r -> Formats.date(r.dateOfService())).setKey("dos").setHeader("Date of service")
                .setComparator(Comparator.comparing(Row::dateOfService)).setAutoWidth(true);
        grid.addColumn(r -> stageLabel(r.stage())).setKey("stage").setHeader("Stage").setSortable(true).setAutoWidth(true);
        grid.addColumn(r -> Formats.money(r.balance())).setKey("balance").setHeader("Balance").setTextAlign(ColumnTextAlign.END)
                .setComparator(Comparator.comparing(Row::balance)).setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setEmptyStateText("No encounters yet. They arrive through the API, a FHIR bundle or a CSV batch.");
        ListDataProvider<Row> data = new ListDataProvider<>(rows);
        grid.setItems(data);
        grid.setSizeFull();
        search.addValueChangeListener(e -> {
            String f = e.getValue().strip();
            data.setFilter(f.isEmpty() ? null : r -> r.matches(f));
        });
        addAndExpand(grid);
    }

    /** "SUBMISSION" → "Submission". */
    static String stageLabel(String stage) {
        if (stage == null || stage.isEmpty()) return "–";
        String s = stage.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
