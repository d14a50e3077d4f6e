package com.claimflow.rules.ui;

import com.claimflow.base.BadInputException;
import com.claimflow.base.ui.Notices;
import com.claimflow.identity.Worker;
import com.claimflow.rules.RuleVersion;
import com.claimflow.rules.RulesService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;

/** Asks why, then deploys an earlier version's file again as the newest version; a refusal is shown in the dialog. */
class RestoreDialog extends Dialog {
    private final TextArea reason = new TextArea("Why this version comes back");

    RestoreDialog(RulesService rules, Worker worker, RuleVersion version, Runnable onRestored) {
        setHeaderTitle("Restore version " + version.version());
        Paragraph what = new Paragraph("Version " + version.version() + " of " + version.key() + " (" + version.origin()
                + ") is deployed again as a new version, after the same checks as an upload.");
        reason.setId("restore-reason");
        reason.setWidthFull();
        reason.setMaxLength(RulesService.MAX_REASON);
        reason.setRequiredIndicatorVisible(true);
        add(what, reason);
        Button confirm = new Button("Restore", e -> {
            try {
                RuleVersion v = rules.restore(version.key(), version.version(), reason.getValue(), worker);
                Notices.success("Version " + version.version() + " restored as version " + v.version() + ".");
                close();
                onRestored.run();
            } catch (BadInputException bad) {
                reason.setInvalid(true);
                reason.setErrorMessage(bad.reason());
            }
        });
        confirm.setId("restore-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), confirm);
    }
}
