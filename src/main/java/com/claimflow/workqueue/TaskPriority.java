package com.claimflow.workqueue;

import com.claimflow.base.DeployedDecision;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.stereotype.Component;

/**
 * A task's priority (0-100) from the {@code task-priority} DMN table: dollars at stake, nearest deadline, task type.
 * Asked for every task the engine creates, inside the engine's transaction, so the table is evaluated in memory
 * ({@link DeployedDecision}): no query and no history row per task.
 */
@Component
public class TaskPriority {
    public static final String DECISION = "task-priority";
    private static final int WHEN_NO_RULE_MATCHES = 50;
    private final DeployedDecision table;

    public TaskPriority(RepositoryService repository) {
        this.table = new DeployedDecision(repository, DECISION);
    }

    public int of(String taskType, double amount, long daysToDeadline) {
        Map<String, Object> in = new HashMap<>();
        in.put("taskType", taskType);
        in.put("amount", amount);
        in.put("daysToDeadline", daysToDeadline);
        Object p = table.evaluate(in).getSingleEntry();
        return p == null ? WHEN_NO_RULE_MATCHES : ((Number) p).intValue();
    }
}
