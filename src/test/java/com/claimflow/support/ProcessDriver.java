package com.claimflow.support;

import com.claimflow.coding.CodingProcess;
import com.claimflow.identity.Worker;
import com.claimflow.workqueue.WorkItem;
import com.claimflow.workqueue.WorkQueueService;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

/**
 * Drives encounters through the real models in tests with the job executor off: runs due async continuations,
 * fires named timers, and completes tasks through the work queue exactly as a person would.
 */
@Component
public class ProcessDriver {
    private final ManagementService management;
    private final WorkQueueService queues;

    public ProcessDriver(ManagementService management, WorkQueueService queues) {
        this.management = management;
        this.queues = queues;
    }

    /** Executes async continuations (not timers) until none is left. */
    public void runJobs() {
        for (int round = 0; round < 500; round++) {
            // one at a time: a job can remove others (a completed task takes its SLA jobs with it)
            List<Job> jobs = management.createJobQuery().messages().executable().orderByJobId().asc().listPage(0, 1);
            if (jobs.isEmpty()) return;
            management.executeJob(jobs.get(0).getId());
        }
        throw new AssertionError("async jobs did not settle after 500 jobs");
    }

    /** Fires the timer of the given boundary or catch event of an encounter's processes, then runs what follows. */
    public void fireTimer(String activityId) {
        List<Job> timers = management.createJobQuery().timers().activityId(activityId).list();
        if (timers.isEmpty()) throw new AssertionError("no timer waiting at " + activityId);
        for (Job t : timers) management.executeJob(t.getId());
        runJobs();
    }

    public WorkItem task(long encounterId, String taskType) {
        return queues.forEncounter(encounterId).stream().filter(w -> w.taskType().equals(taskType)).findFirst()
                .orElseThrow(() -> new AssertionError("encounter " + encounterId + " has no open " + taskType + " task; open: "
                        + queues.forEncounter(encounterId).stream().map(WorkItem::taskType).toList()));
    }

    public List<String> openTaskTypes(long encounterId) {
        return queues.forEncounter(encounterId).stream().map(WorkItem::taskType).toList();
    }

    public void complete(long encounterId, String taskType, String user, String group, Map<String, Object> form) {
        WorkItem item = task(encounterId, taskType);
        queues.complete(item.taskId(), form, new Worker(user, Set.of(group)));
        runJobs();
    }

    /**
     * Codes the encounter as carla (not a new coder). The audit sample also draws at random: when it picks this coding,
     * compliance passes it, so the encounter goes on to the claim as the caller expects.
     */
    public void code(long encounterId, String diagnoses, String procedures) {
        complete(encounterId, CodingProcess.CODE_ENCOUNTER_TASK, "carla", "coders",
                Map.of("diagnosisCodes", diagnoses, "procedureLines", procedures, CodingProcess.QUERY_PROVIDER, false));
        if (openTaskTypes(encounterId).contains(CodingProcess.AUDIT_CODING_TASK)) {
            complete(encounterId, CodingProcess.AUDIT_CODING_TASK, "cora", "compliance", Map.of(CodingProcess.AUDIT_PASSED, true));
        }
    }
}
