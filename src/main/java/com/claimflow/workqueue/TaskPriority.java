package com.claimflow.workqueue;

import com.claimflow.base.DeployedDecision;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.stereotype.Component;

/**
 * A task's priority (0-100) from the {@code task-priority} DMN table: dollars at stake, nearest deadline, task type.
 * Asked for every task the engine creates, inside the engine's transaction, so the table is evaluated in memory
 * ({@link DeployedDecision}): no query and no history row per task. A FEEL evaluation parses the table's entries again
 * each time (about 0.4 ms, more under load), so answers are kept per version of the table and inputs: the same task type,
 * amount and days to the deadline get the same priority until the table is redeployed.
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
        Integer p = table.answer(taskType + '|' + amount + '|' + daysToDeadline, in,
                r -> r.getSingleResult() == null || r.getSingleEntry() == null ? null : ((Number) r.getSingleEntry()).intValue());
        return p == null ? WHEN_NO_RULE_MATCHES : p;
    }
}
