package com.claimflow.sla;

import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Resolves a task's SLA events when it ends, in the engine's transaction (Camunda's Spring task events, as the work
 * queue's projection gets them): completed, by the engine task's assignee; deleted, by the process.
 */
@Component
class SlaResolution {
    private final SlaRegister register;

    SlaResolution(SlaRegister register) {
        this.register = register;
    }

    @EventListener
    public void on(DelegateTask task) {
        switch (task.getEventName()) {
            case TaskListener.EVENTNAME_COMPLETE -> register.resolved(task.getId(), task.getAssignee() == null ? "unknown" : task.getAssignee(), Instant.now());
            case TaskListener.EVENTNAME_DELETE -> register.resolved(task.getId(), null, Instant.now());
            default -> { }
        }
    }
}
