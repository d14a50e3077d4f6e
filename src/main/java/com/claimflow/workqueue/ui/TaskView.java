package com.claimflow.workqueue.ui;

import com.claimflow.audit.AuditService;
import com.claimflow.base.BadInputException;
import com.claimflow.base.ConflictException;
import com.claimflow.base.NotFoundException;
import com.claimflow.base.ui.Badge;
import com.claimflow.base.ui.Facts;
import com.claimflow.base.ui.Formats;
import com.claimflow.base.ui.Notices;
import com.claimflow.claim.Claim;
import com.claimflow.claim.ClaimLine;
import com.claimflow.claim.ClaimService;
import com.claimflow.claim.ClaimStatus;
import com.claimflow.coding.Coding;
import com.claimflow.coding.CodingService;
import com.claimflow.coding.ProcedureLine;
import com.claimflow.identity.CurrentWorker;
import com.claimflow.identity.Roles;
import com.claimflow.intake.Encounter;
import com.claimflow.intake.EncounterService;
import com.claimflow.reference.Payer;
import com.claimflow.reference.ReferenceService;
import com.claimflow.remittance.PayerFileExceptions;
import com.claimflow.scrub.Finding;
import com.claimflow.scrub.ScrubResult;
import com.claimflow.scrub.ScrubService;
import com.claimflow.workqueue.WorkItem;
import com.claimflow.workqueue.WorkQueueService;
import com.claimflow.identity.Worker;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.security.access.AccessDeniedException;

/**
 * One task: what the person needs to read (patient, visit, documentation, codes, claim, scrub edits) on the left and
 * the task's Camunda Form on the right, with Claim, Complete, Release and Send to leads (for a task that cannot be
 * completed); a lead sends a task that was sent to them back to its queue. Every opening is recorded in the audit trail.
 */
@Route("task/:taskId")
@PageTitle("Task")
@PermitAll
public class TaskView extends VerticalLayout implements BeforeEnterObserver {
    public static final String TASK_ID = "taskId";
    /** Coder task types whose forms carry the codes; their fields start from the codes on file. */
    private static final Set<String> CODING_TASKS = Set.of("CodeEncounter", "FixCodingEdit", "CorrectCodingDenial");
    private static final String EMPTY_FORM = "{\"components\":[]}";

    private final WorkQueueService queues;
    private final EncounterService encounters;
    private final CodingService coding;
    private final ClaimService claims;
    private final ScrubService scrub;
    private final ReferenceService reference;
    private final AuditService audit;
    private final FormService forms;
    private final CurrentWorker current;
    private final PayerFileExceptions exceptions;

    private Worker worker;
    private WorkItem item;
    private CamundaFormRenderer form;
    private final Span assignee = new Span();
    private final Paragraph note = new Paragraph();
    private final Button claim = new Button("Claim", e -> claim());
    private final Button complete = new Button("Complete", e -> complete());
    private final Button release = new Button("Release", e -> release());
    private final Button escalate = new Button("Send to leads", e -> askWhy(false));
    private final Button sendBack = new Button("Send back", e -> askWhy(true));

    public TaskView(WorkQueueService queues, EncounterService encounters, CodingService coding, ClaimService claims, ScrubService scrub,
                    ReferenceService reference, AuditService audit, FormService forms, CurrentWorker current, PayerFileExceptions exceptions) {
        this.queues = queues;
        this.encounters = encounters;
        this.coding = coding;
        this.claims = claims;
        this.scrub = scrub;
        this.reference = reference;
        this.audit = audit;
        this.forms = forms;
        this.current = current;
        this.exceptions = exceptions;
        setWidthFull();
        claim.setId("claim");
        complete.setId("complete");
        release.setId("release");
        escalate.setId("escalate");
        sendBack.setId("send-back");
        escalate.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        sendBack.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        complete.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        release.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        assignee.setId("assignee");
        note.setId("task-note");
        note.getStyle().set("color", "var(--lumo-secondary-text-color)").set("margin", "0");
    }

