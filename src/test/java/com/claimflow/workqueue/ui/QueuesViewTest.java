package com.claimflow.workqueue.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormatted;
import static com.github.mvysny.kaributesting.v10.GridKt._selectRow;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.audit.AuditEvent;
import com.claimflow.audit.AuditService;
import com.claimflow.identity.ui.AccessDeniedView;
import com.claimflow.support.Encounters;
import com.claimflow.support.ui.KaribuTestBase;
import com.claimflow.workqueue.QueueStats;
import com.claimflow.workqueue.WorkItem;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class QueuesViewTest extends KaribuTestBase {
    @Autowired AuditService audit;

    @Test
    void aCoderIsRefusedTheQueuesView() {
        login(uniqueUser("coder"), "coders");
        navigate(MyWorkView.class);
        assertThat(_get(SideNav.class).getItems()).extracting(SideNavItem::getLabel).contains("My work").doesNotContain("Queues");

        navigate(QueuesView.class);

        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain()).noneMatch(QueuesView.class::isInstance);
        // Vaadin shows the product's 403 view instead
        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain()).anyMatch(AccessDeniedView.class::isInstance);
        _assertNone(QueuesView.class);
    }

    @Test
    void aLeadSeesARowPerQueueWithItsDepth() {
        long encounterId = open(Encounters.visit().request());
        awaitTask(encounterId, "CodeEncounter");
        login(uniqueUser("lead"), "leads", "coders", "billers");

        navigate(QueuesView.class);

        Grid<QueueStats> stats = stats();
        assertThat(rows(stats)).extracting(QueueStats::queue).contains("coders", "billers", "leads", "compliance");
        int coders = rows(stats).stream().map(QueueStats::queue).toList().indexOf("coders");
        assertThat(rows(stats).get(coders).open()).isPositive();
        assertThat(_getFormatted(stats, coders, "queue")).isEqualTo("Coders");
    }

    @Test
    void aLeadReassignsATaskWithAReason() {
        long encounterId = open(Encounters.visit().request());
        WorkItem task = awaitTask(encounterId, "CodeEncounter");
        String lead = uniqueUser("lead");
        login(lead, "leads", "coders", "billers");
        navigate(QueuesView.class);

        Grid<QueueStats> stats = stats();
        _selectRow(stats, rows(stats).stream().map(QueueStats::queue).toList().indexOf("coders"));
        Grid<WorkItem> tasks = queueTasks();
        int row = rows(tasks).stream().map(WorkItem::taskId).toList().indexOf(task.taskId());
        assertThat(row).as("our task is on the coders queue's first page").isGreaterThanOrEqualTo(0);
        _click((Button) _getCellComponent(tasks, row, "actions"));

        _get(Dialog.class);
        @SuppressWarnings("unchecked")
        ComboBox<String> toUser = _get(ComboBox.class, s -> s.withId("reassign-to"));
        assertThat(toUser.getListDataView().getItems().toList()).contains("carla", "colin", "lena").doesNotContain("bella");
        _setValue(toUser, "colin");
        _click(_get(Button.class, s -> s.withId("reassign-confirm")));

        TextArea reason = _get(TextArea.class, s -> s.withId("reassign-reason"));
        assertThat(reason.isInvalid()).as("a move needs a reason").isTrue();
        assertThat(queues.get(task.taskId()).assignee()).isNull();

        _setValue(reason, "Carla is out today; Colin covers her encounters");
        _click(_get(Button.class, s -> s.withId("reassign-confirm")));

        _assertNone(Dialog.class);
        assertThat(queues.get(task.taskId()).assignee()).isEqualTo("colin");
        assertThat(notifications()).contains("Task moved to colin.");
        List<AuditEvent> trail = audit.forTask(task.taskId());
        assertThat(trail).anySatisfy(e -> {
            assertThat(e.getAction()).isEqualTo("REASSIGNED");
            assertThat(e.getActor()).isEqualTo(lead);
            assertThat(e.getDetail()).contains("colin").contains("Carla is out today");
        });
        assertThat(_getFormatted(queueTasks(), rows(queueTasks()).stream().map(WorkItem::taskId).toList().indexOf(task.taskId()), "assignee"))
                .isEqualTo("colin");
    }

    @Test
    void complianceSeesTheQueuesButCannotReassign() {
        long encounterId = open(Encounters.visit().request());
        awaitTask(encounterId, "CodeEncounter");
        login(uniqueUser("auditor"), "compliance");
        navigate(QueuesView.class);

        Grid<QueueStats> stats = stats();
        _selectRow(stats, rows(stats).stream().map(QueueStats::queue).toList().indexOf("coders"));

        assertThat(queueTasks().getColumnByKey("actions")).isNull();
    }

    @SuppressWarnings("unchecked")
    private static Grid<QueueStats> stats() {
        return _get(Grid.class, s -> s.withId("queue-stats"));
    }

    @SuppressWarnings("unchecked")
    private static Grid<WorkItem> queueTasks() {
        return _get(Grid.class, s -> s.withId("queue-tasks"));
    }
}
