package com.claimflow.overview.ui;

import com.claimflow.audit.AuditService;
import com.claimflow.base.NotFoundException;
import com.claimflow.base.ui.Badge;
import com.claimflow.base.ui.Facts;
import com.claimflow.base.ui.Formats;
import com.claimflow.collections.CollectionsService;
import com.claimflow.collections.EncounterClosing;
import com.claimflow.collections.PaymentPlan;
import com.claimflow.collections.PaymentPlans;
import com.claimflow.collections.ui.CloseEncounterDialog;
import com.claimflow.inbound.InboundMessageViews;
import com.claimflow.inbound.ui.MessageDialog;
import com.claimflow.collections.ui.PaymentPlanDialog;
import com.claimflow.document.Documents;
import com.claimflow.identity.CurrentWorker;
import com.claimflow.identity.Roles;
import com.claimflow.identity.Worker;
import com.claimflow.overview.EncounterFile;
import com.claimflow.overview.EncounterFiles;
import com.claimflow.submission.SubmissionService;
import com.claimflow.submission.ui.VoidClaimDialog;
import com.claimflow.workqueue.WorkItem;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;

/**
 * One encounter, everything on file: the header (patient, coverage, stage, balances, open tasks and their SLA), then
 * the timeline, claims, remittance, ledger and the process diagram as tabs. Open to every signed-in person, as
 * {@code GET /api/encounters/{id}} is; every opening is recorded in the audit trail. Tasks, queues and the encounter
 * list link here as {@code encounter/<id>}.
 */
@Route("encounter/:" + EncounterView.ENCOUNTER_ID)
@PageTitle("Encounter")
@PermitAll
public class EncounterView extends VerticalLayout implements BeforeEnterObserver {
    public static final String ENCOUNTER_ID = "encounterId";
    /** Who may post a patient payment here: as {@code POST /api/encounters/{id}/patient-payments}. */
    private static final List<String> POSTERS = List.of(Roles.BILLERS, Roles.LEADS);
    /** Who may read a claim's 837: as {@code GET /api/claims/{id}/x12}. */
    static final List<String> FILE_READERS = List.of(Roles.BILLERS, Roles.LEADS, Roles.ADMINS, Roles.COMPLIANCE);

    private final EncounterFiles files;
    private final CollectionsService collections;
    private final PaymentPlans plans;
    private final EncounterClosing closing;
    private final SubmissionService submissions;
    private final Documents documents;
    private final RepositoryService repository;
    private final AuditService audit;
    private final CurrentWorker current;
    private final com.claimflow.eligibility.EligibilityInquiries eligibility;
    private final com.claimflow.claimstatus.ClaimStatusInquiries claimStatus;
    private final InboundMessageViews messages;
    private Worker worker;
    private long encounterId;

    public EncounterView(EncounterFiles files, CollectionsService collections, PaymentPlans plans, EncounterClosing closing,
                         SubmissionService submissions, Documents documents, RepositoryService repository, AuditService audit,
                         CurrentWorker current, com.claimflow.eligibility.EligibilityInquiries eligibility,
                         com.claimflow.claimstatus.ClaimStatusInquiries claimStatus, InboundMessageViews messages) {
        this.messages = messages;
        this.closing = closing;
        this.eligibility = eligibility;
        this.claimStatus = claimStatus;
        this.files = files;
        this.collections = collections;
        this.plans = plans;
        this.submissions = submissions;
        this.documents = documents;
        this.repository = repository;
        this.audit = audit;
        this.current = current;
        setWidthFull();
    }

    /** Opens the page of an encounter. */
    public static void open(long encounterId) {
        UI.getCurrent().navigate(EncounterView.class, new RouteParameters(ENCOUNTER_ID, String.valueOf(encounterId)));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        worker = current.get();
        String id = event.getRouteParameters().get(ENCOUNTER_ID).orElse("");
        removeAll();
        if (!id.matches("\\d{1,18}")) {
            add(new Paragraph("'" + id + "' is not an encounter id."));
            return;
        }
        encounterId = Long.parseLong(id);
        try {
            build();
        } catch (NotFoundException none) {
            removeAll();
            add(new Paragraph("There is no encounter " + encounterId + "."));
        }
    }

