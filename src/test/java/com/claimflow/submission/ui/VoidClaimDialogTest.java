package com.claimflow.submission.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.claim.ClaimService;
import com.claimflow.submission.SubmissionService;
import com.claimflow.support.Encounters;
import com.claimflow.support.ui.KaribuTestBase;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class VoidClaimDialogTest extends KaribuTestBase {
    @Autowired SubmissionService submissions;
    @Autowired ClaimService claims;

    @Test
    void aVoidWithoutAReasonOrOfAClaimNeverSentIsRefusedInTheDialogAndNothingIsQueued() {
        long encounterId = open(Encounters.visit().request());
        login(uniqueUser("lead"), "leads");
        AtomicBoolean voided = new AtomicBoolean();
        VoidClaimDialog dialog = new VoidClaimDialog(submissions, "lena", encounterId, () -> voided.set(true));
        dialog.open();

        _click(_get(Button.class, s -> s.withId("void-confirm")));
        TextArea reason = _get(TextArea.class, s -> s.withId("void-reason"));
        assertThat(reason.isInvalid()).isTrue();
        assertThat(reason.getErrorMessage()).contains("say why the claim is voided");

        _setValue(reason, "patient seen under another encounter");
        _click(_get(Button.class, s -> s.withId("void-confirm")));
        assertThat(reason.getErrorMessage()).contains("never sent");
        assertThat(dialog.isOpened()).isTrue();
        assertThat(voided).isFalse();
        assertThat(claims.versionsOf(encounterId)).isEmpty();
    }
}
