package com.claimflow.collections.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.collections.CloseReason;
import com.claimflow.identity.Worker;
import com.claimflow.support.Encounters;
import com.claimflow.support.ui.KaribuTestBase;
import com.claimflow.workqueue.WorkItem;
import com.claimflow.workqueue.ui.TaskView;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A task a worker sent to the leads: the lead may close the encounter's claim from it; a coder sees no such tool. */
class LeadDecisionPanelTest extends KaribuTestBase {

    private WorkItem sentToTheLeads(long encounterId) {
        WorkItem task = awaitTask(encounterId, "CodeEncounter");
        return queues.escalate(task.taskId(), "no documentation for this visit", new Worker(uniqueUser("coder"), Set.of("coders")));
    }

    @Test
    void aLeadClosesTheClaimFromATaskSentToThemAndTheTaskIsGone() {
        long encounterId = open(Encounters.visit().request());
        WorkItem task = sentToTheLeads(encounterId);
        login(uniqueUser("lead"), "leads");
        TaskView.open(task.taskId());

        _click(_get(Button.class, s -> s.withId("close-claim")));
        _click(_get(Button.class, s -> s.withId("close-confirm")));
        @SuppressWarnings("unchecked")
        ComboBox<CloseReason> reason = _get(ComboBox.class, s -> s.withId("close-reason"));
        assertThat(reason.isInvalid()).as("a reason code is required").isTrue();
        assertThat(queues.forEncounter(encounterId)).extracting(WorkItem::taskId).containsExactly(task.taskId());

        _setValue(reason, CloseReason.NO_DOCUMENTATION);
        _setValue(_get(TextArea.class, s -> s.withId("close-note")), "provider left; nothing to bill");
        _click(_get(Button.class, s -> s.withId("close-confirm")));

        assertThat(queues.forEncounter(encounterId)).isEmpty();
        assertThat(currentPath()).isEmpty();
    }

    @Test
    void aCoderSeesNoCloseTool() {
        long encounterId = open(Encounters.visit().request());
        WorkItem task = awaitTask(encounterId, "CodeEncounter");
        login(uniqueUser("coder"), "coders");
        TaskView.open(task.taskId());
        _assertNone(Button.class, s -> s.withId("close-claim"));
    }
}
