package com.claimflow.workqueue.ui;

import com.claimflow.audit.AuditService;
import com.claimflow.base.NotFoundException;
import com.claimflow.base.ui.Notices;
import com.claimflow.identity.CurrentWorker;
import com.claimflow.identity.Worker;
import com.claimflow.reference.ReferenceService;
import com.claimflow.workqueue.ReasonSection;
import com.claimflow.workqueue.TaskContext;
import com.claimflow.workqueue.TaskExplanation;
import com.claimflow.workqueue.TaskPanel;
import com.claimflow.workqueue.WorkItem;
import com.claimflow.workqueue.WorkQueueService;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.PermitAll;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.security.access.AccessDeniedException;

/**
 * One task: what the person needs to read on the left (why the task exists, the capabilities' {@link TaskPanel}s in
 * order, the encounter's notes), and the task's Camunda Form on the right with the actions of {@link TaskActions}. The
 * page knows no task type: a capability plugs its panel and its {@link com.claimflow.workqueue.TaskReasons} in. Every opening is recorded in the audit trail.
 */
@Route("task/:taskId")
@PageTitle("Task")
@PermitAll
public class TaskView extends VerticalLayout implements BeforeEnterObserver {
    public static final String TASK_ID = "taskId";
    private static final String EMPTY_FORM = "{\"components\":[]}";

    private final WorkQueueService queues;
    private final ReferenceService reference;
    private final AuditService audit;
    private final FormService forms;
    private final CurrentWorker current;
    private final List<TaskPanel> panels;
    private final TaskExplanation explanation;

    private Worker worker;
    private TaskActions actions;

    public TaskView(WorkQueueService queues, ReferenceService reference, AuditService audit, FormService forms, CurrentWorker current,
                    List<TaskPanel> panels, TaskExplanation explanation) {
        this.queues = queues;
        this.reference = reference;
        this.audit = audit;
        this.forms = forms;
        this.current = current;
        this.panels = panels;
        this.explanation = explanation;
        setWidthFull();
    }

    /** Opens the task view for a task. */
    public static void open(String taskId) {
        UI.getCurrent().navigate(TaskView.class, new RouteParameters(TASK_ID, taskId));
    }

    public String taskId() {
        return actions == null ? null : actions.item().taskId();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        worker = current.get();
        String taskId = event.getRouteParameters().get(TASK_ID).orElse("");
        WorkItem item;
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
        build(item);
    }

    /** Lays the page out for the task as it stands; a panel's action that changes what is on file builds it again. */
    private void build(WorkItem item) {
        removeAll();
        TaskPanels shown = new TaskPanels(panels, new TaskContext(item, worker, () -> build(actions.item())));
        VerticalLayout formPanel = panel("task-form-panel");
        formPanel.add(new H3("Your work"));
        CamundaFormRenderer form = form(item, formPanel);
        actions = new TaskActions(queues, audit, worker, item, form);
        add(TaskHeader.of(item, reference, actions.assignee));
        Component readingSide = readingSide(item, shown);
        formPanel.add(shown.prepare(form).toArray(Component[]::new));
        formPanel.add(form.component(), actions.buttons, actions.note);
        FlexLayout body = new FlexLayout(readingSide, formPanel);
        body.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        body.setWidthFull();
        body.getStyle().set("gap", "var(--lumo-space-l)");
        add(body);
        actions.showState();
    }

    /**
     * Why the task exists (when a capability says), the panels' sections and the encounter's notes in one column; a
     * task nothing is on file for says so.
     */
    private Component readingSide(WorkItem item, TaskPanels shown) {
        VerticalLayout panel = panel("encounter-panel");
        List<ReasonSection> reasons = explanation.reasons(item);
        if (!reasons.isEmpty()) panel.add(TaskExplanationSections.why(reasons));
        List<Component> sections = shown.sections();
        if (sections.isEmpty()) panel.add(new Paragraph("This task is not tied to an encounter on file."));
        else panel.add(sections.toArray(Component[]::new));
        if (item.encounterId() != null) panel.add(TaskExplanationSections.notes(explanation.notes(item)));
        return panel;
    }

    private CamundaFormRenderer form(WorkItem item, VerticalLayout formPanel) {
        try (InputStream json = forms.getDeployedTaskForm(item.taskId())) {
            return CamundaFormRenderer.parse(json);
        } catch (ProcessEngineException | IOException | UncheckedIOException noForm) {
            formPanel.add(new Paragraph("This task has no form: complete it when the work is done."));
            return CamundaFormRenderer.parse(EMPTY_FORM);
        }
    }

    private static VerticalLayout panel(String id) {
        VerticalLayout panel = new VerticalLayout();
        panel.setId(id);
        panel.setPadding(false);
        panel.getStyle().set("flex", "1 1 26em").set("min-width", "0");
        return panel;
    }
}
