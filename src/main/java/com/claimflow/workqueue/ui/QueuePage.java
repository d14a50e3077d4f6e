package com.claimflow.workqueue.ui;

import com.claimflow.identity.Worker;
import com.claimflow.reference.Payer;
import com.claimflow.workqueue.QueueCursor;
import com.claimflow.workqueue.WorkItem;
import com.claimflow.workqueue.WorkQueueService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One queue, a page (50 rows) at a time, highest priority first, with a payer filter; clicking a row opens the task.
 * Shared by My work and the leads' Queues view. Every page shown is audited, a row per task.
 */
public class QueuePage extends VerticalLayout {
    private final WorkQueueService queues;
    private final Worker viewer;
    private final ComboBox<Payer> payer = new ComboBox<>("Payer");
    private final WorkItemGrid grid = new WorkItemGrid(true);
    private final Button previous = new Button("Previous");
    private final Button next = new Button("Next");
    private final Span range = new Span();
    private String queue;
    /** Where each page up to the current one starts (null: the top); the last entry is the page shown. */
    private final List<QueueCursor> pageStarts = new ArrayList<>();
    private List<WorkItem> shown = List.of();

    public QueuePage(WorkQueueService queues, List<Payer> payers, Worker viewer, Consumer<WorkItem> open) {
        this.queues = queues;
        this.viewer = viewer;
        setPadding(false);
        setWidthFull();
        payer.setItems(payers);
        payer.setItemLabelGenerator(p -> p.id() + " · " + p.name());
        payer.setPlaceholder("All payers");
        payer.setClearButtonVisible(true);
        payer.setId("payer-filter");
        payer.setWidth("18em");
        payer.addValueChangeListener(e -> {
            toTop();
            refresh();
        });
        grid.setId("queue-tasks");
        grid.addItemClickListener(e -> open.accept(e.getItem()));
        previous.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        next.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        previous.addClickListener(e -> {
            if (pageStarts.size() > 1) pageStarts.remove(pageStarts.size() - 1);
            refresh();
        });
        next.addClickListener(e -> {
            if (shown.size() == WorkQueueService.PAGE_SIZE) pageStarts.add(QueueCursor.after(shown.get(shown.size() - 1)));
            refresh();
        });
        range.getStyle().set("color", "var(--lumo-secondary-text-color)");
        HorizontalLayout pager = new HorizontalLayout(previous, range, next);
        pager.setAlignItems(FlexComponent.Alignment.CENTER);
        HorizontalLayout toolbar = new HorizontalLayout(payer, pager);
        toolbar.setAlignItems(FlexComponent.Alignment.END);
        toolbar.setWidthFull();
        toolbar.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        add(toolbar, grid);
    }

    public WorkItemGrid grid() {
        return grid;
    }

    public String queue() {
        return queue;
    }

    /** Shows the first page of the queue. */
    public void show(String queue) {
        this.queue = queue;
        toTop();
        refresh();
    }

    private void toTop() {
        pageStarts.clear();
        pageStarts.add(null);
    }

    /** Reloads the current page, e.g. after a task was moved. */
    public void refresh() {
        if (queue == null) return;
        String payerId = payer.getValue() == null ? null : payer.getValue().id();
        long total = queues.count(queue, payerId);
        List<WorkItem> items = queues.pageAfter(queue, payerId, pageStarts.get(pageStarts.size() - 1));
        while (items.isEmpty() && pageStarts.size() > 1) { // the tasks of this page were taken meanwhile: show the last page that has any
            pageStarts.remove(pageStarts.size() - 1);
            items = queues.pageAfter(queue, payerId, pageStarts.get(pageStarts.size() - 1));
        }
        shown = items;
        queues.shown(viewer, WorkQueueService.UI, queue + " queue page " + (pageStarts.size() - 1), items);
        int page = pageStarts.size() - 1;
        grid.setItems(items);
        grid.setEmptyStateText(payerId == null
                ? "The " + queue + " queue is empty: nothing is waiting here right now."
                : "No " + payerId + " tasks in the " + queue + " queue.");
        long from = (long) page * WorkQueueService.PAGE_SIZE + 1;
        long to = from + items.size() - 1;
        boolean capped = total > WorkQueueService.COUNT_CAP; // past the count's cap the last page is not known: page on while pages are full
        range.setText(total == 0 ? "No tasks" : String.format("%,d–%,d of %s", from, to,
                capped && to > WorkQueueService.COUNT_CAP ? String.format("at least %,d", to) : WorkQueueService.countLabel(total)));
        previous.setEnabled(page > 0);
        next.setEnabled(items.size() == WorkQueueService.PAGE_SIZE && (capped || to < total));
        previous.setVisible(total > WorkQueueService.PAGE_SIZE);
        next.setVisible(total > WorkQueueService.PAGE_SIZE);
    }
}
