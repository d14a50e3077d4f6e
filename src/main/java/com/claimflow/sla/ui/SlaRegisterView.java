package com.claimflow.sla.ui;

import com.claimflow.base.BadInputException;
import com.claimflow.base.ui.Formats;
import com.claimflow.identity.Roles;
import com.claimflow.audit.EvidenceCsv;
import com.claimflow.audit.EvidencePeriod;
import com.claimflow.audit.EvidenceCursor;
import com.claimflow.sla.SlaEvent;
import com.claimflow.sla.SlaFilter;
import com.claimflow.sla.SlaPage;
import com.claimflow.sla.SlaRegister;
import com.claimflow.sla.SlaTotal;
import com.claimflow.sla.SlaTotals;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.spring.security.AuthenticationContext;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SLA register for compliance and leads: every warning and escalation in a period, who held the task, when it was
 * due, how late, and how it ended; totals per queue and person with SLA compliance; CSV and PDF exports of the filter.
 */
@Route("sla-register")
@PageTitle("SLA register")
@Menu(order = 60, title = "SLA register")
@RolesAllowed({Roles.ROLE_COMPLIANCE, Roles.ROLE_LEADS, Roles.ROLE_ADMINS})
public class SlaRegisterView extends VerticalLayout {
    static final String ANY = "any";

    private final SlaRegister register;
    final DatePicker from = new DatePicker("From");
    final DatePicker to = new DatePicker("To");
    final TextField queue = new TextField("Queue");
    final TextField person = new TextField("Person");
    final TextField payer = new TextField("Payer");
    final TextField taskType = new TextField("Task type");
    final Select<String> kind = new Select<>();
    final Select<String> status = new Select<>();
    final Grid<SlaEvent> events = new Grid<>(SlaEvent.class, false);
    final Grid<SlaTotal> perQueue = totalsGrid("sla-totals-queue", "Queue");
    final Grid<SlaTotal> perPerson = totalsGrid("sla-totals-person", "Person");
    final Button older = new Button("Older", VaadinIcon.ANGLE_RIGHT.create());
    final Button newest = new Button("Newest", VaadinIcon.ANGLE_DOUBLE_LEFT.create());
    final Anchor csv = new Anchor("", "Export CSV");
    final Anchor pdf = new Anchor("", "PDF report");
    private final Paragraph totalsNote = new Paragraph();
    private final Span where = new Span();
    private SlaFilter filter;
    private String next;
    private int pageNumber;

    private final String reader;

    public SlaRegisterView(SlaRegister register, AuthenticationContext auth) {
        this.register = register;
        this.reader = auth.getPrincipalName().orElse("unknown");
        setWidthFull();
        H2 title = new H2("SLA register");
        title.getStyle().set("margin", "0");
        add(title);

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        from.setId("sla-from");
        to.setId("sla-to");
        from.setValue(today.minusDays(EvidencePeriod.DEFAULT_DAYS - 1));
        to.setValue(today);
        queue.setId("sla-queue");
        person.setId("sla-person");
        payer.setId("sla-payer");
        taskType.setId("sla-task-type");
        kind.setId("sla-kind");
        kind.setLabel("Kind");
        kind.setItems(ANY, "warning", "escalation");
        kind.setValue(ANY);
        status.setId("sla-status");
        status.setLabel("Status");
        status.setItems(ANY, "open", "resolved");
        status.setValue(ANY);
        Button search = new Button("Search", VaadinIcon.SEARCH.create(), e -> search());
        search.setId("sla-search");
        search.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        search.addClickShortcut(Key.ENTER);
        csv.setId("sla-csv");
        pdf.setId("sla-pdf");
        csv.getElement().setAttribute("download", true);
        pdf.getElement().setAttribute("download", true);
        HorizontalLayout filters = new HorizontalLayout(from, to, queue, person, payer, taskType, kind, status, search, csv, pdf);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.getStyle().set("flex-wrap", "wrap");
        add(filters);

        add(new H3("Totals for the period"), totalsNote);
        HorizontalLayout totals = new HorizontalLayout(perQueue, perPerson);
        totals.setWidthFull();
        add(totals);

        events.setId("sla-events");
        events.addColumn(e -> Formats.dateTime(e.raisedAt())).setKey("raised").setHeader("Raised").setAutoWidth(true).setFlexGrow(0);
        events.addColumn(e -> e.kind() == SlaEvent.Kind.WARNING ? "Warning" : "Escalation").setKey("kind").setHeader("Kind").setAutoWidth(true)
                .setFlexGrow(0);
        events.addComponentColumn(SlaRegisterView::taskCell).setKey("task").setHeader("Task").setAutoWidth(true);
        events.addComponentColumn(e -> e.encounterId() == null ? new Span("–") : new Anchor("encounter/" + e.encounterId(), "#" + e.encounterId()))
                .setKey("encounter").setHeader("Encounter").setAutoWidth(true).setFlexGrow(0);
        events.addColumn(SlaEvent::queue).setKey("queue").setHeader("Queue").setAutoWidth(true).setFlexGrow(0);
        events.addColumn(e -> Formats.orNone(e.payerId())).setKey("payer").setHeader("Payer").setAutoWidth(true).setFlexGrow(0);
        events.addColumn(e -> e.holder() == null ? "nobody" : e.holder()).setKey("holder").setHeader("Held by").setAutoWidth(true).setFlexGrow(0);
        events.addColumn(e -> Formats.dateTime(e.dueAt())).setKey("due").setHeader("Due").setAutoWidth(true).setFlexGrow(0);
        events.addColumn(SlaRegisterView::lateText).setKey("late").setHeader("Late / left").setTextAlign(ColumnTextAlign.END).setAutoWidth(true)
                .setFlexGrow(0);
        events.addColumn(e -> e.isOpen() ? "open" : e.resolvedByText() + ", " + Formats.dateTime(e.resolvedAt())).setKey("resolved")
                .setHeader("Resolved").setAutoWidth(true);
        events.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        events.setEmptyStateText("No SLA warnings or escalations match these filters.");
        events.setAllRowsVisible(true);
        add(new H3("Events, newest first"), events);

        older.setId("sla-older");
        newest.setId("sla-newest");
        older.addClickListener(e -> {
            if (next != null) show(EvidenceCursor.parse(next));
        });
        newest.addClickListener(e -> show(null));
        add(new HorizontalLayout(newest, older, where));
        search();
    }

