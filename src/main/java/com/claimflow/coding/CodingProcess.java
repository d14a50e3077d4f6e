package com.claimflow.coding;

import com.claimflow.workqueue.TaskVariables;
import java.util.Set;

/** Names of the {@code coding} process ({@code processes/coding.bpmn}) and of the coding tasks in later stages. */
public final class CodingProcess {
    /** Process id. */
    public static final String PROCESS = "coding";
    /** Its tasks: code, chase an unanswered provider query, audit a sampled coding. */
    public static final String CODE_ENCOUNTER_TASK = "CodeEncounter";
    public static final String CHASE_PROVIDER_QUERY_TASK = "ChaseProviderQuery";
    public static final String AUDIT_CODING_TASK = TaskVariables.AUDIT_CODING_TASK;
    /** Tasks of later stages where a coder re-codes (coding completes them); their processes name them too. */
    public static final String FIX_CODING_EDIT_TASK = "FixCodingEdit";
    public static final String CORRECT_CODING_DENIAL_TASK = "CorrectCodingDenial";
    /** The tasks whose form carries the codes (diagnoses, procedure lines), started from the codes on file. */
    public static final Set<String> TASKS_WITH_CODES = Set.of(CODE_ENCOUNTER_TASK, FIX_CODING_EDIT_TASK, CORRECT_CODING_DENIAL_TASK);
    /** The provider's answer to a query, correlated by {@code encounterId}. */
    public static final String PROVIDER_ANSWERED_MESSAGE = "ProviderAnswered";
    /** Set on completing {@code ChaseProviderQuery}: the answer is in (and kept), so coding resumes. */
    public static final String PROVIDER_ANSWERED = "providerAnswered";
    /** Audit sampling: the decision and its inputs, set on completing {@code CodeEncounter}, and its output. */
    public static final String AUDIT_SAMPLING_DECISION_KEY = "coding-audit-sampling";
    public static final String CODER_NEW = "coderNew";
    public static final String ESTIMATED_CHARGE = TaskVariables.ESTIMATED_CHARGE;
    public static final String AUDIT_DRAW = "auditDraw";
    public static final String AUDIT_REQUIRED = "auditRequired";
    /** Set on completing the tasks: a query to the provider, who coded (four eyes), the audit's verdict. */
    public static final String QUERY_PROVIDER = "queryProvider";
    public static final String CODED_BY = TaskVariables.CODED_BY;
    public static final String AUDIT_PASSED = "auditPassed";

    private CodingProcess() {
    }
}
