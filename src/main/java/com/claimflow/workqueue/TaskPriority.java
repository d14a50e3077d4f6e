package com.claimflow.workqueue;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

/** A task's priority (0-100) from the {@code task-priority} DMN table: dollars at stake, nearest deadline, task type. */
@Component
public class TaskPriority {
    public static final String DECISION = "task-priority";
    private final DecisionService decisions;

    public TaskPriority(DecisionService decisions) {
        this.decisions = decisions;
    }

    public int of(String taskType, double amount, long daysToDeadline) {
        Map<String, Object> in = new HashMap<>();
        in.put("taskType", taskType);
        in.put("amount", amount);
        in.put("daysToDeadline", daysToDeadline);
        Object p = decisions.evaluateDecisionByKey(DECISION).variables(in).evaluate().getSingleEntry();
        return p == null ? 50 : ((Number) p).intValue();
    }
}