    /** Opens the task view for a task. */
    public static void open(String taskId) {
        UI.getCurrent().navigate(TaskView.class, new RouteParameters(TASK_ID, taskId));
    }

    public String taskId() {
        return item == null ? null : item.taskId();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        worker = current.get();
        String taskId = event.getRouteParameters().get(TASK_ID).orElse("");
        try {
            item = queues.view(taskId, worker, WorkQueueService.UI);
        } catch (NotFoundException gone) {
            Notices.info("That task is closed: it was completed or cancelled.");
            event.forwardTo(MyWorkView.class);
            return;
        } catch (AccessDeniedException notYours) {
            Notices.error("You may not work the " + queues.get(taskId).queue() + " queue.");
            event.forwardTo(MyWorkView.class);
            return;
        }
        build();
    }

    // ---- layout ----

    private void build() {
        Encounter encounter = item.encounterId() == null ? null : encounters.find(item.encounterId()).orElse(null);
        add(header());
        FlexLayout body = new FlexLayout(encounterPanel(encounter), formPanel(encounter));
        body.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        body.setWidthFull();
        body.getStyle().set("gap", "var(--lumo-space-l)");
        add(body);
        showState();
    }

    private Component header() {
        H2 name = new H2(item.taskName());
        name.setId("task-name");
        name.getStyle().set("margin", "0");
        Facts facts = Facts.strip()
                .fact("Encounter", Formats.orNone(item.encounterId()))
                .fact("Payer", payerName(item.payerId()))
                .fact("Amount", Formats.money(item.amount()))
                .fact("Priority", String.valueOf(item.priority()))
                .fact("SLA", slaLine())
                .fact("Queue", MyWorkView.label(item.queue()) + (item.isWithTheLeads() ? " (sent from " + item.escalatedFrom() + ")" : ""))
                .fact("Claimed by", assignee);
        RouterLink back = new RouterLink("← My work", MyWorkView.class);
        back.getStyle().set("font-size", "var(--lumo-font-size-s)");
        VerticalLayout header = new VerticalLayout(back, name, facts);
        header.setPadding(false);
        header.setSpacing(false);
        header.getStyle().set("gap", "var(--lumo-space-s)");
        return header;
    }

    private Component slaLine() {
        HorizontalLayout sla = new HorizontalLayout(SlaBadge.of(item.slaState()));
        sla.setSpacing(false);
        sla.setAlignItems(FlexComponent.Alignment.CENTER);
        sla.getStyle().set("gap", "var(--lumo-space-s)");
        Span when = new Span((item.dueAt() == null ? "" : "due " + Formats.dateTime(item.dueAt()) + ", ") + "open " + Formats.age(item.createdAt()));
        when.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        sla.add(when);
        return sla;
    }

    private Component encounterPanel(Encounter e) {
        VerticalLayout panel = panel("encounter-panel");
        if (e == null) {
            if (!payerFileException(panel)) panel.add(new Paragraph("This task is not tied to an encounter on file."));
            return panel;
        }
        panel.add(new H3("Patient and visit"));
        panel.add(new Facts()
                .fact("Patient", e.patientName())
                .fact("Born", Formats.date(e.patientBirthDate()) + " (age " + e.patientAgeOn(e.dateOfService()) + " at the visit)")
                .fact("Sex", e.patientSex())
                .fact("Payer", payerName(e.payerId()))
                .fact("Member id", e.memberId() == null || e.memberId().isBlank() ? "missing" : e.memberId())
                .fact("Date of service", Formats.date(e.dateOfService()))
                .fact("Place of service", e.placeOfService())
                .fact("Claim type", e.claimType())
                .fact("Billing NPI", e.billingNpi())
                .fact("Rendering NPI", e.renderingNpi())
                .fact("External id", e.externalId()));

        panel.add(new H4("Documentation"));
        Div doc = new Div();
        doc.setId("documentation");
        doc.setText(e.documentation() == null || e.documentation().isBlank() ? "No documentation on file." : e.documentation());
        doc.getStyle().set("white-space", "pre-wrap")
                .set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("border", "1px solid var(--lumo-contrast-10pct)")
                .set("border-radius", "var(--lumo-border-radius-m)")
                .set("max-height", "24em")
                .set("overflow", "auto")
                .set("box-sizing", "border-box")
                .set("width", "100%");
        panel.add(doc);

        Optional<Claim> claim = claims.latestFor(e.id());
        if (claim.isPresent()) {
            panel.add(claimSection(claim.get()));
        } else {
            coding.codingOf(e.id()).ifPresent(c -> panel.add(codingSection(c)));
            Paragraph noClaim = new Paragraph("No claim yet: it is built from the codes once coding is done.");
            noClaim.setId("no-claim");
            noClaim.getStyle().set("color", "var(--lumo-secondary-text-color)");
            panel.add(noClaim);
        }
        return panel;
    }

