package com.claimflow.base.ui;

import com.vaadin.flow.component.html.Span;

/**
 * A small coloured label (SLA state, claim status, edit severity), drawn with Lumo's colour properties only, so it
 * needs no theme or style sheet of its own.
 */
public class Badge extends Span {

    public enum Tone {
        NEUTRAL("var(--lumo-contrast-10pct)", "var(--lumo-body-text-color)"),
        SUCCESS("var(--lumo-success-color-10pct)", "var(--lumo-success-text-color)"),
        WARNING("var(--lumo-warning-color-10pct, hsla(30, 100%, 50%, 0.15))", "var(--lumo-warning-text-color, hsl(30, 100%, 30%))"),
        ERROR("var(--lumo-error-color-10pct)", "var(--lumo-error-text-color)"),
        INFO("var(--lumo-primary-color-10pct)", "var(--lumo-primary-text-color)");

        private final String background;
        private final String color;

        Tone(String background, String color) {
            this.background = background;
            this.color = color;
        }
    }

    private final Tone tone;

    public Badge(String text, Tone tone) {
        super(text);
        this.tone = tone;
        getElement().setAttribute("data-tone", tone.name().toLowerCase());
        getStyle().set("display", "inline-block")
                .set("padding", "0.2em 0.6em")
                .set("border-radius", "var(--lumo-border-radius-l)")
                .set("font-size", "var(--lumo-font-size-s)")
                .set("font-weight", "500")
                .set("line-height", "1.4")
                .set("white-space", "nowrap")
                .set("background", tone.background)
                .set("color", tone.color);
    }

    public Tone tone() {
        return tone;
    }
}
