package com.claimflow.sla;

import com.claimflow.workqueue.TaskVariables;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;
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

    private final DecisionService decisions;

    public SlaPolicy(DecisionService decisions) {
        this.decisions = decisions;
    }

    public String warnAfter(DelegateExecution execution, String taskType) {
        return sla(execution, taskType).get("warnAfter").toString();
    }

    public String escalateAfter(DelegateExecution execution, String taskType) {
        return sla(execution, taskType).get("escalateAfter").toString();
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