    private void build() {
        EncounterFile file = files.read(encounterId);
        audit.record(worker.userId(), AuditService.VIEWED_ENCOUNTER, encounterId, null, "ui");
        removeAll();
        add(header(file.header()));
        // the form shows only while something is owed; an overpayment then is ticked as such and becomes a credit to refund
        if (POSTERS.stream().anyMatch(worker.groups()::contains) && file.header().patientBalance().signum() > 0) {
            add(new PatientPaymentForm(encounterId, collections, worker.userId(), this::rebuild));
        }
        add(actions(file));
        TabSheet tabs = new TabSheet();
        tabs.setId("encounter-tabs");
        tabs.setWidthFull();
        tabs.add("Timeline", timeline(file.timeline(), messageId -> new MessageDialog(messages, messageId, worker.userId()).open()));
        tabs.add("Claims", new ClaimsPanel(file.claims(), FILE_READERS.stream().anyMatch(worker.groups()::contains), audit, worker.userId(),
                encounterId));
        tabs.add("Remittance", new RemittancePanel(file.payments()));
        tabs.add("Ledger", ledger(file.ledger()));
        tabs.add("Documents", new DocumentsPanel(file.documents(), documents, audit, worker.userId()));
        tabs.add("Payer inquiries", new com.claimflow.claimstatus.ui.PayerInquiriesPanel(eligibility, claimStatus, encounterId));
        DiagramPanel.loadViewer(UI.getCurrent());
        tabs.add("Diagram", new DiagramPanel(file.processes(), repository));
        add(tabs);
    }

