package com.claimflow.sla;

import com.claimflow.workqueue.WorkItem.SlaState;
import com.claimflow.workqueue.WorkQueueService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Task;

/** What an SLA timer does to the task it guards (named by the {@code slaTask} input parameter). */
abstract class SlaBreachDelegate {
    private final TaskService tasks;
    private final WorkQueueService queues;
    private final SlaState state;

    SlaBreachDelegate(TaskService tasks, WorkQueueService queues, SlaState state) {
        this.tasks = tasks;
        this.queues = queues;
        this.state = state;
    }

    public void execute(DelegateExecution x) {
        String taskType = (String) x.getVariable(SlaPolicy.SLA_TASK_PARAMETER);
        for (Task task : tasks.createTaskQuery().processInstanceId(x.getProcessInstanceId()).taskDefinitionKey(taskType).list()) {
            queues.slaBreached(task.getId(), state);
        }
    }
}
