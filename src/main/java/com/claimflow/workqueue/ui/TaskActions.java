package com.claimflow.workqueue.ui;

import com.claimflow.audit.AuditService;
import com.claimflow.base.BadInputException;
import com.claimflow.base.ConflictException;
import com.claimflow.base.NotFoundException;
import com.claimflow.base.ui.Notices;
import com.claimflow.identity.Worker;
import com.claimflow.workqueue.WorkItem;
import com.claimflow.workqueue.WorkQueueService;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import org.springframework.security.access.AccessDeniedException;

/**
 * The task page's state and actions: Claim, Complete, Release, Send to leads (for a task that cannot be completed) and,
 * for a lead, Send back; the buttons, the form's read-only state and the note follow who holds the task.
 */
final class TaskActions {
    private final WorkQueueService queues;
    private final AuditService audit;
    private final Worker worker;
    private final CamundaFormRenderer form;
    private WorkItem item;
    final Span assignee = new Span();
    final Paragraph note = new Paragraph();
    private final Button claim = new Button("Claim", e -> claim());
    private final Button complete = new Button("Complete", e -> complete());
    private final Button release = new Button("Release", e -> release());
    private final Button escalate = new Button("Send to leads", e -> askWhy(false));
    private final Button sendBack = new Button("Send back", e -> askWhy(true));
    final HorizontalLayout buttons = new HorizontalLayout(claim, complete, release, escalate, sendBack);

    TaskActions(WorkQueueService queues, AuditService audit, Worker worker, WorkItem item, CamundaFormRenderer form) {
        this.queues = queues;
        this.audit = audit;
        this.worker = worker;
        this.item = item;
        this.form = form;
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

    WorkItem item() {
        return item;
    }

    private boolean mine() {
        return worker.userId().equals(item.assignee());
    }

    private boolean excluded() {
        return worker.userId().equals(item.excludedUser());
    }

    /** Buttons and form follow who holds the task: the person, someone else or nobody. */
    void showState() {
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

    /**
     * Puts the service's complaint on the field it names ("procedureLines line 2" is the procedureLines field, and
     * "lines[2].code" the lines field).
     */
    private void showBadInput(BadInputException bad) {
        String field = bad.field() == null ? "" : bad.field();
        int line = field.indexOf(" line");
        if (line < 0) line = field.indexOf('[');
        String key = line > 0 ? field.substring(0, line) : field;
        String message = line > 0 ? field.substring(line).strip() + ": " + bad.reason() : bad.reason();
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
    }}
