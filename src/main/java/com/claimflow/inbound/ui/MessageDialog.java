package com.claimflow.inbound.ui;

import com.claimflow.base.ui.Formats;
import com.claimflow.inbound.InboundMessage;
import com.claimflow.inbound.InboundMessageViews;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/**
 * A message as the clinical system sent it: channel, sender, when, what became of it, and its text unchanged (HL7 v2
 * segments on their own lines). Opening it is audited.
 */
public class MessageDialog extends Dialog {

    public MessageDialog(InboundMessageViews views, long messageId, String viewer) {
        InboundMessageViews.Shown shown = views.show(messageId, viewer, "ui");
        InboundMessage m = shown.message();
        setHeaderTitle("Message " + m.id() + " · " + m.channel());
        setWidth("min(960px, 95vw)");
        Paragraph about = new Paragraph("From " + m.sender() + " · " + Formats.dateTime(m.receivedAt()) + " · " + m.contentType() + " · "
                + m.bodyBytes() + " bytes · " + m.outcome() + (m.messageKey() == null ? "" : " · id " + m.messageKey()));
        about.setId("message-about");
        VerticalLayout body = new VerticalLayout(about);
        body.setPadding(false);
        if (m.problem() != null) {
            Paragraph problem = new Paragraph((m.problemField() == null ? "" : m.problemField() + ": ") + m.problem());
            problem.setId("message-problem");
            problem.getStyle().set("color", "var(--lumo-error-text-color)");
            body.add(problem);
        }
        if (shown.body() == null && m.bodyRemovedAt() != null) {
            Paragraph removed = new Paragraph("The text (" + m.bodyBytes() + " bytes) was removed on " + Formats.dateTime(m.bodyRemovedAt())
                    + " under the practice's retention period; who sent it, when, and what became of it are kept.");
            removed.setId("message-removed");
            body.add(removed);
        } else if (shown.body() == null) {
            body.add(new Paragraph("The text was too large to keep (" + m.bodyBytes() + " bytes); it was refused."));
        } else {
            // HL7 v2 ends segments with a carriage return alone; shown one to a line
            Pre text = new Pre(shown.body().replace("\r\n", "\n").replace('\r', '\n'));
            text.setId("message-body");
            text.getStyle().set("white-space", "pre-wrap").set("word-break", "break-all").set("max-height", "60vh").set("overflow", "auto")
                    .set("font-size", "var(--lumo-font-size-s)");
            text.setWidthFull();
            body.add(text);
        }
        add(body);
        Button close = new Button("Close", e -> close());
        close.setId("message-close");
        getFooter().add(close);
    }
}