    /** Reads the filters as the API does; a bad one is marked at its field and nothing is read. */
    void search() {
        List<HasValidation> fields = List.of(from, to, queue, person, payer, taskType, kind, status);
        fields.forEach(f -> f.setInvalid(false));
        try {
            filter = SlaFilter.parse(text(from.getValue()), text(to.getValue()), queue.getValue(), person.getValue(), payer.getValue(),
                    taskType.getValue(), choice(kind.getValue()), choice(status.getValue()), LocalDate.now(ZoneOffset.UTC));
        } catch (BadInputException e) {
            HasValidation field = fieldNamed(e.field());
            field.setErrorMessage(e.reason());
            field.setInvalid(true);
            return;
        }
        // streamed through the signed-in UI session (the API takes HTTP Basic only), audited as exports through the UI
        SlaFilter exported = filter;
        String name = "sla-register-" + exported.period().from() + "-to-" + exported.period().to();
        csv.setHref((DownloadHandler) event -> {
            event.setFileName(name + ".csv");
            event.setContentType(EvidenceCsv.MEDIA_TYPE);
            register.exportCsv(exported, reader, "ui", event.getOutputStream());
        });
        pdf.setHref((DownloadHandler) event -> {
            byte[] report = register.reportPdf(exported, reader, "ui");
            event.setFileName(name + ".pdf");
            event.setContentType("application/pdf");
            event.setContentLength(report.length);
            event.getOutputStream().write(report);
        });
        SlaTotals totals = register.totals(filter);
        perQueue.setItems(withAll(totals.perQueue(), totals.all()));
        perPerson.setItems(withAll(totals.perPerson(), totals.all()));
        totalsNote.setText("Warnings and escalations by who held the task when raised; completed and compliance (completed tasks never "
                + "escalated) by who completed it." + (filter.narrowsBeyondTotals() ? " Totals follow the period, queue and person filters only." : ""));
        show(null);
    }

    private void show(EvidenceCursor after) {
        pageNumber = after == null ? 1 : pageNumber + 1;
        SlaPage page = register.page(filter, after, SlaRegister.PAGE_SIZE);
        events.setItems(page.events());
        next = page.next();
        older.setEnabled(next != null);
        newest.setEnabled(after != null);
        where.setText("Page " + pageNumber + (page.events().isEmpty() ? ", no events" : ", " + page.events().size() + " events"));
    }

    private static Grid<SlaTotal> totalsGrid(String id, String what) {
        Grid<SlaTotal> g = new Grid<>(SlaTotal.class, false);
        g.setId(id);
        g.addColumn(SlaTotal::name).setKey("name").setHeader(what).setAutoWidth(true);
        g.addColumn(SlaTotal::warnings).setKey("warnings").setHeader("Warnings").setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        g.addColumn(SlaTotal::escalations).setKey("escalations").setHeader("Escalations").setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        g.addColumn(SlaTotal::completed).setKey("completed").setHeader("Completed").setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        g.addColumn(SlaTotal::complianceText).setKey("compliance").setHeader("Compliance").setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        g.addThemeVariants(GridVariant.LUMO_COMPACT);
        g.setAllRowsVisible(true);
        return g;
    }

    private static List<SlaTotal> withAll(List<SlaTotal> rows, SlaTotal all) {
        List<SlaTotal> out = new ArrayList<>(rows);
        out.add(new SlaTotal("All", all.warnings(), all.escalations(), all.completed(), all.completedEscalated()));
        return out;
    }

    /** The task id, a link to its page while it is open (a resolved task has no page). */
    private static Component taskCell(SlaEvent e) {
        String label = e.taskType() + " " + e.taskId();
        return e.isOpen() ? new Anchor("task/" + e.taskId(), label) : new Span(label);
    }

    static String lateText(SlaEvent e) {
        String d = span(e.late());
        return e.kind() == SlaEvent.Kind.WARNING ? d + " left" : d + " late";
    }

    /** A lateness to the minute under a day, to the hour beyond: "45 min", "2 h 5 min", "1 d 6 h". */
    static String span(java.time.Duration d) {
        long minutes = Math.max(0, d.toMinutes());
        if (minutes < 60) return minutes + " min";
        if (minutes < 24 * 60) return minutes / 60 + " h " + minutes % 60 + " min";
        return minutes / (24 * 60) + " d " + minutes % (24 * 60) / 60 + " h";
    }

    private HasValidation fieldNamed(String name) {
        return switch (name) {
            case "to" -> to;
            case "queue" -> queue;
            case "person" -> person;
            case "payer" -> payer;
            case "taskType" -> taskType;
            case "kind" -> kind;
            case "status" -> status;
            default -> from;
        };
    }

    private static String choice(String value) {
        return value == null || ANY.equals(value) ? null : value;
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
