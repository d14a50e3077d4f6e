package com.claimflow.workqueue.ui;

import com.claimflow.base.ui.Facts;
import com.claimflow.base.ui.Formats;
import com.claimflow.workqueue.Note;
import com.claimflow.workqueue.ReasonSection;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.List;

/**
 * The frame's own sections of the task page: "Why this task" at the top (what the capabilities say raised it) and
 * "Notes" (every earlier note of the encounter, newest last, so what one worker wrote reaches the next).
 */
final class TaskExplanationSections {
    private TaskExplanationSections() {
    }

    static Component why(List<ReasonSection> reasons) {
        VerticalLayout section = section("why-this-task");
        section.add(new H3("Why this task"));
        for (ReasonSection r : reasons) {
            section.add(new H4(r.title()));
            Facts facts = new Facts();
            r.facts().forEach(f -> facts.fact(f.label(), f.value()));
            if (!r.facts().isEmpty()) section.add(facts);
            if (!r.lines().isEmpty()) {
                UnorderedList lines = new UnorderedList(r.lines().stream().map(ListItem::new).toArray(ListItem[]::new));
                lines.getStyle().set("margin", "0");
                section.add(lines);
            }
        }
        return section;
    }

    static Component notes(List<Note> notes) {
        VerticalLayout section = section("encounter-notes");
        section.add(new H3("Notes"));
        if (notes.isEmpty()) section.add(quiet("No one has written a note on this encounter yet."));
        for (Note n : notes) {
            Div note = new Div();
            note.addClassName("encounter-note");
            Span who = new Span(n.author() + " · " + Formats.dateTime(n.writtenAt()) + " · " + kind(n.kind())
                    + (n.taskType() == null ? "" : " · " + n.taskType()));
            who.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
            Paragraph text = new Paragraph(n.text());
            text.getStyle().set("margin", "0").set("white-space", "pre-wrap");
            note.add(who, text);
            section.add(note);
        }
        return section;
    }

    private static String kind(Note.Kind kind) {
        return switch (kind) {
            case COMPLETED -> "completed the task";
            case ESCALATED -> "sent to the leads";
            case REASSIGNED -> "moved the task";
            case PROVIDER_QUERY -> "asked the provider";
            case PROVIDER_ANSWER -> "provider's answer";
            case APPEAL_DECISION -> "payer's appeal decision";
            case NOTE -> "note";
        };
    }

    private static Paragraph quiet(String text) {
        Paragraph p = new Paragraph(text);
        p.getStyle().set("margin", "0").set("color", "var(--lumo-secondary-text-color)");
        return p;
    }

    private static VerticalLayout section(String id) {
        VerticalLayout section = new VerticalLayout();
        section.setId(id);
        section.setPadding(false);
        section.setSpacing(false);
        section.getStyle().set("gap", "var(--lumo-space-xs)");
        return section;
    }
}
