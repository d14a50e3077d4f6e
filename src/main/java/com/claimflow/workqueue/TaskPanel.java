package com.claimflow.workqueue;

import com.vaadin.flow.component.Component;
import java.util.List;
import java.util.Set;

/**
 * What a capability shows on the task page for its task types, the display counterpart of {@link TaskCompletion}: the
 * sections a person reads beside the form, the form fields it starts from what is on file, and tools beside the form.
 * The page asks every panel bean whether it shows for the task (by {@link WorkItem#taskType()} or by what is on file)
 * and lays the ones that do out by {@link #order()}.
 */
public interface TaskPanel {
    /** A short name other panels may stand in for, e.g. {@code coding}. */
    String name();

    /** Place on the page, lowest first: the stages' order (intake before coding before the claim). */
    int order();

    /** Whether the panel has a part in this task's page; only panels that show are asked for sections, prefill and tools. */
    boolean showsFor(TaskContext task);

    /** What the person reads, in the page's left column; empty when there is nothing on file. */
    List<Component> sections(TaskContext task);

    /** Names of panels whose sections this one's replace when both show: the claim's lines replace the codes on file. */
    default Set<String> standsInFor() {
        return Set.of();
    }

    /** Starts form fields from what is on file; the person's input and the form's defaults win. */
    default void prefill(TaskContext task, TaskForm form) {
    }

    /** Tools placed above the form, e.g. a code lookup that writes into it. */
    default List<Component> tools(TaskContext task, TaskForm form) {
        return List.of();
    }
}
