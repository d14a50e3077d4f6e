package com.claimflow.collections.ui;

import com.claimflow.collections.EncounterClosing;
import com.claimflow.identity.Worker;
import com.claimflow.workqueue.TaskContext;
import com.claimflow.workqueue.TaskForm;
import com.claimflow.workqueue.TaskPanel;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.List;

/**
 * On a task with the leads (sent by a worker, or a leads' task such as a write-off approval) a lead may, besides
 * returning or reassigning it, close the encounter's claim: "Close the claim" opens {@link CloseEncounterDialog}; once
 * closed, the task is gone and the lead is back on their work page.
 */
@org.springframework.stereotype.Component
public class LeadDecisionPanel implements TaskPanel {
    private final EncounterClosing closing;

    public LeadDecisionPanel(EncounterClosing closing) {
        this.closing = closing;
    }

    @Override
    public String name() {
        return "close-encounter";
    }

    @Override
    public int order() {
        return 90;
    }

    @Override
    public boolean showsFor(TaskContext task) {
        return task.worker().isLead() && task.item().encounterId() != null
                && (task.item().isWithTheLeads() || Worker.LEADS.equals(task.item().queue()));
    }

    @Override
    public List<Component> sections(TaskContext task) {
        return List.of();
    }

    @Override
    public List<Component> tools(TaskContext task, TaskForm form) {
        long encounterId = task.item().encounterId();
        Button close = new Button("Close the claim", VaadinIcon.CLOSE_CIRCLE.create(),
                e -> new CloseEncounterDialog(encounterId, closing, task.worker(), () -> UI.getCurrent().navigate("")).open());
        close.setId("close-claim");
        close.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        return List.of(close);
    }
}
