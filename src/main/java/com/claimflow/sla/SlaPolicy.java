package com.claimflow.sla;

import com.claimflow.workqueue.TaskVariables;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * SLA and follow-up durations for the models' timers, from the {@code sla-policy} and {@code follow-up-wait} DMN
 * tables (per task type, optionally per payer). Called from timer expressions: {@code ${slaPolicy.warnAfter(execution, 'CodeEncounter')}}.
 */
@Component("slaPolicy")
public class SlaPolicy {
    /** The decisions it evaluates, and the input parameter naming the task an SLA timer guards. */
    public static final String SLA_DECISION_KEY = "sla-policy";
    public static final String WAIT_DECISION_KEY = "follow-up-wait";
    public static final String SLA_TASK_PARAMETER = "slaTask";

    /** The shortest SLA a scaled policy gives, so a demo's timers still come one after another. */
    static final Duration SHORTEST_SCALED = Duration.ofSeconds(30);

    private final DecisionService decisions;
    private final double timeScale;

    /**
     * {@code timeScale} shrinks the table's SLA durations (1 in production; the demo profile's small factor turns a
     * day into minutes, so a first start shows warnings and escalations while someone is looking).
     */
    public SlaPolicy(DecisionService decisions, @Value("${claimflow.sla.time-scale:1}") double timeScale) {
        if (!(timeScale > 0 && timeScale <= 1)) {
            throw new IllegalArgumentException("claimflow.sla.time-scale must be more than 0 and at most 1, not " + timeScale);
        }
        this.decisions = decisions;
        this.timeScale = timeScale;
    }

    public String warnAfter(DelegateExecution execution, String taskType) {
        return scaled(sla(execution, taskType).get("warnAfter").toString());
    }

    public String escalateAfter(DelegateExecution execution, String taskType) {
        return scaled(sla(execution, taskType).get("escalateAfter").toString());
    }

    /** The table's ISO-8601 duration times the scale, in whole seconds; unscaled at 1 or when it is not a day-time duration (P1M). */
    String scaled(String duration) {
        if (timeScale == 1) return duration;
        try {
            long seconds = Math.round(Duration.parse(duration).getSeconds() * timeScale);
            return Duration.ofSeconds(Math.max(seconds, SHORTEST_SCALED.getSeconds())).toString();
        } catch (DateTimeParseException calendar) {
            return duration;
        }
    }

    public String waitFor(DelegateExecution execution, String waitType) {
        Object wait = decisions.evaluateDecisionByKey(WAIT_DECISION_KEY)
                .variables(Variables.createVariables().putValue("waitType", waitType).putValue(TaskVariables.PAYER_ID, payer(execution)))
                .evaluate().getSingleEntry();
        return wait.toString();
    }

    private Map<String, Object> sla(DelegateExecution execution, String taskType) {
        return decisions.evaluateDecisionByKey(SLA_DECISION_KEY)
                .variables(Variables.createVariables().putValue("taskType", taskType).putValue(TaskVariables.PAYER_ID, payer(execution)))
                .evaluate().getSingleResult().getEntryMap();
    }

    private static String payer(DelegateExecution execution) {
        Object payer = execution.getVariable(TaskVariables.PAYER_ID);
        return payer == null ? "" : payer.toString();
    }
}
