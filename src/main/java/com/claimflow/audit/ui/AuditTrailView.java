package com.claimflow.audit.ui;

import com.claimflow.audit.EvidenceCursor;
import com.claimflow.audit.AuditEntry;
import com.claimflow.audit.AuditFilter;
import com.claimflow.audit.AuditPage;
import com.claimflow.audit.AuditTrail;
import com.claimflow.audit.EvidenceCsv;
import com.claimflow.audit.EvidencePeriod;
import com.claimflow.base.BadInputException;
import com.claimflow.base.ui.Formats;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit trail for compliance and admins: who viewed or changed which encounter or task, when, what, and through
 * which screen or API; filtered, newest first, 50 rows a page. Every page shown is itself recorded in the trail.
 */
@Route("audit")
@PageTitle("Audit trail")
@Menu(order = 61, title = "Audit trail")
@RolesAllowed({"COMPLIANCE", "ADMINS"})
public class AuditTrailView extends VerticalLayout {
    private final AuditTrail trail;
    private final String reader;
    final DatePicker from = new DatePicker("From");
    final DatePicker to = new DatePicker("To");
    final TextField actor = new TextField("Actor");
    final TextField action = new TextField("Action");
    final TextField encounter = new TextField("Encounter id");
    final TextField task = new TextField("Task id");
    final Grid<AuditEntry> grid = new Grid<>(AuditEntry.class, false);
    final Button older = new Button("Older", VaadinIcon.ANGLE_RIGHT.create());
    final Button newest = new Button("Newest", VaadinIcon.ANGLE_DOUBLE_LEFT.create());
    private final Anchor csv = new Anchor("", "Export CSV");
    private final Span where = new Span();
    /** The cursors of the pages shown before this one, to step back; the top is the current page's. */
    private final Deque<EvidenceCursor> shown = new ArrayDeque<>();
    private AuditFilter filter;
    private String next;

    public AuditTrailView(AuditTrail trail, AuthenticationContext auth) {
        this.trail = trail;
        this.reader = auth.getPrincipalName().orElse("unknown");
        setSizeFull();
        H2 title = new H2("Audit trail");
        title.getStyle().set("margin", "0");
        add(title);

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        from.setId("audit-from");
        to.setId("audit-to");
        from.setValue(today.minusDays(EvidencePeriod.DEFAULT_DAYS - 1));
        to.setValue(today);
        actor.setId("audit-actor");
        action.setId("audit-action");
        action.setPlaceholder("e.g. VIEWED_ENCOUNTER");
        encounter.setId("audit-encounter");
        task.setId("audit-task");
        Button search = new Button("Search", VaadinIcon.SEARCH.create(), e -> search());
        search.setId("audit-search");
        search.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        search.addClickShortcut(Key.ENTER);
        csv.setId("audit-csv");
        csv.getElement().setAttribute("download", true);
        HorizontalLayout filters = new HorizontalLayout(from, to, actor, action, encounter, task, search, csv);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.getStyle().set("flex-wrap", "wrap");
        add(filters);

        grid.setId("audit-events");
        grid.addColumn(e -> Formats.dateTime(e.occurredAt())).setKey("when").setHeader("When").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditEntry::actor).setKey("actor").setHeader("Who").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditEntry::action).setKey("action").setHeader("Action").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(e -> e.encounterId() == null ? new Span("–") : new Anchor("encounter/" + e.encounterId(), "#" + e.encounterId()))
                .setKey("encounter").setHeader("Encounter").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> Formats.orNone(e.taskId())).setKey("task").setHeader("Task").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> Formats.orNone(e.channel())).setKey("channel").setHeader("Channel").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> Formats.orNone(e.detail())).setKey("detail").setHeader("Detail").setFlexGrow(1);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setEmptyStateText("Nothing in the trail matches these filters.");
        addAndExpand(grid);

        older.setId("audit-older");
        newest.setId("audit-newest");
        older.addClickListener(e -> older());
        newest.addClickListener(e -> show(null));
        add(new HorizontalLayout(newest, older, where));
        search();
    }

    /** Reads the filters (as the API would) and shows the newest page; a bad filter is marked at its field and nothing is read. */
    void search() {
        List<HasValidation> fields = List.of(from, to, actor, action, encounter, task);
        fields.forEach(f -> f.setInvalid(false));
        try {
            filter = AuditFilter.parse(text(from.getValue()), text(to.getValue()), actor.getValue(), action.getValue(), encounter.getValue(),
                    task.getValue(), LocalDate.now(ZoneOffset.UTC));
        } catch (BadInputException e) {
            HasValidation field = fieldNamed(e.field());
            field.setErrorMessage(e.reason());
            field.setInvalid(true);
            return;
        }
        // streamed through the signed-in UI session (the API takes HTTP Basic only), audited as an export through the UI
        AuditFilter exported = filter;
        csv.setHref((DownloadHandler) event -> {
            event.setFileName("audit-trail-" + exported.period().from() + "-to-" + exported.period().to() + ".csv");
            event.setContentType(EvidenceCsv.MEDIA_TYPE);
            trail.exportCsv(exported, reader, "ui", event.getOutputStream());
        });
        show(null);
    }

    private void older() {
        if (next != null) show(EvidenceCursor.parse(next));
    }

    private void show(EvidenceCursor after) {
        if (filter == null) return;
        if (after == null) shown.clear();
        shown.push(after == null ? new EvidenceCursor(Long.MAX_VALUE, Long.MAX_VALUE) : after);
        AuditPage page = trail.page(filter, after, AuditTrail.PAGE_SIZE, reader, "ui");
        grid.setItems(page.rows());
        next = page.next();
        older.setEnabled(next != null);
        newest.setEnabled(after != null);
        where.setText("Page " + shown.size() + (page.rows().isEmpty() ? ", no rows" : ", " + page.rows().size() + " rows"));
    }

    private HasValidation fieldNamed(String name) {
        return switch (name) {
            case "to" -> to;
            case "actor" -> actor;
            case "action" -> action;
            case "encounterId" -> encounter;
            case "taskId" -> task;
            default -> from;
        };
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
