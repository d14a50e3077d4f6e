package com.claimflow.workqueue.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;

/**
 * A link to an encounter's page ({@code encounter/<id>}, the route of the encounter page, named here by its URL so the
 * work queue knows no page above it); a task with no encounter shows "none".
 */
final class EncounterLink {
    static final String ROUTE = "encounter/";

    private EncounterLink() {
    }

    static Component of(Long encounterId) {
        if (encounterId == null) return new Span("none");
        Anchor link = new Anchor(ROUTE + encounterId, String.valueOf(encounterId));
        link.addClassName("encounter-link");
        link.getElement().setAttribute("router-link", true);
        // inside a queue row: open the encounter, not the row's task
        link.getElement().addEventListener("click", e -> { }).addEventData("event.stopPropagation()");
        return link;
    }
}
