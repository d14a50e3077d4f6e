package com.claimflow.submission.ui;

import com.claimflow.base.BadInputException;
import com.claimflow.base.ui.Notices;
import com.claimflow.submission.OutboxMessage;
import com.claimflow.submission.SubmissionService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;

/**
 * Asks why, then voids the encounter's latest claim the payer received (a frequency-8 837 with the payer's claim
 * number); for the encounter page. A refusal (never sent, no payer claim number yet, no reason) is shown in the dialog.
 */
public class VoidClaimDialog extends Dialog {
    public static final int REASON_MAX = 300;

    private final TextArea reason = new TextArea("Why the claim is voided");

    public VoidClaimDialog(SubmissionService submissions, String userId, long encounterId, Runnable onVoided) {
        setHeaderTitle("Void the claim");
        Paragraph what = new Paragraph("The payer is asked to cancel the claim it received for encounter " + encounterId
                + ": a void (frequency 8) naming its claim number goes out with the next claim file.");
        reason.setId("void-reason");
        reason.setWidthFull();
        reason.setMaxLength(REASON_MAX);
        reason.setRequiredIndicatorVisible(true);
        reason.setHelperText("Kept on the void and in the audit trail with your name.");
        add(what, reason);
        Button confirm = new Button("Void claim", e -> {
            try {
                OutboxMessage queued = submissions.voidLatest(encounterId, reason.getValue(), userId);
                Notices.success("Void of the claim queued as claim " + queued.getClaimId() + " version " + queued.getClaimVersion() + ".");
                close();
                onVoided.run();
            } catch (BadInputException bad) {
                reason.setInvalid(true);
                reason.setErrorMessage("reason".equals(bad.field()) ? bad.reason() : bad.getMessage());
            }
        });
        confirm.setId("void-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", e -> close());
        getFooter().add(cancel, confirm);
    }
}