    /**
     * What a biller or lead may do to the encounter as a whole: agree a payment plan while the patient owes and has none,
     * void the claim the payer received; a lead may close the claim (write-off or not billable) while work is open.
     */
    private Component actions(EncounterFile file) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.setId("encounter-actions");
        boolean poster = POSTERS.stream().anyMatch(worker.groups()::contains);
        file.paymentPlan().filter(p -> p.status() == PaymentPlan.Status.ACTIVE).ifPresentOrElse(p -> {
            Span plan = new Span("Payment plan: " + Formats.money(p.monthlyAmount()) + " a month, next due " + Formats.date(p.nextDue())
                    + (p.missed() == 0 ? "" : ", " + p.missed() + " missed"));
            plan.setId("payment-plan");
            actions.add(plan);
        }, () -> {
            if (poster && file.header().patientBalance().signum() > 0) {
                Button plan = new Button("Payment plan…", e -> new PaymentPlanDialog(plans, encounterId, worker.userId(), this::rebuild).open());
                plan.setId("open-payment-plan");
                actions.add(plan);
            }
        });
        if (poster && file.claims().stream().anyMatch(c -> c.files().stream().anyMatch(f -> f.sentAt() != null))) {
            Button voidClaim = new Button("Void claim…", e -> new VoidClaimDialog(submissions, worker.userId(), encounterId, this::rebuild).open());
            voidClaim.setId("open-void-claim");
            actions.add(voidClaim);
        }
        if (worker.isLead() && !file.header().openTasks().isEmpty()) {
            Button close = new Button("Close the claim…", e -> new CloseEncounterDialog(encounterId, closing, worker, this::rebuild).open());
            close.setId("open-close-encounter");
            actions.add(close);
        }
        return actions;
    }

    /** After a posting: the file as it stands now (the opening was recorded already). */
    private void rebuild() {
        removeAll();
        build();
    }

    private static Component header(EncounterFile.Header h) {
        H2 title = new H2("Encounter " + h.id() + " · " + h.patientName());
        title.setId("encounter-title");
        title.getStyle().set("margin", "0");
        Facts facts = Facts.strip()
                .fact("External id", h.externalId())
                .fact("Born", Formats.date(h.birthDate()))
                .fact("Sex", h.sex())
                .fact("Payer", h.payerId())
                .fact("Member id", h.memberId())
                .fact("Date of service", Formats.date(h.dateOfService()))
                .fact("Stage", EncountersView.stageLabel(h.stage()))
                .fact("Insurance balance", amount("insurance-balance", h.insuranceBalance()))
                .fact("Patient balance", amount("patient-balance", h.patientBalance()));
        facts.setId("encounter-header");
        Div tasks = new Div();
        tasks.setId("open-tasks");
        if (h.openTasks().isEmpty()) tasks.add(new Span("No open task."));
        for (WorkItem w : h.openTasks()) {
            Span task = new Span(w.taskName() + " · " + w.queue() + (w.assignee() == null ? "" : " · " + w.assignee()) + " ");
            Div row = new Div(task, sla(w.slaState()));
            tasks.add(row);
        }
        VerticalLayout header = new VerticalLayout(title, facts, new Facts().fact("Open tasks", tasks));
        header.setPadding(false);
        return header;
    }

    private static Span amount(String id, java.math.BigDecimal value) {
        Span s = new Span(Formats.money(value));
        s.setId(id);
        return s;
    }

    static Badge sla(WorkItem.SlaState state) {
        return switch (state) {
            case OK -> new Badge("On time", Badge.Tone.SUCCESS);
            case WARNED -> new Badge("Warned", Badge.Tone.WARNING);
            case ESCALATED -> new Badge("Escalated", Badge.Tone.ERROR);
        };
    }

    /** The timeline; a message the encounter came by has a button that shows it as received. */
    private static Grid<EncounterFile.Event> timeline(List<EncounterFile.Event> events, java.util.function.LongConsumer showMessage) {
        Grid<EncounterFile.Event> grid = new Grid<>();
        grid.setId("timeline");
        grid.addColumn(e -> Formats.dateTime(e.at())).setKey("at").setHeader("When").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> EncountersView.stageLabel(e.kind().name())).setKey("kind").setHeader("Kind").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(EncounterFile.Event::title).setKey("title").setHeader("What").setFlexGrow(2);
        grid.addColumn(e -> Formats.orNone(e.detail())).setKey("detail").setHeader("Detail").setFlexGrow(3);
        grid.addColumn(e -> Formats.orNone(e.actor())).setKey("actor").setHeader("Who").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(e -> {
            if (e.messageId() == null) return new com.vaadin.flow.component.html.Span();
            Button show = new Button("Show message", click -> showMessage.accept(e.messageId()));
            show.setId("show-message-" + e.messageId());
            show.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_SMALL, com.vaadin.flow.component.button.ButtonVariant.LUMO_TERTIARY);
            return show;
        }).setKey("message").setHeader("").setAutoWidth(true).setFlexGrow(0);
        grid.setItems(events);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText("Nothing has happened yet.");
        return grid;
    }

    private static Grid<EncounterFile.LedgerLine> ledger(List<EncounterFile.LedgerLine> lines) {
        Grid<EncounterFile.LedgerLine> grid = new Grid<>();
        grid.setId("ledger");
        grid.addColumn(l -> Formats.dateTime(l.at())).setKey("at").setHeader("Posted").setAutoWidth(true);
        grid.addColumn(l -> EncountersView.stageLabel(l.type())).setKey("type").setHeader("Entry").setAutoWidth(true);
        grid.addColumn(l -> Formats.orNone(l.claimId())).setKey("claim").setHeader("Claim").setAutoWidth(true);
        grid.addColumn(l -> Formats.money(l.insurance())).setKey("insurance").setHeader("Insurance").setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(l -> Formats.money(l.patient())).setKey("patient").setHeader("Patient").setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(l -> Formats.money(l.balance())).setKey("balance").setHeader("Balance").setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(l -> Formats.orNone(l.reason())).setKey("reason").setHeader("Reason").setFlexGrow(2);
        grid.addColumn(EncounterFile.LedgerLine::by).setKey("by").setHeader("By").setAutoWidth(true);
        grid.setItems(lines);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText("Nothing is on the account yet: charges post when the payer answers the claim.");
        return grid;
    }
}
