package com.claimflow.workqueue.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._getFormatted;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.identity.Worker;
import com.claimflow.support.Encounters;
import com.claimflow.support.ui.KaribuTestBase;
import com.claimflow.workqueue.WorkItem;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MyWorkViewTest extends KaribuTestBase {

    @Test
    void aCoderSeesTheTaskTheyClaimedInMyWork() {
        long encounterId = open(Encounters.visit().request());
        WorkItem task = awaitTask(encounterId, "CodeEncounter");
        String coder = uniqueUser("coder");
        queues.claim(task.taskId(), new Worker(coder, Set.of("coders")));

        login(coder, "coders");
        navigate(MyWorkView.class);

        Grid<WorkItem> mine = myTasks();
        assertThat(rows(mine)).extracting(WorkItem::taskId).containsExactly(task.taskId());
        assertThat(_getFormatted(mine, 0, "task")).isEqualTo("Code encounter");
        assertThat(_getFormatted(mine, 0, "encounter")).contains("text='" + encounterId + "'").contains("href='encounter/" + encounterId + "'");
        assertThat(_getFormatted(mine, 0, "payer")).isEqualTo("BCBS");
        assertThat(_get(Grid.class, s -> s.withId("queue-tasks"))).as("the coders queue is listed below").isNotNull();
    }

    @Test
    void nextTaskClaimsAndOpensTheHighestPriorityCodingTask() {
        long routine = open(Encounters.visit().request());
        // UnitedHealthcare allows 90 days: two days before the filing deadline the task jumps the queue
        long urgent = open(Encounters.visit().payer("UHC", "123456789").on(LocalDate.now().minusDays(88)).request());
        WorkItem routineTask = awaitTask(routine, "CodeEncounter");
        WorkItem urgentTask = awaitTask(urgent, "CodeEncounter");
        assertThat(urgentTask.priority()).isGreaterThan(routineTask.priority());
        String coder = uniqueUser("coder");
        WorkItem highest = queues.page("coders", null, 0).stream().filter(w -> !w.isClaimed())
                .min(Comparator.comparingInt(WorkItem::priority).reversed().thenComparing(WorkItem::createdAt)).orElseThrow();

        login(coder, "coders");
        navigate(MyWorkView.class);
        _click(_get(Button.class, s -> s.withId("next-task")));

        TaskView opened = _get(TaskView.class);
        assertThat(opened.taskId()).isEqualTo(highest.taskId()).isNotEqualTo(routineTask.taskId());
        assertThat(currentPath()).isEqualTo("task/" + highest.taskId());
        assertThat(queues.get(highest.taskId()).assignee()).isEqualTo(coder);
    }

    @Test
    void nextTaskWithNothingWaitingSaysSo() {
        login(uniqueUser("auditor"), "compliance");
        navigate(MyWorkView.class);

        _click(_get(Button.class, s -> s.withId("next-task")));

        assertThat(notifications()).contains("No work waiting in your queues");
        _get(MyWorkView.class);
        assertThat(rows(myTasks())).isEmpty();
        assertThat(myTasks().getEmptyStateText()).contains("Next task");
    }

    @Test
    void clickingAQueueRowOpensTheTask() {
        long encounterId = open(Encounters.visit().request());
        WorkItem task = awaitTask(encounterId, "CodeEncounter");
        login(uniqueUser("coder"), "coders");
        navigate(MyWorkView.class);

        @SuppressWarnings("unchecked")
        Grid<WorkItem> queue = _get(Grid.class, s -> s.withId("queue-tasks"));
        int row = rows(queue).stream().map(WorkItem::taskId).toList().indexOf(task.taskId());
        assertThat(row).isGreaterThanOrEqualTo(0);
        com.github.mvysny.kaributesting.v10.GridKt._clickItem(queue, row);

        assertThat(_get(TaskView.class).taskId()).isEqualTo(task.taskId());
    }

    @SuppressWarnings("unchecked")
    private static Grid<WorkItem> myTasks() {
        return _get(Grid.class, s -> s.withId("my-tasks"));
    }
}
