package com.claimflow.collections.ui;

import com.claimflow.base.BadInputException;
import com.claimflow.base.ConflictException;
import com.claimflow.base.ui.Notices;
import com.claimflow.collections.CloseKind;
import com.claimflow.collections.CloseReason;
import com.claimflow.collections.EncounterClosing;
import com.claimflow.identity.Worker;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import org.springframework.security.access.AccessDeniedException;

/**
 * A lead closes an encounter's claim: write-off or not billable, a reason code from the fixed list, and a note. Used on
 * a task sent to the leads and on the encounter page; whatever stage the encounter is in stops, its tasks close.
 */
public class CloseEncounterDialog extends Dialog {
    private final long encounterId;
    private final EncounterClosing closing;
    private final Worker lead;
    private final Runnable onClosed;
    private final RadioButtonGroup<CloseKind> kind = new RadioButtonGroup<>("Close as");
    private final ComboBox<CloseReason> reason = new ComboBox<>("Reason code");
    private final TextArea note = new TextArea("Note");

    /** @param onClosed runs after the claim is closed (e.g. to leave the task or refresh the page) */
    public CloseEncounterDialog(long encounterId, EncounterClosing closing, Worker lead, Runnable onClosed) {
        this.encounterId = encounterId;
        this.closing = closing;
        this.lead = lead;
        this.onClosed = onClosed;
        setHeaderTitle("Close the claim of encounter " + encounterId);
        kind.setId("close-kind");
        kind.setItems(CloseKind.values());
        kind.setItemLabelGenerator(CloseKind::label);
        kind.setValue(CloseKind.WRITE_OFF);
        reason.setId("close-reason");
        reason.setItems(CloseReason.values());
        reason.setItemLabelGenerator(r -> r.name() + " · " + r.description());
        reason.setRequiredIndicatorVisible(true);
        reason.setWidthFull();
        note.setId("close-note");
        note.setRequiredIndicatorVisible(true);
        note.setHelperText("Kept with the encounter's notes; the reason code goes on the ledger.");
        note.setWidthFull();
        reason.addValueChangeListener(e -> reason.setInvalid(false));
        note.addValueChangeListener(e -> note.setInvalid(false));

        Paragraph what = new Paragraph("Whatever stage the encounter is in stops and its open tasks close; what insurance and the patient "
                + "still owe is written off.");
        what.getStyle().set("margin-top", "0").set("color", "var(--lumo-secondary-text-color)");
        VerticalLayout body = new VerticalLayout(what, kind, reason, note);
        body.setPadding(false);
        body.setWidth("30em");
        body.getStyle().set("max-width", "100%");
        add(body);

        Button confirm = new Button("Close the claim", e -> confirm());
        confirm.setId("close-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        Button cancel = new Button("Cancel", e -> close());
        cancel.setId("close-cancel");
        getFooter().add(cancel, confirm);
    }

    public RadioButtonGroup<CloseKind> kind() {
        return kind;
    }

    public ComboBox<CloseReason> reason() {
        return reason;
    }

    public TextArea note() {
        return note;
    }

    private void confirm() {
        try {
            closing.close(encounterId, kind.getValue(), reason.getValue(), note.getValue(), lead);
        } catch (BadInputException bad) {
            switch (bad.field()) {
                case "reasonCode" -> refuse(reason, bad.reason());
                case "note" -> refuse(note, bad.reason());
                default -> Notices.error(bad.getMessage());
            }
            return;
        } catch (AccessDeniedException | ConflictException refused) {
            Notices.error(refused.getMessage());
            return;
        }
        Notices.success("Encounter " + encounterId + " closed: " + kind.getValue().label().toLowerCase() + ", " + reason.getValue().name() + ".");
        close();
        onClosed.run();
    }

    private static void refuse(HasValidation field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
    }
}
