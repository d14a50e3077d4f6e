package com.claimflow.workqueue.ui;

import com.claimflow.base.ui.Formats;
import com.claimflow.identity.CurrentWorker;
import com.claimflow.identity.Roles;
import com.claimflow.identity.Worker;
import com.claimflow.reference.ReferenceService;
import com.claimflow.workqueue.QueueStats;
import com.claimflow.workqueue.TaskPeople;
import com.claimflow.workqueue.WorkItem;
import com.claimflow.workqueue.WorkQueueService;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every queue at a glance for leads and compliance: depth, unclaimed, oldest, SLA warnings and escalations; pick a
 * queue to see its tasks, and (leads) move a task to someone else with a reason.
 */
@Route("queues")
@PageTitle("Queues")
@Menu(order = 1, title = "Queues")
@RolesAllowed({Roles.ROLE_LEADS, Roles.ROLE_COMPLIANCE})
public class QueuesView extends VerticalLayout {
    private final WorkQueueService queues;
    private final TaskPeople people;
    private final Worker worker;
    private final Grid<QueueStats> stats = new Grid<>(QueueStats.class, false);
    private final H3 queueTitle = new H3();
    private final Paragraph hint = new Paragraph("Select a queue to see its tasks.");
    private final QueuePage queuePage;
    private long deepest = 1;

    public QueuesView(WorkQueueService queues, ReferenceService reference, TaskPeople people, CurrentWorker current) {
        this.queues = queues;
        this.people = people;
        this.worker = current.get();
        setWidthFull();

        H2 title = new H2("Queues");
        title.getStyle().set("margin", "0");
        Button refresh = new Button("Refresh", VaadinIcon.REFRESH.create(), e -> refresh());
        refresh.setId("refresh-stats");
        refresh.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout header = new HorizontalLayout(title, refresh);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.expand(title);
        add(header);

        stats.setId("queue-stats");
        stats.addColumn(s -> MyWorkView.label(s.queue())).setKey("queue").setHeader("Queue").setFlexGrow(1);
        stats.addColumn(QueueStats::open).setKey("open").setHeader("Open").setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);
        stats.addColumn(QueueStats::unclaimed).setKey("unclaimed").setHeader("Unclaimed").setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);
        stats.addColumn(s -> Formats.age(s.oldest())).setKey("oldest").setHeader("Oldest").setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);
        stats.addComponentColumn(s -> count(s.warned(), "var(--lumo-warning-text-color, hsl(30, 100%, 30%))"))
                .setKey("warned").setHeader("Warned").setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);
        stats.addComponentColumn(s -> count(s.escalated(), "var(--lumo-error-text-color)"))
                .setKey("escalated").setHeader("Escalated").setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);
        stats.addComponentColumn(this::depthBar).setKey("depth").setHeader("Depth").setFlexGrow(2);
        stats.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        stats.setAllRowsVisible(true);
        stats.setWidthFull();
        stats.asSingleSelect().addValueChangeListener(e -> show(e.getValue()));
        add(stats);

        queuePage = new QueuePage(queues, reference.payers(), worker, item -> TaskView.open(item.taskId()));
        if (worker.isLead()) {
            queuePage.grid().addComponentColumn(this::reassignButton).setKey("actions").setHeader("").setAutoWidth(true).setFlexGrow(0);
        }
        queueTitle.setId("queue-title");
        hint.setId("queue-hint");
        hint.getStyle().set("color", "var(--lumo-secondary-text-color)");
        queueTitle.setVisible(false);
        queuePage.setVisible(false);
        add(queueTitle, hint, queuePage);
        refresh();
    }

    /** Every queue the office has, plus any other a model routes to, with zeros where nothing waits. */
    private List<QueueStats> rows() {
        Map<String, QueueStats> byQueue = new LinkedHashMap<>();
        for (String q : MyWorkView.QUEUES) byQueue.put(q, new QueueStats(q, 0, 0, null, 0, 0));
        for (QueueStats s : queues.stats()) byQueue.put(s.queue(), s);
        return new ArrayList<>(byQueue.values());
    }

    private void refresh() {
        List<QueueStats> rows = rows();
        deepest = Math.max(1, rows.stream().mapToLong(QueueStats::open).max().orElse(1));
        String selected = Optional.ofNullable(stats.asSingleSelect().getValue()).map(QueueStats::queue).orElse(null);
        stats.setItems(rows);
        if (selected != null) {
            rows.stream().filter(r -> r.queue().equals(selected)).findFirst().ifPresent(r -> stats.asSingleSelect().setValue(r));
        }
        queuePage.refresh();
    }

    private void show(QueueStats s) {
        if (s == null) return; // keep showing the last queue when the selection is cleared
        queueTitle.setText(MyWorkView.label(s.queue()) + " queue");
        queueTitle.setVisible(true);
        hint.setVisible(false);
        queuePage.setVisible(true);
        if (!s.queue().equals(queuePage.queue())) queuePage.show(s.queue());
    }

    private static Component count(long n, String color) {
        Span span = new Span(String.valueOf(n));
        if (n > 0) span.getStyle().set("color", color).set("font-weight", "600");
        return span;
    }

    private Component depthBar(QueueStats s) {
        Div track = new Div();
        track.getStyle().set("width", "100%").set("min-width", "6em").set("height", "0.75em")
                .set("background", "var(--lumo-contrast-5pct)").set("border-radius", "var(--lumo-border-radius-s)").set("overflow", "hidden");
        Div bar = new Div();
        double share = (double) s.open() / deepest;
        bar.getStyle().set("width", String.format(java.util.Locale.ROOT, "%.1f%%", share * 100)).set("height", "100%")
                .set("background", s.escalated() > 0 ? "var(--lumo-error-color)" : "var(--lumo-primary-color)");
        track.add(bar);
        track.getElement().setAttribute("title", s.open() + " open, " + s.unclaimed() + " unclaimed");
        return track;
    }

    private Component reassignButton(WorkItem item) {
        Button b = new Button("Reassign", e -> new ReassignDialog(item, people.eligible(item), queues, worker, this::refresh).open());
        b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        b.setId("reassign-" + item.taskId());
        // the row's click opens the task; a click on this button must not
        b.getElement().addEventListener("click", e -> { }).stopPropagation();
        return b;
    }
}
