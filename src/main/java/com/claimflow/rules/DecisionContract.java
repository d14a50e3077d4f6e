package com.claimflow.rules;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the callers of one decision rely on: the input columns they feed, the output columns they read and how many
 * answers they take, plus sample inputs whose answers are compared before a new version is deployed.
 *
 * @param provided the variables the callers pass; {@code null} when a BPMN businessRuleTask evaluates the decision with
 *                 every process variable, so an input reading another variable is not refused
 * @param readBy   who reads the answer, named in a refusal so the person knows what would break
 */
public record DecisionContract(String key, Set<String> provided, List<String> requiredInputs, List<String> requiredOutputs,
                               Answer answer, String readBy, List<Map<String, Object>> samples) {

    /** How the callers take the result. */
    public enum Answer {
        /** One output column, at most one matching rule ({@code getSingleEntry}, BPMN {@code mapDecisionResult="singleEntry"}). */
        SINGLE_ENTRY,
        /** At most one matching rule, several outputs ({@code getSingleResult}). */
        SINGLE_RESULT,
        /** Every matching rule ({@code getResultList}). */
        LIST
    }
}
