package com.claimflow.workqueue;

import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;

/** What every task shows beside its form: why it exists (the capabilities' {@link TaskReasons}) and the encounter's notes. */
@Service
public class TaskExplanation {
    private final List<TaskReasons> reasons;
    private final Notes notes;

    public TaskExplanation(List<TaskReasons> reasons, Notes notes) {
        this.reasons = reasons.stream().sorted(Comparator.comparingInt(TaskReasons::order)).toList();
        this.notes = notes;
    }

    public List<ReasonSection> reasons(WorkItem item) {
        return reasons.stream().flatMap(r -> r.reasonsFor(item).stream()).toList();
    }

    /** Every note written on the task's encounter before now, oldest first; none for a task with no encounter. */
    public List<Note> notes(WorkItem item) {
        return item.encounterId() == null ? List.of() : notes.forEncounter(item.encounterId());
    }
}
