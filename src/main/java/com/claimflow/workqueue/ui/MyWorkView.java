package com.claimflow.workqueue.ui;

import com.claimflow.identity.CurrentWorker;
import com.claimflow.identity.Roles;
import com.claimflow.identity.Worker;
import com.claimflow.reference.ReferenceService;
import com.claimflow.workqueue.WorkItem;
import com.claimflow.workqueue.WorkQueueService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A worker's start page: take the next task, go back to what they hold, or look into the queues they may pull from. */
@Route("")
@PageTitle("My work")
@Menu(order = 0, title = "My work")
@PermitAll
public class MyWorkView extends VerticalLayout {
    /** The work queues, in the order the office thinks of them. */
    static final List<String> QUEUES = List.of(Roles.CODERS, Roles.BILLERS, Roles.LEADS, Roles.COMPLIANCE);

    private final WorkQueueService queues;
    private final Worker worker;
    private final WorkItemGrid mine = new WorkItemGrid(false);
    private final Map<Tab, String> queueOfTab = new LinkedHashMap<>();
    private final Tabs queueTabs = new Tabs();
    private final QueuePage queuePage;

    public MyWorkView(WorkQueueService queues, ReferenceService reference, CurrentWorker current) {
        this.queues = queues;
        this.worker = current.get();
        setWidthFull();

        Button next = new Button("Next task", VaadinIcon.ARROW_FORWARD.create(), e -> takeNext());
        next.setId("next-task");
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        next.setIconAfterText(true);
        H2 title = new H2("My work");
        title.getStyle().set("margin", "0");
        HorizontalLayout header = new HorizontalLayout(title, next);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.expand(title);
        add(header);

        add(new H3("Claimed by me"));
        mine.setId("my-tasks");
        mine.setEmptyStateText("You hold no tasks. Press Next task to take the most urgent one waiting in your queues.");
        mine.addItemClickListener(e -> TaskView.open(e.getItem().taskId()));
        add(mine);

        queuePage = new QueuePage(queues, reference.payers(), worker, item -> TaskView.open(item.taskId()));
        List<String> mayPull = QUEUES.stream().filter(q -> worker.groups().contains(q)).toList();
        add(new H3("Queues"));
        if (mayPull.isEmpty()) {
            Paragraph none = new Paragraph("Your role does not pull from a work queue (coders, billers, leads or compliance).");
            none.setId("no-queues");
            add(none);
            next.setEnabled(false);
        } else {
            for (String q : mayPull) {
                Tab tab = new Tab(label(q) + " (" + WorkQueueService.countLabel(queues.count(q, null)) + ")");
                tab.setId("queue-tab-" + q);
                queueOfTab.put(tab, q);
                queueTabs.add(tab);
            }
            queueTabs.addSelectedChangeListener(e -> {
                if (e.getSelectedTab() != null) queuePage.show(queueOfTab.get(e.getSelectedTab()));
            });
            add(queueTabs, queuePage);
            queuePage.show(mayPull.get(0));
        }
        refreshMine();
    }

    private void refreshMine() {
        List<WorkItem> held = queues.assignedTo(worker.userId());
        queues.shown(worker, WorkQueueService.UI, "my tasks", held);
        mine.setItems(held);
    }

    private void takeNext() {
        Optional<WorkItem> item = queues.next(worker, WorkQueueService.UI);
        if (item.isPresent()) {
            TaskView.open(item.get().taskId());
        } else {
            Notification.show("No work waiting in your queues", 4000, Notification.Position.MIDDLE);
            refreshMine();
            queuePage.refresh();
        }
    }

    /** "coders" → "Coders". */
    static String label(String queue) {
        return queue == null || queue.isEmpty() ? "" : Character.toUpperCase(queue.charAt(0)) + queue.substring(1);
    }
}
