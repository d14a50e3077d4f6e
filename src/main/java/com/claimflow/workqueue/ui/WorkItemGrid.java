package com.claimflow.workqueue.ui;

import com.claimflow.base.ui.Formats;
import com.claimflow.workqueue.WorkItem;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import java.util.Comparator;

/**
 * Work items as every queue list shows them: task, encounter (a link to its page), payer, amount, priority, SLA, age (and
 * who holds it).
 */
public class WorkItemGrid extends Grid<WorkItem> {

    public WorkItemGrid(boolean showAssignee) {
        super(WorkItem.class, false);
        addColumn(WorkItem::taskName).setKey("task").setHeader("Task").setFlexGrow(2).setSortable(true);
        addComponentColumn(w -> EncounterLink.of(w.encounterId())).setKey("encounter").setHeader("Encounter")
                .setComparator(Comparator.comparing(WorkItem::encounterId, Comparator.nullsLast(Comparator.naturalOrder())));
        addColumn(w -> Formats.orNone(w.payerId())).setKey("payer").setHeader("Payer").setSortable(true);
        addColumn(w -> Formats.money(w.amount())).setKey("amount").setHeader("Amount").setTextAlign(ColumnTextAlign.END)
                .setComparator(Comparator.comparing(WorkItem::amount, Comparator.nullsFirst(Comparator.naturalOrder())));
        addColumn(WorkItem::priority).setKey("priority").setHeader("Priority").setTextAlign(ColumnTextAlign.END)
                .setComparator(Comparator.comparingInt(WorkItem::priority));
        addComponentColumn(w -> SlaBadge.of(w.slaState())).setKey("sla").setHeader("SLA")
                .setComparator(Comparator.comparing(WorkItem::slaState));
        addColumn(w -> Formats.age(w.createdAt())).setKey("age").setHeader("Age")
                .setComparator(Comparator.comparing(WorkItem::createdAt).reversed());
        if (showAssignee) {
            addColumn(w -> w.assignee() == null ? "Unclaimed" : w.assignee()).setKey("assignee").setHeader("Claimed by").setSortable(true);
        }
        addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        setAllRowsVisible(true);
        setWidthFull();
    }
}