    private Component codingSection(Coding c) {
        VerticalLayout section = section("coding");
        section.add(new H3("Codes on file"));
        section.add(new Facts()
                .fact("Diagnoses", numbered(c.diagnoses()))
                .fact("Procedures", c.procedures().stream().map(ProcedureLine::format).collect(Collectors.joining("; ")))
                .fact("Coded by", c.getCodedBy() + ", " + Formats.dateTime(c.getCodedAt())));
        return section;
    }

    private Component claimSection(Claim c) {
        VerticalLayout section = section("claim");
        section.add(new H3("Claim"));
        section.add(new Facts()
                .fact("Claim", c.getId() + ", version " + c.getVersion() + ("7".equals(c.getFrequencyCode()) ? " (replacement)" : ""))
                .fact("Status", claimStatus(c.getStatus()))
                .fact("Total charge", Formats.money(c.getTotalCharge()))
                .fact("Diagnoses", numbered(c.diagnoses()))
                .fact("Payer claim no.", c.getPayerClaimNumber()));
        List<ClaimLine> lines = c.getLines();
        Grid<ClaimLine> grid = new Grid<>(ClaimLine.class, false);
        grid.setId("claim-lines");
        grid.addColumn(l -> lines.indexOf(l) + 1).setKey("line").setHeader("Line").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ClaimLine::getCode).setKey("code").setHeader("Code").setAutoWidth(true);
        grid.addColumn(l -> String.join(" ", l.modifiers())).setKey("modifiers").setHeader("Modifiers").setAutoWidth(true);
        grid.addColumn(ClaimLine::getUnits).setKey("units").setHeader("Units").setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(l -> l.pointers().stream().map(String::valueOf).collect(Collectors.joining(","))).setKey("pointers")
                .setHeader("Dx pointers").setAutoWidth(true);
        grid.addColumn(l -> Formats.money(l.getCharge())).setKey("charge").setHeader("Charge").setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.setItems(lines);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setEmptyStateText("The claim has no lines.");
        section.add(grid);
        scrub.latest(c.getId()).ifPresent(r -> section.add(scrubSection(r)));
        if (c.isDraft() && worker.mayWork(item.queue())) {
            // on demand: check a fix made elsewhere (fee schedule, provider file) before completing the task
            Button now = new Button("Scrub now", e -> {
                ScrubResult r = scrub.scrub(c.getId());
                audit.record(worker.userId(), "SCRUBBED", item.encounterId(), item.taskId(), r.isClean() ? "clean" : r.errors().size() + " error(s)");
                Notices.info(r.isClean() ? "The claim scrubs clean." : "The claim still raises " + r.errors().size() + " error(s).");
                removeAll();
                build();
            });
            now.setId("scrub-now");
            section.add(now);
        }
        return section;
    }

    private Component scrubSection(ScrubResult r) {
        VerticalLayout section = section("scrub");
        section.add(new H4("Scrub edits"));
        List<Finding> findings = r.findings();
        Paragraph when = new Paragraph("Scrubbed " + Formats.dateTime(r.getScrubbedAt()) + " (claim version " + r.getClaimVersion() + "): "
                + (findings.isEmpty() ? "clean, no edits raised." : r.errors().size() + " error(s), "
                + (findings.size() - r.errors().size()) + " warning(s)."));
        when.getStyle().set("margin", "0");
        section.add(when);
        if (!findings.isEmpty()) {
            Grid<Finding> grid = new Grid<>(Finding.class, false);
            grid.setId("scrub-edits");
            grid.addComponentColumn(f -> f.severity() == Finding.Severity.ERROR ? new Badge("Error", Badge.Tone.ERROR) : new Badge("Warning", Badge.Tone.WARNING))
                    .setKey("severity").setHeader("Severity").setAutoWidth(true).setFlexGrow(0);
            grid.addColumn(f -> f.owner() == Finding.Owner.CODER ? "Coder" : "Biller").setKey("owner").setHeader("Fixed by").setAutoWidth(true).setFlexGrow(0);
            grid.addColumn(Finding::location).setKey("location").setHeader("Where").setAutoWidth(true);
            grid.addColumn(Finding::message).setKey("message").setHeader("Edit").setFlexGrow(3);
            grid.setItems(findings);
            grid.setAllRowsVisible(true);
            grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
            section.add(grid);
        }
        return section;
    }

    /** What a payer-file-exception task is about (a payment no claim matches, a provider rejection); false for other tasks. */
    private boolean payerFileException(VerticalLayout panel) {
        var payment = exceptions.unmatchedPaymentOf(item.processInstanceId());
        if (payment.isPresent()) {
            var p = payment.get();
            panel.add(new H3("Payment from the payer"));
            panel.add(new Facts()
                    .fact("Patient control number", Formats.orNone(p.patientControlNumber()))
                    .fact("Payer claim number", Formats.orNone(p.payerClaimNumber()))
                    .fact("Claim status (CLP02)", Formats.orNone(p.statusCode()))
                    .fact("Charged", Formats.money(p.charge()))
                    .fact("Paid", Formats.money(p.paid()))
                    .fact("Why it was not posted", p.reason())
                    .fact("835 file", p.fileId() + ", segment " + p.segmentNumber()));
            return true;
        }
        var rejection = exceptions.providerRejectionOf(item.processInstanceId());
        if (rejection.isPresent()) {
            var r = rejection.get();
            panel.add(new H3("Rejection from the payer"));
            panel.add(new Facts()
                    .fact("Rejected", r.level().equals("2000B") ? "the whole file (information receiver)" : "billing provider")
                    .fact("Name", Formats.orNone(r.entityName()))
                    .fact("Id", Formats.orNone(r.entityId()))
                    .fact("Status (STC)", r.statuses())
                    .fact("277CA file", r.fileId() + ", segment " + r.segmentNumber()));
            return true;
        }
        return false;
    }

    private Component formPanel(Encounter encounter) {
        VerticalLayout panel = panel("task-form-panel");
        panel.add(new H3("Your work"));
        try (InputStream json = forms.getDeployedTaskForm(item.taskId())) {
            form = CamundaFormRenderer.parse(json);
        } catch (ProcessEngineException | java.io.IOException | java.io.UncheckedIOException noForm) {
            form = CamundaFormRenderer.parse(EMPTY_FORM);
            panel.add(new Paragraph("This task has no form: complete it when the work is done."));
        }
        prefill(encounter);
        if (form.has("diagnosisCodes") && form.has("procedureLines") && worker.mayWork(item.queue())) {
            panel.add(new CodeLookup(reference, form));
        }
        panel.add(form.component());
        HorizontalLayout buttons = new HorizontalLayout(claim, complete, release, escalate, sendBack);
        panel.add(buttons, note);
        return panel;
    }

    /** Starts coder forms from the codes on file, and the eligibility form from the member id on file. */
    private void prefill(Encounter encounter) {
        if (encounter == null) return;
        if (CODING_TASKS.contains(item.taskType()) || Roles.CODERS.equals(item.queue())) {
            coding.codingOf(encounter.id()).ifPresent(c -> {
                form.setValueIfEmpty("diagnosisCodes", String.join(", ", c.diagnoses()));
                form.setValueIfEmpty("procedureLines", c.procedures().stream().map(ProcedureLine::format).collect(Collectors.joining("\n")));
            });
        }
        if ("ResolveEligibility".equals(item.taskType()) && encounter.memberId() != null) {
            form.setValueIfEmpty("memberId", encounter.memberId());
        }
    }

    private static VerticalLayout panel(String id) {
        VerticalLayout panel = new VerticalLayout();
        panel.setId(id);
        panel.setPadding(false);
        panel.getStyle().set("flex", "1 1 26em").set("min-width", "0");
        return panel;
    }

    private static VerticalLayout section(String id) {
        VerticalLayout section = new VerticalLayout();
        section.setId(id);
        section.setPadding(false);
        return section;
    }

    // ---- state and actions ----

    private boolean mine() {
        return worker.userId().equals(item.assignee());
    }

    private boolean excluded() {
        return worker.userId().equals(item.excludedUser());
    }

    /** Buttons and form follow who holds the task: the person, someone else or nobody. */
    private void showState() {
        boolean mayWork = worker.mayWork(item.queue()) && !excluded();
        boolean free = item.assignee() == null;
        assignee.setText(free ? "Unclaimed" : mine() ? "You (" + item.assignee() + ")" : item.assignee());
        claim.setVisible(mayWork && free);
        complete.setVisible(mayWork && (free || mine()));
        release.setVisible(!free && (mine() || worker.isLead()));
        escalate.setVisible(mayWork && !item.isWithTheLeads() && !Worker.LEADS.equals(item.queue()) && (free || mine() || worker.isLead()));
        sendBack.setVisible(item.isWithTheLeads() && worker.isLead());
        if (item.isWithTheLeads()) sendBack.setText("Send back to " + item.escalatedFrom());
        form.setReadOnly(!(mayWork && (free || mine())));
        if (item.isWithTheLeads() && worker.isLead()) {
            note.setText("Sent to the leads from the " + item.escalatedFrom() + " queue" + escalationReason()
                    + ". Work it, move it to someone, or send it back.");
        } else if (!worker.mayWork(item.queue())) {
            note.setText("Read only: the " + item.queue() + " queue is not yours to work.");
        } else if (excluded()) {
            note.setText("You coded this encounter, so someone else must audit it.");
        } else if (!free && !mine()) {
            note.setText("Claimed by " + item.assignee() + ": only they can complete it" + (worker.isLead() ? ", or you release it." : "."));
        } else {
            note.setText(free ? "Claim the task to work it, or complete it straight away." : "");
        }
    }

    private void claim() {
        try {
            item = queues.claim(item.taskId(), worker);
            Notices.success("Task claimed: it is in My work until you complete or release it.");
        } catch (ConflictException | AccessDeniedException refused) {
            Notices.error(refused.getMessage());
            reload();
        } catch (NotFoundException gone) {
            closed();
            return;
        }
        showState();
    }

    private void complete() {
        form.clearErrors();
        if (!form.validate()) {
            Notices.error("Fill in the marked fields first.");
            return;
        }
        try {
            queues.complete(item.taskId(), form.values(), worker);
        } catch (BadInputException bad) {
            showBadInput(bad);
            return;
        } catch (ConflictException | AccessDeniedException refused) {
            Notices.error(refused.getMessage());
            reload();
            return;
        } catch (NotFoundException gone) {
            closed();
            return;
        }
        Notices.success(item.taskName() + (item.encounterId() == null ? " completed." : " completed for encounter " + item.encounterId() + "."));
        UI.getCurrent().navigate(MyWorkView.class);
    }

    /** Puts the service's complaint on the field it names ("procedureLines line 2" is the procedureLines field). */
    private void showBadInput(BadInputException bad) {
        String field = bad.field() == null ? "" : bad.field();
        int line = field.indexOf(" line");
        String key = line > 0 ? field.substring(0, line) : field;
        String message = line > 0 ? field.substring(line + 1) + ": " + bad.reason() : bad.reason();
        if (!form.showError(key, message)) {
            Notices.error(bad.getMessage());
        }
    }

    /** Why the task was sent to the leads, from the audit trail's latest escalation of it. */
    private String escalationReason() {
        return audit.forTask(item.taskId()).stream().filter(e -> WorkQueueService.ESCALATED.equals(e.getAction()))
                .reduce((a, b) -> b).map(e -> " by " + e.getActor() + " (" + e.getDetail().substring(e.getDetail().indexOf(": ") + 2) + ")")
                .orElse("");
    }

    /** Asks for the reason, then sends the task to the leads or (a lead) back to the queue it came from. */
    private void askWhy(boolean back) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(back ? "Send back to the " + item.escalatedFrom() + " queue" : "Send to the leads");
        TextArea why = new TextArea(
                back ? "What the lead decided" : "Why it cannot be completed");
        why.setId("escalation-reason");
        why.setWidthFull();
        why.setMaxLength(WorkQueueService.REASON_MAX);
        why.setRequiredIndicatorVisible(true);
        why.setHelperText("Recorded in the audit trail with your name.");
        dialog.add(why);
        Button confirm = new Button(back ? "Send back" : "Send to leads", e -> {
            try {
                if (back) queues.reassign(item.taskId(), null, why.getValue(), worker);
                else queues.escalate(item.taskId(), why.getValue(), worker);
            } catch (BadInputException bad) {
                why.setErrorMessage(bad.reason());
                why.setInvalid(true);
                return;
            } catch (ConflictException | AccessDeniedException refused) {
                Notices.error(refused.getMessage());
                dialog.close();
                reload();
                return;
            } catch (NotFoundException gone) {
                dialog.close();
                closed();
                return;
            }
            dialog.close();
            Notices.success(back ? "Task sent back to the " + item.escalatedFrom() + " queue." : "Task sent to the leads.");
            UI.getCurrent().navigate(MyWorkView.class);
        });
        confirm.setId("escalation-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), confirm);
        dialog.open();
    }

    private void release() {
        try {
            queues.release(item.taskId(), worker);
        } catch (AccessDeniedException refused) {
            Notices.error(refused.getMessage());
            return;
        } catch (NotFoundException gone) {
            closed();
            return;
        }
        Notices.success("Task released back to the " + item.queue() + " queue.");
        UI.getCurrent().navigate(MyWorkView.class);
    }

    private void reload() {
        try {
            item = queues.get(item.taskId());
            showState();
        } catch (NotFoundException gone) {
            closed();
        }
    }

    private void closed() {
        Notices.info("That task is closed: it was completed or cancelled meanwhile.");
        UI.getCurrent().navigate(MyWorkView.class);
    }

    // ---- small formatting ----

    private String payerName(String payerId) {
        if (payerId == null) return null;
        return reference.payer(payerId).map(Payer::getName).map(n -> payerId + " · " + n).orElse(payerId);
    }

    private static String numbered(List<String> codes) {
        if (codes.isEmpty()) return "none";
        return IntStream.range(0, codes.size()).mapToObj(i -> (i + 1) + ". " + codes.get(i)).collect(Collectors.joining("  "));
    }

    private static Badge claimStatus(ClaimStatus status) {
        Badge.Tone tone = switch (status) {
            case PAID, READY, ACCEPTED -> Badge.Tone.SUCCESS;
            case SCRUB_FAILED, REJECTED, DENIED -> Badge.Tone.ERROR;
            case PARTIALLY_PAID, SUBMITTED -> Badge.Tone.INFO;
            default -> Badge.Tone.NEUTRAL;
        };
        Badge b = new Badge(status.name().replace('_', ' ').toLowerCase(), tone);
        b.setId("claim-status");
        return b;
    }
}
