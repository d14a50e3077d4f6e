package com.claimflow.overview.ui;

import com.claimflow.audit.AuditService;
import com.claimflow.base.ui.Formats;
import com.claimflow.identity.Roles;
import com.claimflow.intake.Encounter;
import com.claimflow.intake.EncounterService;
import com.claimflow.remittance.AccountService;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/** Every encounter with where it stands: stage in the revenue cycle and what is still owed; a row opens its page. */
@Route("encounters")
@PageTitle("Encounters")
@Menu(order = 2, title = "Encounters")
@RolesAllowed({Roles.ROLE_BILLERS, Roles.ROLE_LEADS, Roles.ROLE_COMPLIANCE, Roles.ROLE_ADMINS})
public class EncountersView extends VerticalLayout {

    /** One grid row, computed when its page is shown. */
    public record Row(long id, String externalId, String patient, String payerId, LocalDate dateOfService, String stage, BigDecimal balance) {
    }

    private final Grid<Row> grid = new Grid<>(Row.class, false);
    private String filter = "";

    public EncountersView(EncounterService encounters, AccountService accounts, AuditService audit,
                          com.claimflow.identity.CurrentWorker current) {
        setSizeFull();
        String viewer = current.get().userId();
        H2 title = new H2("Encounters");
        title.getStyle().set("margin", "0");
        TextField search = new TextField();
        search.setId("encounter-search");
        search.setPlaceholder("Id, patient, external id or payer");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidth("22em");
        TextField go = new TextField();
        go.setId("encounter-open");
        go.setPlaceholder("Open encounter: id or external id");
        go.setPrefixComponent(VaadinIcon.ARROW_FORWARD.create());
        go.setWidth("20em");
        go.addKeyPressListener(Key.ENTER, e -> openTyped(encounters, go));
        HorizontalLayout header = new HorizontalLayout(title, search, go);
        if (current.get().groups().stream().anyMatch(java.util.Set.of("billers", "leads", "admins")::contains)) {
            com.vaadin.flow.component.button.Button add = new com.vaadin.flow.component.button.Button("New encounter",
                    e -> com.vaadin.flow.component.UI.getCurrent().navigate("encounters/new"));
            add.setId("new-encounter");
            header.add(add);
        }
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.expand(title);
        add(header);

        grid.setId("encounters");
        grid.addColumn(Row::id).setKey("id").setHeader("Id").setSortProperty("id").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(Row::externalId).setKey("externalId").setHeader("External id").setSortProperty("externalId").setAutoWidth(true);
        grid.addColumn(Row::patient).setKey("patient").setHeader("Patient").setSortProperty("patientLastName", "patientFirstName").setFlexGrow(2);
        grid.addColumn(Row::payerId).setKey("payer").setHeader("Payer").setSortProperty("payerId").setAutoWidth(true);
        grid.addColumn(r -> Formats.date(r.dateOfService())).setKey("dos").setHeader("Date of service").setSortProperty("dateOfService")
                .setAutoWidth(true);
        // stage and balance come from the engine and the account, row by row for the rows on screen: not sortable
        grid.addColumn(r -> stageLabel(r.stage())).setKey("stage").setHeader("Stage").setAutoWidth(true);
        grid.addColumn(r -> Formats.money(r.balance())).setKey("balance").setHeader("Balance").setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setEmptyStateText("No encounters yet. They arrive through the API, a FHIR bundle or a CSV batch.");
        // a page at a time from the database, newest first unless a column says otherwise
        grid.setItems(q -> {
            Sort sort = VaadinSpringDataHelpers.toSpringDataSort(q);
            Pageable page = PageRequest.of(q.getPage(), q.getPageSize(), sort.isSorted() ? sort : Sort.by(Sort.Direction.DESC, "id"));
            List<Row> rows = encounters.search(filter, page).stream().map(e -> new Row(e.id(), e.externalId(), e.patientName(), e.payerId(),
                    e.dateOfService(), encounters.stage(e), accounts.balance(e.id()).total())).toList();
            // each page sent to the screen shows patient data: one row per encounter on it, so "who saw encounter X" finds list views too
            audit.recordEach(viewer, AuditService.VIEWED_ENCOUNTER_LIST, rows.stream().map(Row::id).toList(), listed(filter, q.getOffset(), rows.size()));
            return rows.stream();
        }, q -> {
            int count = (int) Math.min(Integer.MAX_VALUE, encounters.countMatching(filter));
            // a search that finds nothing fetches no page: the search itself is still audited
            if (count == 0) audit.recordEach(viewer, AuditService.VIEWED_ENCOUNTER_LIST, List.of(), listed(filter, 0, 0));
            return count;
        });
        grid.setSizeFull();
        grid.addItemClickListener(e -> EncounterView.open(e.getItem().id()));
        search.addValueChangeListener(e -> {
            filter = e.getValue().strip();
            grid.getDataProvider().refreshAll();
        });
        addAndExpand(grid);
    }

    /** Opens the page of the encounter whose id or external id was typed, or says at the field that none has it. */
    private static void openTyped(EncounterService encounters, TextField field) {
        String typed = field.getValue().strip();
        Optional<Long> found = typed.matches("\\d{1,18}") ? encounters.find(Long.parseLong(typed)).map(Encounter::id) : Optional.empty();
        if (found.isEmpty() && !typed.isEmpty()) {
            found = encounters.search(typed, PageRequest.of(0, 20)).stream().filter(e -> e.externalId().equalsIgnoreCase(typed)).map(Encounter::id)
                    .findFirst();
        }
        if (found.isPresent()) {
            EncounterView.open(found.get());
        } else {
            field.setErrorMessage(typed.isEmpty() ? "type an encounter id or external id" : "no encounter has the id or external id '" + typed + "'");
            field.setInvalid(true);
        }
    }

    /** The audit row's detail: the search as typed and which rows of the list were shown. */
    static String listed(String filter, int offset, int count) {
        return "ui; search \"" + filter + "\"; rows " + (count == 0 ? "none" : (offset + 1) + "-" + (offset + count));
    }

    /** "SUBMISSION" → "Submission". */
    static String stageLabel(String stage) {
        if (stage == null || stage.isEmpty()) return "–";
        String s = stage.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
