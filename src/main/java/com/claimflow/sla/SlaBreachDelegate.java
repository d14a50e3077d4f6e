package com.claimflow.sla;

import com.claimflow.workqueue.WorkItem;
import com.claimflow.workqueue.WorkItem.SlaState;
import com.claimflow.workqueue.WorkQueueService;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Task;

/**
 * What an SLA timer does to the task it guards (named by the {@code slaTask} input parameter): raises its SLA state and,
 * when that changed the state (a warning on a task already warned or escalated changes nothing), keeps the event in the
 * register.
 */
abstract class SlaBreachDelegate {
    private final TaskService tasks;
    private final WorkQueueService queues;
    private final SlaPolicy policy;
    private final SlaRegister register;
    private final SlaState state;

    SlaBreachDelegate(TaskService tasks, WorkQueueService queues, SlaPolicy policy, SlaRegister register, SlaState state) {
        this.tasks = tasks;
        this.queues = queues;
        this.policy = policy;
        this.register = register;
        this.state = state;
    }

    public void execute(DelegateExecution x) {
        String taskType = (String) x.getVariable(SlaPolicy.SLA_TASK_PARAMETER);
        for (Task task : tasks.createTaskQuery().processInstanceId(x.getProcessInstanceId()).taskDefinitionKey(taskType).list()) {
            WorkItem before = queues.get(task.getId());
            queues.slaBreached(task.getId(), state);
            if (!raises(before.slaState(), state)) continue;
            Instant now = Instant.now();
            if (state == SlaState.ESCALATED) {
                register.raised(before, SlaEvent.Kind.ESCALATION, now, now);
            } else {
                register.raised(before, SlaEvent.Kind.WARNING, plus(before.createdAt(), policy.escalateAfter(x, taskType)), now);
            }
        }
    }

    /** Whether {@code WorkQueueService.slaBreached} changes a task in state {@code from}: up only, never from escalated to warned. */
    static boolean raises(SlaState from, SlaState to) {
        return from != to && !(to == SlaState.WARNED && from == SlaState.ESCALATED);
    }

    /** The instant {@code duration} (ISO-8601, a day-time duration or a calendar period such as P1M) after {@code start}. */
    static Instant plus(Instant start, String duration) {
        try {
            return start.plus(Duration.parse(duration));
        } catch (DateTimeParseException calendar) {
            return start.atZone(ZoneOffset.UTC).plus(Period.parse(duration)).toInstant();
        }
    }
}
