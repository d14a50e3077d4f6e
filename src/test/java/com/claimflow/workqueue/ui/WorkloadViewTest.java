package com.claimflow.workqueue.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.support.Encounters;
import com.claimflow.support.ui.KaribuTestBase;
import com.claimflow.workqueue.WorkItem;
import com.claimflow.workqueue.WorkloadBoard;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The leads' workload board in the browserless UI: filter, select all matching, spread over people, out today. */
class WorkloadViewTest extends KaribuTestBase {
    @Autowired JdbcTemplate jdbc;

    /** Coding tasks marked with a payer of their own, so the filter matches exactly them. */
    private List<String> codingTasks(String payer, int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) ids.add(awaitTask(open(Encounters.visit().request()), "CodeEncounter").taskId());
        for (String id : ids) jdbc.update("update work_item set payer_id = ? where task_id = ?", payer, id);
        return ids;
    }

    private WorkloadView openAsLead() {
        login(uniqueUser("lead"), "leads", "coders", "billers");
        navigate(WorkloadView.class);
        WorkloadView view = _get(WorkloadView.class);
        view.runMovesWith(Runnable::run);
        return view;
    }

    @SuppressWarnings("unchecked")
    private void filterOnPayer(String payer) {
        ComboBox<String> payerBox = _get(ComboBox.class, spec -> spec.withId("filter-payer"));
        payerBox.setItems(payer); // a payer only this test's tasks carry
        _setValue(payerBox, payer);
        _click(_get(Button.class, spec -> spec.withId("filter-show")));
    }

    @Test
    void aCoderIsRefusedTheWorkloadBoard() {
        login(uniqueUser("coder"), "coders");
        navigate(WorkloadView.class);
        _assertNone(WorkloadView.class);
    }

    @Test
    void aLeadSpreadsAllTasksMatchingAFilterOverTwoCodersWithAReason() {
        String payer = "WV" + UUID.randomUUID().toString().substring(0, 6);
        List<String> mine = codingTasks(payer, 4);
        openAsLead();
        filterOnPayer(payer);
        @SuppressWarnings("unchecked")
        Grid<WorkItem> tasks = _get(Grid.class, spec -> spec.withId("workload-tasks"));
        assertThat(rows(tasks)).extracting(WorkItem::taskId).containsExactlyInAnyOrderElementsOf(mine);

        _setValue(_get(Checkbox.class, spec -> spec.withId("select-all-matching")), true);
        _click(_get(Button.class, spec -> spec.withId("move-tasks")));
        BulkMoveDialog dialog = _get(BulkMoveDialog.class);
        dialog.how().setValue(BulkMoveDialog.SPREAD);
        dialog.people().setValue(Set.of("carla", "chen"));
        _click(_get(Button.class, spec -> spec.withId("move-confirm")));
        assertThat(dialog.reason().isInvalid()).as("a move without a reason is refused").isTrue();
        assertThat(mine).allSatisfy(id -> assertThat(queues.get(id).assignee()).isNull());

        _setValue(_get(TextArea.class, spec -> spec.withId("move-reason")), "spread the backlog");
        _click(_get(Button.class, spec -> spec.withId("move-confirm")));
        MockVaadin.clientRoundtrip();

        assertThat(mine).extracting(id -> queues.get(id).assignee()).containsOnly("carla", "chen");
        assertThat(mine.stream().filter(id -> "carla".equals(queues.get(id).assignee())).count()).isEqualTo(2);
        assertThat(_get(Paragraph.class, spec -> spec.withId("move-progress-text")).getText()).startsWith("4 of 4 moved");
    }

    @Test
    void outTodayPutsWhatAPersonHoldsBackInTheQueue() {
        String payer = "WV" + UUID.randomUUID().toString().substring(0, 6);
        List<String> mine = codingTasks(payer, 2);
        String coder = "colin";
        for (String id : mine) jdbc.update("update work_item set assignee = ? where task_id = ?", coder, id);
        WorkloadView view = openAsLead();
        _click(_get(Button.class, spec -> spec.withId("refresh-board")));
        Grid<WorkloadBoard.PersonLoad> people = view.personGrid();
        assertThat(rows(people)).anySatisfy(p -> {
            assertThat(p.person()).isEqualTo(coder);
            assertThat(p.held()).isGreaterThanOrEqualTo(2);
        });

        int row = rows(people).stream().map(WorkloadBoard.PersonLoad::person).toList().indexOf(coder);
        _click((Button) _getCellComponent(people, row, "out"));
        BulkMoveDialog dialog = _get(BulkMoveDialog.class);
        assertThat(dialog.how().getValue()).isEqualTo(BulkMoveDialog.QUEUE);
        _setValue(dialog.reason(), "colin is ill today");
        _click(_get(Button.class, spec -> spec.withId("move-confirm")));
        MockVaadin.clientRoundtrip();

        assertThat(mine).allSatisfy(id -> assertThat(queues.get(id).assignee()).isNull());
        assertThat(queues.assignedTo(coder)).extracting(WorkItem::taskId).doesNotContainAnyElementsOf(mine);
    }
}
