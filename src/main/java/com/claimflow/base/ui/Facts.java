package com.claimflow.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/**
 * Labelled facts, as on a face sheet: either a two-column list ("Patient  Doe, Jane") or, with {@link #strip()}, a
 * row of small label-over-value items that wraps, for a page header.
 */
public class Facts extends Div {
    private final boolean strip;

    /** A two-column list of labelled facts. */
    public Facts() {
        this(false);
    }

    private Facts(boolean strip) {
        this.strip = strip;
        if (strip) {
            getStyle().set("display", "flex").set("flex-wrap", "wrap")
                    .set("column-gap", "var(--lumo-space-xl)").set("row-gap", "var(--lumo-space-s)");
        } else {
            getStyle().set("display", "grid")
                    .set("grid-template-columns", "max-content 1fr")
                    .set("column-gap", "var(--lumo-space-m)")
                    .set("row-gap", "var(--lumo-space-xs)")
                    .set("font-size", "var(--lumo-font-size-s)");
        }
    }

    /** A wrapping row of label-over-value items. */
    public static Facts strip() {
        return new Facts(true);
    }

    public Facts fact(String label, String value) {
        return fact(label, new Span(Formats.orNone(value)));
    }

    public Facts fact(String label, Component value) {
        Span l = new Span(label);
        l.getStyle().set("color", "var(--lumo-secondary-text-color)");
        if (strip) {
            l.getStyle().set("font-size", "var(--lumo-font-size-xs)").set("display", "block");
            Div item = new Div(l, value);
            item.getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-xs)");
            add(item);
        } else {
            add(l, value);
        }
        return this;
    }
}
