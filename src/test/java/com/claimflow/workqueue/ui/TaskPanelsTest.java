package com.claimflow.workqueue.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.identity.Worker;
import com.claimflow.workqueue.TaskContext;
import com.claimflow.workqueue.TaskForm;
import com.claimflow.workqueue.TaskPanel;
import com.claimflow.workqueue.WorkItem;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TaskPanelsTest {
    private final TaskPanel visit = new Fake("visit", 10, Set.of("CodeEncounter", "ReviewVisit"), Set.of());
    private final TaskPanel codes = new Fake("codes", 20, Set.of("CodeEncounter"), Set.of());
    private final TaskPanel claim = new Fake("claim", 40, Set.of("ReviewVisit"), Set.of("codes"));

    @Test
    void aPanelIsFoundByTheTasksDefinitionKeyAndShownInOrder() {
        TaskPanels shown = new TaskPanels(List.of(codes, claim, visit), task("CodeEncounter"));

        assertThat(texts(shown.sections())).containsExactly("visit", "codes");
        assertThat(texts(shown.prepare(new NoForm()))).containsExactly("visit tool", "codes tool");
    }

    @Test
    void aPanelThatShowsStandsInForTheOnesItReplaces() {
        TaskPanels shown = new TaskPanels(List.of(codes, claim, visit), task("ReviewVisit"));

        assertThat(texts(shown.sections())).containsExactly("visit", "claim");
    }

    @Test
    void aTaskTypeNoPanelKnowsShowsNothingButTheFrame() {
        TaskPanels shown = new TaskPanels(List.of(codes, claim, visit), task("SomethingNew"));

        assertThat(shown.sections()).isEmpty();
        assertThat(shown.prepare(new NoForm())).isEmpty();
    }

    private static TaskContext task(String taskType) {
        WorkItem item = new WorkItem("t1", "p1", 1L, null, taskType, taskType, "coders", "BCBS", BigDecimal.TEN, 50, Instant.now(),
                null, null, WorkItem.SlaState.OK, null);
        return new TaskContext(item, new Worker("carla", Set.of("coders")), () -> { });
    }

    private static List<String> texts(List<Component> components) {
        return components.stream().map(c -> c.getElement().getText()).toList();
    }

    /** A form without fields. */
    private static final class NoForm implements TaskForm {
        @Override
        public boolean has(String key) {
            return false;
        }

        @Override
        public Map<String, Object> values() {
            return Map.of();
        }

        @Override
        public void setValue(String key, Object value) {
        }

        @Override
        public void setValueIfEmpty(String key, Object value) {
        }
    }

    /** A panel for the task types given, showing its name, with one tool. */
    private record Fake(String name, int order, Set<String> taskTypes, Set<String> standsInFor) implements TaskPanel {
        @Override
        public boolean showsFor(TaskContext task) {
            return taskTypes.contains(task.item().taskType());
        }

        @Override
        public List<Component> sections(TaskContext task) {
            return List.of(new Paragraph(name));
        }

        @Override
        public List<Component> tools(TaskContext task, TaskForm form) {
            return List.of(new Span(name + " tool"));
        }
    }
}
