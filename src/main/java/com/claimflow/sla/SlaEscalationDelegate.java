package com.claimflow.sla;

import com.claimflow.workqueue.WorkItem.SlaState;
import com.claimflow.workqueue.WorkQueueService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("slaEscalationDelegate")
public class SlaEscalationDelegate extends SlaBreachDelegate implements JavaDelegate {
    public SlaEscalationDelegate(TaskService tasks, WorkQueueService queues, SlaPolicy policy, SlaRegister register) {
        super(tasks, queues, policy, register, SlaState.ESCALATED);
    }
}
