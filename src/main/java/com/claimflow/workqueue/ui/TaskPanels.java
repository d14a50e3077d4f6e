package com.claimflow.workqueue.ui;

import com.claimflow.workqueue.TaskContext;
import com.claimflow.workqueue.TaskForm;
import com.claimflow.workqueue.TaskPanel;
import com.vaadin.flow.component.Component;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The capabilities' panels that show for one task, in page order: what they put on the reading side and on the form. */
final class TaskPanels {
    private final TaskContext task;
    private final List<TaskPanel> shown;

    TaskPanels(List<TaskPanel> panels, TaskContext task) {
        this.task = task;
        this.shown = panels.stream().filter(p -> p.showsFor(task)).sorted(Comparator.comparingInt(TaskPanel::order)).toList();
    }

    /** The sections to read, in order, leaving out those of a panel another shown panel stands in for. */
    List<Component> sections() {
        Set<String> replaced = shown.stream().flatMap(p -> p.standsInFor().stream()).collect(Collectors.toSet());
        return shown.stream().filter(p -> !replaced.contains(p.name())).flatMap(p -> p.sections(task).stream()).toList();
    }

    /** Fills the form from what is on file, then returns the tools to place above it. */
    List<Component> prepare(TaskForm form) {
        shown.forEach(p -> p.prefill(task, form));
        return shown.stream().flatMap(p -> p.tools(task, form).stream()).toList();
    }
}
