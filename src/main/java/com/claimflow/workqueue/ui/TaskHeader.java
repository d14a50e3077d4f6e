package com.claimflow.workqueue.ui;

import com.claimflow.base.ui.Facts;
import com.claimflow.base.ui.Formats;
import com.claimflow.reference.Payer;
import com.claimflow.reference.ReferenceService;
import com.claimflow.workqueue.WorkItem;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.RouterLink;

/**
 * The top of the task page: the task's name and the facts every task has (encounter, linked to its page, payer, amount,
 * SLA, queue, holder).
 */
final class TaskHeader {
    private TaskHeader() {
    }

    static Component of(WorkItem item, ReferenceService reference, Span assignee) {
        H2 name = new H2(item.taskName());
        name.setId("task-name");
        name.getStyle().set("margin", "0");
        Facts facts = Facts.strip()
                .fact("Encounter", EncounterLink.of(item.encounterId()))
                .fact("Payer", payerName(reference, item.payerId()))
                .fact("Amount", Formats.money(item.amount()))
                .fact("Priority", String.valueOf(item.priority()))
                .fact("SLA", slaLine(item))
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

    private static Component slaLine(WorkItem item) {
        HorizontalLayout sla = new HorizontalLayout(SlaBadge.of(item.slaState()));
        sla.setSpacing(false);
        sla.setAlignItems(FlexComponent.Alignment.CENTER);
        sla.getStyle().set("gap", "var(--lumo-space-s)");
        Span when = new Span((item.dueAt() == null ? "" : "due " + Formats.dateTime(item.dueAt()) + ", ") + "open " + Formats.age(item.createdAt()));
        when.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        sla.add(when);
        return sla;
    }

    private static String payerName(ReferenceService reference, String payerId) {
        if (payerId == null) return null;
        return reference.payer(payerId).map(Payer::name).map(n -> payerId + " · " + n).orElse(payerId);
    }
}
