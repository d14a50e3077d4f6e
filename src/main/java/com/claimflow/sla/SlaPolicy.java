package com.claimflow.sla;

import com.claimflow.base.DeployedDecision;
import com.claimflow.workqueue.TaskVariables;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * SLA and follow-up durations for the models' timers, from the {@code sla-policy} and {@code follow-up-wait} DMN
 * tables (per task type, optionally per payer). Called from timer expressions: {@code ${slaPolicy.warnAfter(execution, 'CodeEncounter')}}.
 * <p>
 * Every task and wait asks, about six times an encounter, so the answers are kept per deployed version of the tables
 * ({@link DeployedDecision#answer}): a table is a pure function of task type and payer, and at history level audit an
 * evaluation through Camunda's {@code DecisionService} left no trace either (decision history needs level full). A
 * version deployed on this node counts from the next timer; on another node within {@link DeployedDecision#REFRESH_MILLIS}.
 */
@Component("slaPolicy")
public class SlaPolicy {
    /** The decisions it evaluates, and the input parameter naming the task an SLA timer guards. */
    public static final String SLA_DECISION_KEY = "sla-policy";
    public static final String WAIT_DECISION_KEY = "follow-up-wait";
    public static final String SLA_TASK_PARAMETER = "slaTask";

    /** The shortest SLA a scaled policy gives, so a demo's timers still come one after another. */
    static final Duration SHORTEST_SCALED = Duration.ofSeconds(30);

    private final DeployedDecision slaTable;
    private final DeployedDecision waitTable;
    private final double timeScale;

    private record Sla(String warnAfter, String escalateAfter) {
    }

    /**
     * {@code timeScale} shrinks the table's SLA durations (1 in production; the demo profile's small factor turns a
     * day into minutes, so a first start shows warnings and escalations while someone is looking).
     */
    public SlaPolicy(RepositoryService repository, @Value("${claimflow.sla.time-scale:1}") double timeScale) {
        if (!(timeScale > 0 && timeScale <= 1)) {
            throw new IllegalArgumentException("claimflow.sla.time-scale must be more than 0 and at most 1, not " + timeScale);
        }
        this.slaTable = new DeployedDecision(repository, SLA_DECISION_KEY);
        this.waitTable = new DeployedDecision(repository, WAIT_DECISION_KEY);
        this.timeScale = timeScale;
    }

    public String warnAfter(DelegateExecution execution, String taskType) {
        return scaled(sla(execution, taskType).warnAfter());
    }

    public String escalateAfter(DelegateExecution execution, String taskType) {
        return scaled(sla(execution, taskType).escalateAfter());
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
        String payer = payer(execution);
        String wait = waitTable.answer(waitType + '|' + payer,
                Variables.createVariables().putValue("waitType", waitType).putValue(TaskVariables.PAYER_ID, payer),
                r -> r.getSingleResult() == null ? null : String.valueOf((Object) r.getSingleEntry()));
        if (wait == null) throw new IllegalStateException(WAIT_DECISION_KEY + " has no rule for wait " + waitType + " and payer '" + payer + "'");
        return wait;
    }

    private Sla sla(DelegateExecution execution, String taskType) {
        String payer = payer(execution);
        Sla sla = slaTable.answer(taskType + '|' + payer,
                Variables.createVariables().putValue("taskType", taskType).putValue(TaskVariables.PAYER_ID, payer), SlaPolicy::slaOf);
        if (sla == null) throw new IllegalStateException(SLA_DECISION_KEY + " has no rule for task " + taskType + " and payer '" + payer + "'");
        return sla;
    }

    private static Sla slaOf(DmnDecisionResult result) {
        var hit = result.getSingleResult();
        return hit == null ? null : new Sla(String.valueOf((Object) hit.getEntry("warnAfter")), String.valueOf((Object) hit.getEntry("escalateAfter")));
    }

    private static String payer(DelegateExecution execution) {
        Object payer = execution.getVariable(TaskVariables.PAYER_ID);
        return payer == null ? "" : payer.toString();
    }
}
