package com.claimflow.workqueue.ui;

import com.claimflow.base.BadInputException;
import com.claimflow.base.NotFoundException;
import com.claimflow.base.ui.Notices;
import com.claimflow.identity.Worker;
import com.claimflow.workqueue.WorkItem;
import com.claimflow.workqueue.WorkQueueService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;

/** A lead moves one task to a person, or back to its queue, and says why; the move is audited with the reason. */
public class ReassignDialog extends Dialog {
    private final WorkItem item;
    private final WorkQueueService queues;
    private final Worker lead;
    private final Runnable onMoved;
    private final ComboBox<String> toUser = new ComboBox<>("Move to");
    private final TextArea reason = new TextArea("Reason");

    /**
     * @param people user id → display name of those who may take the task
     * @param onMoved runs after a successful move (e.g. to refresh the queue)
     */
    public ReassignDialog(WorkItem item, Map<String, String> people, WorkQueueService queues, Worker lead, Runnable onMoved) {
        this.item = item;
        this.queues = queues;
        this.lead = lead;
        this.onMoved = onMoved;
        setHeaderTitle("Reassign " + item.taskName());
        Map<String, String> names = new LinkedHashMap<>(people);
        toUser.setId("reassign-to");
        toUser.setItems(names.keySet());
        toUser.setItemLabelGenerator(id -> names.getOrDefault(id, id));
        toUser.setClearButtonVisible(true);
        toUser.setPlaceholder("Back to the " + item.queue() + " queue");
        toUser.setHelperText("Leave empty to put the task back in the queue.");
        toUser.setWidthFull();
        if (item.assignee() != null && names.containsKey(item.assignee())) toUser.setValue(item.assignee());
        reason.setId("reassign-reason");
        reason.setRequired(true);
        reason.setRequiredIndicatorVisible(true);
        reason.setManualValidation(true);
        reason.setHelperText("Recorded in the audit trail with your name.");
        reason.setWidthFull();
        reason.addValueChangeListener(e -> reason.setInvalid(false));

        Paragraph what = new Paragraph((item.encounterId() == null ? "No encounter" : "Encounter " + item.encounterId()) + " · " + (item.payerId() == null ? "" : item.payerId() + " · ")
                + (item.assignee() == null ? "unclaimed in the " + item.queue() + " queue" : "now with " + item.assignee()));
        what.getStyle().set("margin-top", "0").set("color", "var(--lumo-secondary-text-color)");
        VerticalLayout body = new VerticalLayout(what, toUser, reason);
        body.setPadding(false);
        body.setWidth("26em");
        body.getStyle().set("max-width", "100%");
        add(body);

        Button move = new Button("Reassign", e -> move());
        move.setId("reassign-confirm");
        move.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", e -> close());
        cancel.setId("reassign-cancel");
        getFooter().add(cancel, move);
    }

    public ComboBox<String> toUser() {
        return toUser;
    }

    public TextArea reason() {
        return reason;
    }

    private void move() {
        if (reason.getValue().isBlank()) {
            refuseReason("Say why the task is moved.");
            return;
        }
        String to = toUser.getValue();
        try {
            queues.reassign(item.taskId(), to, reason.getValue().strip(), lead);
        } catch (BadInputException bad) {
            if ("reason".equals(bad.field())) refuseReason(bad.reason());
            else Notices.error(bad.getMessage());
            return;
        } catch (AccessDeniedException refused) {
            Notices.error(refused.getMessage());
            return;
        } catch (NotFoundException gone) {
            Notices.info("That task is closed: it was completed or cancelled meanwhile.");
            close();
            onMoved.run();
            return;
        }
        Notices.success(to == null ? "Task put back in the " + item.queue() + " queue." : "Task moved to " + to + ".");
        close();
        onMoved.run();
    }

    private void refuseReason(String message) {
        reason.setErrorMessage(message);
        reason.setInvalid(true);
    }
}
